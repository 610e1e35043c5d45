package dev.foresight.reports.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/** The batch as it was run ({@code config.resolved.json}, every default filled in), shown as YAML. */
final class ConfigSection implements Section {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    record View(String yaml) {
    }

    @Override
    public String slot() {
        return "config";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        String yaml;
        try {
            yaml = YAML.writeValueAsString(in.dir().readConfig());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot show the resolved config as YAML", e);
        }
        return Templates.render(slot(), new View(yaml));
    }
}
