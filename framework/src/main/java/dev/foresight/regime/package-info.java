/**
 * Market regime contract: {@link dev.foresight.regime.RegimeDetector}, fit on training data and
 * labelling test bars causally, so metrics can be broken down by regime.
 */
package dev.foresight.regime;
