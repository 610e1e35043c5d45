package dev.foresight.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The version and git commit the running code was built from (written at build time). */
public final class CodeVersion {

    private CodeVersion() {
    }

    public static Map<String, Object> get() {
        Map<String, Object> v = new LinkedHashMap<>();
        Properties git = new Properties();
        try (InputStream in = CodeVersion.class.getResourceAsStream("/foresight-git.properties")) {
            if (in != null) {
                git.load(in);
            }
        } catch (IOException e) {
            // reported as unknown below
        }
        String version = CodeVersion.class.getPackage().getImplementationVersion();
        v.put("version", version == null ? "dev" : version);
        v.put("git_commit", git.getProperty("git.commit.id", "unknown"));
        v.put("git_dirty", Boolean.parseBoolean(git.getProperty("git.dirty", "false")));
        return v;
    }
}
