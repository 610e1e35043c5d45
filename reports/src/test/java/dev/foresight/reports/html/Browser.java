package dev.foresight.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fixture: headless Chromium driven over the DevTools protocol from plain Java (the JDK's
 * HTTP client and WebSocket, Jackson for the messages) — no driver binary, nothing downloaded.
 * Records console errors, uncaught exceptions, browser log errors (CSP violations among them) and
 * JavaScript dialogs ({@code alert}) while a page is open.
 *
 * <p>Needs Chromium ({@code /usr/bin/chromium}, or on the PATH: Debian package {@code chromium});
 * tests call {@link #available()} and skip without it.
 */
public final class Browser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<JsonNode>> waiters = new ConcurrentHashMap<>();

    /** The Chromium to use, if installed. */
    public static Optional<Path> available() {
        return Pdf.chromium();
    }

    /** Starts headless Chromium with a throw-away profile, a window of the given size, and attaches to its page. */
    public static Browser start(int width, int height) throws IOException, InterruptedException {
        Path chromium = available().orElseThrow(() -> new IllegalStateException("no Chromium installed"));
        Path profile = Files.createTempDirectory("foresight-browser-test-");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString()));
        cmd.addAll(Pdf.headlessFlags(profile));
        cmd.addAll(List.of("--remote-debugging-port=0", "--window-size=" + width + "," + height, "--hide-scrollbars",
                "about:blank"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("Chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(50);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String ws = null;
        while (ws == null) {
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode t : targets) {
                if ("page".equals(t.path("type").asText())) {
                    ws = t.path("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (ws == null) {
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IOException("Chromium has no page target");
                }
                Thread.sleep(50);
            }
        }
        return new Browser(p, profile, http, ws);
    }

    private Browser(Process process, Path profile, HttpClient http, String ws) {
        this.process = process;
        this.profile = profile;
        this.socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
            private final StringBuilder buffer = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                buffer.append(data);
                if (last) {
                    receive(buffer.toString());
                    buffer.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).join();
    }

    private void receive(String message) {
        try {
            JsonNode m = JSON.readTree(message);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) {
                    if (m.has("error")) {
                        f.completeExceptionally(new IOException(m.get("error").toString()));
                    } else {
                        f.complete(m.path("result"));
                    }
                }
            } else {
                events.add(m);
                CompletableFuture<JsonNode> w = waiters.remove(m.path("method").asText());
                if (w != null) {
                    w.complete(m.path("params"));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends one DevTools command and waits for its result. */
    public JsonNode send(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        socket.sendText(msg.toString(), true).join();
        try {
            return f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a file and waits for its load event; returns the wall-clock milliseconds from the
     * navigation command to the load event (the page's scripts, charts included, run before it).
     */
    public long open(Path file) {
        return open(file.toAbsolutePath().toUri().toString());
    }

    /** Opens a URL (e.g. a file's with a fragment) and waits for its load event; the milliseconds it took. */
    public long open(String url) {
        send("Page.enable", Map.of());
        send("Runtime.enable", Map.of());
        send("Log.enable", Map.of());
        CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
        waiters.put("Page.loadEventFired", loaded);
        long t0 = System.nanoTime();
        send("Page.navigate", Map.of("url", url));
        try {
            loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the page did not load: " + e, e);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Evaluates a JavaScript expression in the page (promises awaited) and returns its value as JSON. */
    public JsonNode eval(String expression) {
        JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /**
     * Waits until the page has drawn all its charts (the page script marks {@code <html data-charts="all">});
     * returns the milliseconds waited.
     */
    public long awaitCharts() {
        long t0 = System.nanoTime();
        eval("new Promise((resolve, reject) => { const t0 = Date.now(); (function poll() {"
                + " if (document.documentElement.getAttribute('data-charts') === 'all') resolve(true);"
                + " else if (Date.now() - t0 > 30000) reject(new Error('charts not drawn after 30 s'));"
                + " else setTimeout(poll, 20); })(); })");
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Console errors, uncaught exceptions and browser log errors seen so far, as text. */
    public List<String> errors() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            String method = e.path("method").asText();
            JsonNode p = e.path("params");
            if (method.equals("Runtime.consoleAPICalled") && List.of("error", "assert").contains(p.path("type").asText())) {
                out.add("console." + p.path("type").asText() + ": " + p.path("args"));
            } else if (method.equals("Runtime.exceptionThrown")) {
                out.add("exception: " + p.path("exceptionDetails"));
            } else if (method.equals("Log.entryAdded") && "error".equals(p.path("entry").path("level").asText())) {
                out.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
            }
        }
        return out;
    }

    /** JavaScript dialogs ({@code alert}, {@code confirm}, {@code prompt}) the page tried to open. */
    public List<String> dialogs() {
        return events.stream().filter(e -> e.path("method").asText().equals("Page.javascriptDialogOpening"))
                .map(e -> e.path("params").path("message").asText()).toList();
    }

    /** A PNG of the whole page (the viewport stretched to the content height, at most 16,000 px). */
    public void screenshot(Path png, int width) throws IOException {
        JsonNode metrics = send("Page.getLayoutMetrics", Map.of());
        JsonNode size = metrics.has("cssContentSize") ? metrics.get("cssContentSize") : metrics.get("contentSize");
        int height = (int) Math.min(16000, Math.ceil(size.path("height").asDouble()));
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        // Let the charts follow the resize before the picture is taken.
        eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200))))");
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(shot.path("data").asText()));
        send("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** A PNG of one element (e.g. a section), for looking at a part of the page up close. */
    public void screenshotOf(String selector, Path png) throws IOException {
        JsonNode r = eval("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector) + ");"
                + " if (!e) return null; const b = e.getBoundingClientRect();"
                + " return {x: b.left + window.scrollX, y: b.top + window.scrollY, w: b.width, h: b.height}; })()");
        if (r.isNull() || r.isMissingNode()) {
            throw new IllegalArgumentException("no element " + selector);
        }
        Map<String, Object> clip = Map.of("x", r.path("x").asDouble(), "y", r.path("y").asDouble(), "width", r.path("w").asDouble(),
                "height", Math.min(8000, r.path("h").asDouble()), "scale", 1);
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    @Override
    public void close() throws IOException {
        try {
            socket.abort();
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            deleteProfile();
        }
    }

    /**
     * Removes the throw-away profile. Chromium's helper processes (network service, zygote) can
     * outlive the browser process by a moment and still create and rename files in it, so a file
     * that vanishes mid-walk is not an error, and a directory that gains a file is tried again.
     */
    private void deleteProfile() throws IOException {
        for (int attempt = 0; attempt < 5 && Files.exists(profile); attempt++) {
            Files.walkFileTree(profile, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                        throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    try {
                        Files.deleteIfExists(dir);
                    } catch (IOException notEmptyYet) {
                        // a helper process wrote into it after the walk passed: the next attempt takes it
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            if (Files.exists(profile)) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * What a person would check on opening a report: a count of chart containers, and those without
     * drawn content (no canvas, or a canvas with no painted pixel).
     */
    public static final String CHART_CHECK = """
            (() => {
              const all = Array.from(document.querySelectorAll('.chart[data-chart]'));
              const empty = all.filter(el => {
                const c = el.querySelector('canvas');
                if (!c || c.width === 0 || c.height === 0) return true;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return false; }
                return true;
              }).map(el => el.getAttribute('data-chart'));
              return {count: all.length, empty: empty};
            })()""";

    /** The number of pages of a PDF file (its page objects). */
    public static int pdfPages(Path pdf) throws IOException {
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        return (int) java.util.regex.Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(text).results().count();
    }

    /**
     * A script listing pairs of visible boxes of the page's content that overlap (bounding rectangles
     * intersecting by more than 2 px each way), neither inside the other: headings, paragraphs, tables,
     * charts, cards, lists, labels (not the content of a closed {@code <details>}). Returns {@code [[selectorA, selectorB], ...]}.
     */
    public static final String OVERLAPS = "(() => {"
            + " const els = Array.from(document.querySelectorAll('main h1, main h2, main h3, main p, main table, main .chart,"
            + " main .card, main ul, main dl, main pre, main label'))"
            + "   .filter(e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);"
            + "     return r.width > 0 && r.height > 0 && s.display !== 'none' && s.visibility !== 'hidden'"
            + "       && !e.closest('details:not([open])'); });"
            + " const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')"
            + "   + ' \\'' + (e.textContent || '').trim().slice(0, 40) + '\\'';"
            + " const out = [];"
            + " for (let i = 0; i < els.length; i++) { const a = els[i].getBoundingClientRect();"
            + "   for (let j = i + 1; j < els.length; j++) {"
            + "     if (els[i].contains(els[j]) || els[j].contains(els[i])) continue;"
            + "     const b = els[j].getBoundingClientRect();"
            + "     const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);"
            + "     const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);"
            + "     if (w > 2 && h > 2) out.push([name(els[i]), name(els[j])]); } }"
            + " return out; })()";
}
