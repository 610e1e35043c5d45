package dev.foresight.reports.html;

/**
 * The batch as it was run ({@code config.resolved.json}, every default filled in), shown as a
 * batch file in its own key names so it can be pasted back and run again ({@link BatchYaml}).
 */
final class ConfigSection implements Section {

    record View(String yaml) {
    }

    @Override
    public String slot() {
        return "config";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        return Templates.render(slot(), new View(BatchYaml.render(in.dir().readConfig())));
    }
}
