package dev.foresight.reports.html;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Prints a report to PDF with headless Chromium when one is installed ({@code /usr/bin/chromium},
 * or {@code chromium}, {@code chromium-browser}, {@code google-chrome} on the PATH). The browser
 * runs with a throw-away profile, no network services and a bounded time budget; the page's print
 * stylesheet lays it out for A4.
 */
public final class Pdf {

    /** Browser names looked for on the PATH, in order. */
    public static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 120;

    private Pdf() {
    }

    /** The Chromium executable to use, if any. */
    public static Optional<Path> chromium() {
        return find(Path.of("/usr/bin/chromium"), System.getenv("PATH"));
    }

    /** The first executable of {@code usual}, then {@link #BROWSERS} in the directories of {@code path}. */
    static Optional<Path> find(Path usual, String path) {
        if (Files.isExecutable(usual)) {
            return Optional.of(usual);
        }
        if (path != null) {
            for (String browser : BROWSERS) {
                for (String dir : path.split(File.pathSeparator)) {
                    Path p = Path.of(dir, browser);
                    if (Files.isExecutable(p)) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The flags every headless run uses: no sandbox (containers), no GPU, no first-run, no background network. */
    public static List<String> headlessFlags(Path profile) {
        return List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile);
    }

    /**
     * Writes {@code pdf} from {@code html} with the given browser.
     *
     * @throws IOException when the browser fails or writes nothing (the message says why)
     */
    public static void print(Path browser, Path html, Path pdf) throws IOException {
        print(browser, html, pdf, false);
    }

    /**
     * Writes {@code pdf} from {@code html}: the meeting summary (verdict, leaderboard, model confidence
     * sets, regimes, equity against buy-and-hold), or with {@code full} every section. The page is
     * opened at {@code #print} or {@code #print-full}, so its script lays it out for paper from the start
     * (no zoom sliders) and its print stylesheet keeps the chosen sections.
     *
     * @throws IOException when the browser fails or writes nothing (the message says why)
     */
    public static void print(Path browser, Path html, Path pdf, boolean full) throws IOException {
        Path profile = Files.createTempDirectory("foresight-chromium-");
        try {
            List<String> cmd = new ArrayList<>(List.of(browser.toString()));
            cmd.addAll(headlessFlags(profile));
            cmd.addAll(List.of("--no-pdf-header-footer", "--virtual-time-budget=10000",
                    "--print-to-pdf=" + pdf.toAbsolutePath(), html.toAbsolutePath().toUri() + (full ? "#print-full" : "#print")));
            Path log = profile.resolve("chromium.log");
            Files.deleteIfExists(pdf);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException(browser + " did not finish within " + TIMEOUT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while printing", e);
            }
            if (!Files.exists(pdf) || Files.size(pdf) == 0) {
                String out = Files.exists(log) ? Files.readString(log) : "";
                throw new IOException(browser + " exited with " + p.exitValue() + " and wrote no PDF"
                        + (out.isBlank() ? "" : ": " + out.strip().lines().reduce((a, b) -> b).orElse("")));
            }
        } finally {
            try (var walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
