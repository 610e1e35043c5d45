package dev.foresight.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding Chromium, and printing a report with it. */
class PdfTest {

    @TempDir
    Path tmp;

    @Test
    void chromium_isFoundAtTheUsualPathOrOnThePath_andAbsentOtherwise() throws Exception {
        Path none = tmp.resolve("no-such-chromium");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        assertEquals(Optional.empty(), Pdf.find(none, bin.toString()));
        assertEquals(Optional.empty(), Pdf.find(none, null));
        Path fake = Files.writeString(bin.resolve("chromium-browser"), "#!/bin/sh\n");
        assertTrue(fake.toFile().setExecutable(true));
        assertEquals(Optional.of(fake), Pdf.find(none, tmp + File.pathSeparator + bin));
        Path usual = Files.writeString(tmp.resolve("chromium"), "#!/bin/sh\n");
        assertTrue(usual.toFile().setExecutable(true));
        assertEquals(Optional.of(usual), Pdf.find(usual, bin.toString()));
    }

    @Test
    void print_writesAPdfOfTheReport() throws Exception {
        Assumptions.assumeTrue(Pdf.chromium().isPresent(), "Chromium not installed: PDF test skipped");
        var dir = HandWrittenRun.write(tmp.resolve("run"), "ret", false);
        HtmlReport.write(dir);
        Path pdf = tmp.resolve("report.pdf");
        Pdf.print(Pdf.chromium().get(), dir.file(HtmlReport.REPORT_HTML), pdf);
        byte[] head = Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertEquals("%PDF-", new String(head, StandardCharsets.US_ASCII));
        assertTrue(Files.size(pdf) > 50_000, "a PDF with charts, " + Files.size(pdf) + " bytes");
    }
}
