package dev.foresight.cli;

import picocli.CommandLine;

/** {@code foresight --version}: the build's version and commit. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        var v = dev.foresight.run.CodeVersion.get();
        return new String[] {"foresight " + v.get("version") + " (commit " + v.get("git_commit") + ")",
                "Java " + System.getProperty("java.version") + " " + System.getProperty("java.vendor")};
    }
}
