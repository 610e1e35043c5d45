/**
 * Planted look-ahead bugs and their clean look-alikes, packaged as a third party would: loaded
 * only through {@code --plugins target/test-classes/planted} (their service registration lives
 * there, not on the test class path). {@code PlantedLeaksCliTest} runs each through
 * {@code foresight check} and {@code foresight run}.
 */
package dev.foresight.planted;
