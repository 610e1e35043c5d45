/**
 * What is forecast: {@link dev.foresight.target.Target} and the built-in targets (log return,
 * direction, realised volatility, next close). A target's horizon sets the walk-forward purge.
 */
package dev.foresight.target;
