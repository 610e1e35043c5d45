package dev.foresight.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML document into {@link YamlNode}s with their locations, using Jackson's streaming
 * YAML parser. Syntax errors and duplicate keys are {@link UserError}s at the offending line.
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlReader() {
    }

    public static YamlNode read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(Location.of(file.toString()), "file not found");
        } catch (IOException e) {
            throw new UserError(Location.of(file.toString()), "cannot read: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    public static YamlNode parse(String source, String text) {
        try (Reader reader = new StringReader(text); JsonParser p = FACTORY.createParser(reader)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new UserError(Location.of(source), "the document is empty");
            }
            YamlNode root = node(p, source, "");
            if (p.nextToken() != null) {
                throw new UserError(at(source, p.currentTokenLocation(), ""), "only one YAML document is allowed per file");
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            int cut = msg.indexOf(" at [Source");
            throw new UserError(loc == null ? Location.of(source) : at(source, loc, ""),
                    "invalid YAML: " + (cut > 0 ? msg.substring(0, cut) : msg).replace('\n', ' ').trim());
        } catch (IOException e) {
            throw new UserError(Location.of(source), "cannot read YAML: " + e.getMessage());
        }
    }

    private static YamlNode node(JsonParser p, String source, String path) throws IOException {
        JsonToken token = p.currentToken();
        Location where = at(source, p.currentTokenLocation(), path);
        if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml) {
            // Aliases are never expanded (so no "billion laughs"): they are refused, as are tags,
            // which in other loaders name classes to instantiate.
            if (yaml.isCurrentAlias()) {
                throw new UserError(where, "YAML aliases (*" + p.getText() + ") are not supported: write the value out "
                        + "(or use the batch's defaults and grid)");
            }
            String tag = yaml.getTypeId();
            if (tag != null) {
                throw new UserError(where, "YAML tags (!" + tag + ") are not supported: a batch holds plain values");
            }
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Location> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyAt = at(source, p.currentTokenLocation(), join(path, key));
                    p.nextToken();
                    YamlNode value = node(p, source, join(path, key));
                    if (entries.put(key, value) != null) {
                        throw new UserError(keyAt, "duplicate key '" + key + "'");
                    }
                    keys.put(key, keyAt);
                }
                return new YamlNode.Mapping(entries, keys, where);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, source, path + "[" + i++ + "]"));
                }
                return new YamlNode.Sequence(items, where);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, where);
            }
            default -> {
                if (token.isScalarValue()) {
                    return new YamlNode.Scalar(p.getText(), where);
                }
                throw new UserError(where, "unexpected YAML content " + token);
            }
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Location at(String source, JsonLocation loc, String path) {
        return Location.at(source, Math.max(0, loc.getLineNr()), Math.max(0, loc.getColumnNr()), path);
    }
}
