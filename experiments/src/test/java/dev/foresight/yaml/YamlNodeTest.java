package dev.foresight.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a node names itself in error messages. */
class YamlNodeTest {

    private static YamlNode value(String yaml) {
        return ((YamlNode.Mapping) YamlReader.parse("t.yaml", "v: " + yaml + "\n")).entries().get("v");
    }

    @Test
    void describe_saysWhenAListOrMappingIsEmpty() {
        assertEquals("an empty list", value("[]").describe());
        assertEquals("a list", value("[1]").describe());
        assertEquals("an empty mapping", value("{}").describe());
        assertEquals("a mapping", value("{a: 1}").describe());
        assertEquals("the value '3'", value("3").describe());
    }
}
