/**
 * Trading rule contract: {@link dev.foresight.strategy.Strategy} turns forecasts into positions.
 * Built-in rules live in the strategies module.
 */
package dev.foresight.strategy;
