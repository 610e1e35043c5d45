package dev.foresight.data.csv;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Finds the CSV fixtures that live beside these tests in src/test/resources. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("no test fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
