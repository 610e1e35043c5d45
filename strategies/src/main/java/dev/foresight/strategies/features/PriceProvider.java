package dev.foresight.strategies.features;

import dev.foresight.data.Column;
import dev.foresight.feature.FeatureSet;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code kind: price}: raw price (and volume) levels, e.g. the close the course's LSTM reads. */
public final class PriceProvider extends SimpleProvider<FeatureSet> {

    private static final List<String> NAMES = Arrays.stream(Column.values()).map(Column::yamlName).toList();

    public PriceProvider() {
        super(FeatureSet.class, "price",
                "Raw levels of a series' columns at bar t (default: close); no warm-up",
                List.of(ParameterSpec.text("columns", "close",
                                "comma-separated columns, in order: any of " + String.join(", ", NAMES)),
                        ParameterSpec.text("symbol", "",
                                "series to read; empty = the primary series, else that symbol's (columns prefixed SYMBOL_)")),
                p -> {
                    List<Column> columns = new ArrayList<>();
                    for (String name : p.text("columns").split(",")) {
                        String n = name.trim();
                        if (!NAMES.contains(n)) {
                            throw p.error("columns", "'" + n + "' is not a column; use " + String.join(", ", NAMES));
                        }
                        Column c = Column.valueOf(n.toUpperCase(Locale.ROOT));
                        if (columns.contains(c)) {
                            throw p.error("columns", "'" + n + "' is named twice");
                        }
                        columns.add(c);
                    }
                    return new PriceLevels(columns, p.text("symbol"));
                });
    }
}
