/**
 * YAML read once, at the edge, into a located tree ({@link dev.foresight.yaml.YamlNode}) so
 * validation can name file, line, column and path. Batch parsing in {@code batch} reads this tree.
 */
package dev.foresight.yaml;
