package dev.foresight.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.foresight.error.Location;
import dev.foresight.error.Quote;
import dev.foresight.error.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
 *
 * <p>Hostile or mistaken input is refused fast, in bounded memory, and located: a file over
 * {@value #MAX_FILE_BYTES} bytes is refused before it is read; invalid UTF-8 and control
 * characters at their line and column; nesting deeper than {@value #MAX_DEPTH} levels and values
 * longer than {@value #MAX_VALUE_CHARS} characters where they start. A problem with the file as a
 * whole (too large, empty) names the file and says "(whole file)".
 */
public final class YamlReader {

    /** A batch file's largest size: the largest example is 4 KB; a megabyte is a wrong file, not a batch. */
    public static final int MAX_FILE_BYTES = 256 * 1024;
    /**
     * Longest line, in characters. Checked before the YAML parser sees the text: its scanner slows
     * down sharply on very long lines (a 900,000-character value took seconds), so a line this long
     * is refused at its start instead of being parsed.
     */
    public static final int MAX_LINE_CHARS = 10_000;
    /** Deepest nesting of mappings and lists (a batch needs about 8). */
    public static final int MAX_DEPTH = 64;
    /** Longest single value, in characters (a description included). */
    public static final int MAX_VALUE_CHARS = 10_000;

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
    private static final String WHOLE_FILE = "whole file";

    private YamlReader() {
    }

    public static YamlNode read(Path file) {
        return parse(file.toString(), readText(file));
    }

    /**
     * The text of a batch file, read the one way every command reads it: a located user error for
     * a missing or unreadable file, one larger than the limit (checked while reading, so
     * {@code /dev/zero} or a multi-gigabyte file by mistake stops at once instead of filling the
     * heap), or bytes that are not UTF-8; a leading BOM is dropped.
     */
    public static String readText(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Read one byte past the limit: a special file (/dev/zero, a pipe) has no size to check first.
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new UserError(Location.of(file.toString()), "file not found");
        } catch (IOException e) {
            throw new UserError(Location.at(file.toString(), 0, 0, WHOLE_FILE), "cannot read: "
                    + Quote.of(e.getMessage()));
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new UserError(Location.at(file.toString(), 0, 0, WHOLE_FILE), "larger than "
                    + MAX_FILE_BYTES / 1024 + " KiB: a batch file is a few kilobytes of YAML (is this the right file?)");
        }
        return decode(file.toString(), bytes);
    }

    /** The text of {@code bytes} as UTF-8, or a located error at the first byte that is not. */
    static String decode(String source, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new UserError(Location.at(source, line, offset - lineStart + 1, ""), String.format(
                    "invalid UTF-8 (byte 0x%02x at byte offset %d): save the file as UTF-8", bytes[offset] & 0xff, offset));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public static YamlNode parse(String source, String text) {
        scan(source, text);
        try (Reader reader = new StringReader(text); JsonParser p = FACTORY.createParser(reader)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new UserError(Location.at(source, 0, 0, WHOLE_FILE), "the file holds no YAML document (it is empty"
                        + " or only comments): a batch needs at least 'name' and 'experiments'");
            }
            YamlNode root = node(p, source, "", 0);
            if (root instanceof YamlNode.Scalar sc && (sc.isNull() || sc.text().isEmpty())) {
                throw new UserError(Location.at(source, 0, 0, WHOLE_FILE), "the file holds an empty YAML document:"
                        + " a batch needs at least 'name' and 'experiments'");
            }
            if (p.nextToken() != null) {
                throw new UserError(at(source, p.currentTokenLocation(), ""), "only one YAML document is allowed per file");
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            int cut = msg.indexOf(" at [Source");
            String reason = (cut > 0 ? msg.substring(0, cut) : msg).replace('\n', ' ').trim();
            throw new UserError(loc == null || loc.getLineNr() <= 0 ? Location.at(source, 0, 0, WHOLE_FILE)
                    : at(source, loc, ""), "invalid YAML: " + Quote.of(reason, 300));
        } catch (IOException e) {
            throw new UserError(Location.at(source, 0, 0, WHOLE_FILE), "cannot read YAML: " + Quote.of(e.getMessage()));
        }
    }

    /**
     * Refuses a line longer than {@link #MAX_LINE_CHARS}, and the first character YAML does not allow (C0 controls but tab, LF and CR; DEL; C1
     * controls but NEL; lone surrogates; U+FFFE and U+FFFF) at its real line and column: the YAML
     * parser's own check reports them all at 1:1.
     */
    private static void scan(String source, String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (column > MAX_LINE_CHARS) {
                throw new UserError(Location.at(source, line, 1, ""), "line " + line + " is longer than " + MAX_LINE_CHARS
                        + " characters: write long lists one item per line, and keep values under "
                        + MAX_VALUE_CHARS + " characters");
            }
            boolean bad = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f
                    || c >= 0x80 && c <= 0x9f && c != 0x85 || c == 0xfffe || c == 0xffff
                    || Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (bad) {
                throw new UserError(Location.at(source, line, column, ""), String.format("control character U+%04X is not"
                        + " allowed in YAML: remove it (or write it as an escape inside double quotes)", (int) c));
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }

    private static YamlNode node(JsonParser p, String source, String path, int depth) throws IOException {
        JsonToken token = p.currentToken();
        Location where = at(source, p.currentTokenLocation(), path);
        if (depth > MAX_DEPTH) {
            throw new UserError(where, "nested more than " + MAX_DEPTH + " levels deep: a batch needs far fewer");
        }
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
                    if (key.length() > MAX_VALUE_CHARS) {
                        throw new UserError(at(source, p.currentTokenLocation(), path), "a key of " + key.length()
                                + " characters: keys are at most " + MAX_VALUE_CHARS + " (" + Quote.of(key) + ")");
                    }
                    Location keyAt = at(source, p.currentTokenLocation(), join(path, key));
                    p.nextToken();
                    YamlNode value = node(p, source, join(path, key), depth + 1);
                    if (entries.put(key, value) != null) {
                        throw new UserError(keyAt, "duplicate key '" + Quote.of(key) + "'");
                    }
                    keys.put(key, keyAt);
                }
                return new YamlNode.Mapping(entries, keys, where);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, source, path + "[" + i++ + "]", depth + 1));
                }
                return new YamlNode.Sequence(items, where);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, where);
            }
            default -> {
                if (token.isScalarValue()) {
                    if (p.getTextLength() > MAX_VALUE_CHARS) {
                        throw new UserError(where, "a value of " + p.getTextLength() + " characters: values are at most "
                                + MAX_VALUE_CHARS + " (" + Quote.of(p.getText()) + ")");
                    }
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
