package dev.foresight.run;

import dev.foresight.batch.DataSpec;
import dev.foresight.batch.SourceSpec;
import dev.foresight.data.Column;
import dev.foresight.data.DataNotes;
import dev.foresight.data.DateAlignment;
import dev.foresight.data.MarketData;
import dev.foresight.data.PriceSeries;
import dev.foresight.data.csv.CsvLayout;
import dev.foresight.data.csv.CsvLoader;
import dev.foresight.data.csv.LoadedSeries;
import dev.foresight.data.csv.MissingPolicy;
import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads an experiment's {@link DataSpec}: CSV files through the validating loader, synthetic
 * series from their simulators, several series aligned on common dates. Experiments sharing the
 * same data spec share one load.
 */
public final class DataLoader {

    private final Map<DataSpec, LoadedData> cache = new ConcurrentHashMap<>();

    public LoadedData load(DataSpec spec) {
        LoadedData hit = cache.get(spec);
        if (hit != null) {
            return hit;
        }
        List<PriceSeries> series = new ArrayList<>();
        Map<String, DataNotes> notes = new HashMap<>();
        List<Map<String, Object>> sources = new ArrayList<>();
        List<SourceSpec> all = new ArrayList<>();
        all.add(spec.primary());
        all.addAll(spec.inputs());
        for (SourceSpec s : all) {
            LoadedSeries loaded = load(s);
            series.add(spec.range().apply(loaded.series())); // data.start/data.end, before anything else sees the data
            notes.put(s.symbol(), loaded.notes());
            sources.add(describe(s));
        }
        MarketData market;
        if (series.size() == 1) {
            market = MarketData.of(series.get(0), notes.get(series.get(0).symbol()));
        } else {
            try {
                Map<String, Location> where = new HashMap<>();
                all.forEach(source -> where.put(source.symbol(), source.location()));
                market = DateAlignment.align(series, notes, where::get);
            } catch (IllegalArgumentException e) {
                throw new UserError(spec.primary().location(), "cannot align the data series: " + e.getMessage());
            }
        }
        for (int i = 0; i < sources.size(); i++) {
            sources.get(i).put("notes", market.notes(series.get(i).symbol()));
            sources.get(i).put("bars_loaded", series.get(i).size());
        }
        if (!spec.range().all()) {
            sources.get(0).put("range", spec.range().toString()); // recorded in the manifest's data.series
        }
        LoadedData out = new LoadedData(market, Hashing.sha256(market), sources);
        cache.put(spec, out);
        return out;
    }

    private static LoadedSeries load(SourceSpec s) {
        if (s instanceof SourceSpec.Csv csv) {
            if (!Files.exists(csv.path())) {
                // Located at the YAML that names it, where the mistake is more likely than in the file system.
                // Anything else about the file (a directory, a pipe, its bytes) is CsvLoader's to say.
                throw new UserError(csv.location(), "data file not found: " + csv.path());
            }
            CsvLayout layout;
            try {
                Map<Column, String> columns = new EnumMap<>(Column.class);
                String dateColumn = null;
                for (Map.Entry<String, String> e : csv.columns().entrySet()) {
                    if (e.getKey().equals("date")) {
                        dateColumn = e.getValue();
                    } else {
                        columns.put(Column.valueOf(e.getKey().toUpperCase(Locale.ROOT)), e.getValue());
                    }
                }
                layout = CsvLayout.of(dateColumn, columns, csv.dateFormat(), MissingPolicy.fromYamlName(csv.missing()));
            } catch (IllegalArgumentException e) {
                throw new UserError(csv.location(), e.getMessage());
            }
            return CsvLoader.load(csv.path(), csv.symbol(), layout);
        }
        return SyntheticData.generate((SourceSpec.Synthetic) s);
    }

    private static Map<String, Object> describe(SourceSpec s) {
        Map<String, Object> out = new LinkedHashMap<>(ResolvedConfig.source(s));
        if (s instanceof SourceSpec.Csv csv) {
            try {
                out.put("file_sha256", Hashing.sha256(Files.readAllBytes(csv.path())));
            } catch (IOException e) {
                out.put("file_sha256", "unreadable");
            }
        }
        return out;
    }
}
