package dev.foresight.reports.html;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The report's Mustache templates (classpath resources beside this class). Every {@code {{value}}}
 * is HTML-escaped ({@code & < > " ' ` =}); a variable missing from a view model is an error, so a
 * typo in a template fails the tests instead of printing nothing; a null prints as empty.
 */
final class Templates {

    private static final String BASE = "/dev/foresight/reports/html/";
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(true).nullValue("")
            .withLoader(name -> new StringReader(resource(name + ".mustache")));
    private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

    private Templates() {
    }

    static String render(String name, Object view) {
        return CACHE.computeIfAbsent(name, n -> COMPILER.compile(resource(n + ".mustache"))).execute(view);
    }

    /** A text resource beside this class (a template, the stylesheet, the page script). */
    static String resource(String name) {
        return read(BASE + name);
    }

    static String read(String path) {
        try (InputStream in = Templates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
