package dev.foresight.spark;

import dev.foresight.data.Column;
import dev.foresight.data.DataNotes;
import dev.foresight.data.MarketData;
import dev.foresight.data.PriceSeries;
import dev.foresight.data.RegimeTruth;
import dev.foresight.run.LoadedData;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment's loaded data in a form Spark can broadcast (Java-serialisable, plain arrays): the
 * executors rebuild exactly the driver's {@link MarketData}, so they need neither the CSV files nor
 * a shared file system, and each experiment's data crosses the network once per executor.
 * The data's provenance ({@link LoadedData#sources()}) stays on the driver, which writes the manifest.
 */
record ShippedData(String sha256, List<Series> series) implements Serializable {

    ShippedData {
        series = List.copyOf(series);
    }

    /** One price series: dates as epoch days, columns by name, the simulator's regimes if any, the data notes. */
    record Series(String symbol, long[] epochDays, Map<String, double[]> columns, List<String> regimeNames,
                  int[] regimeStates, int rowsRead, int droppedMissing, int droppedByAlignment, boolean sorted,
                  List<String> remarks) implements Serializable {
    }

    static ShippedData of(LoadedData data) {
        List<Series> out = new ArrayList<>();
        MarketData market = data.market();
        for (PriceSeries s : market.all()) {
            LocalDate[] dates = s.dates();
            long[] days = new long[dates.length];
            for (int i = 0; i < dates.length; i++) {
                days[i] = dates[i].toEpochDay();
            }
            Map<String, double[]> columns = new LinkedHashMap<>();
            for (Column c : Column.values()) {
                if (s.has(c)) {
                    columns.put(c.name(), s.column(c).clone());
                }
            }
            RegimeTruth truth = s.trueRegimes().orElse(null);
            DataNotes n = market.notes(s.symbol());
            out.add(new Series(s.symbol(), days, columns, truth == null ? null : List.copyOf(truth.names()),
                    truth == null ? null : truth.states().clone(), n.rowsRead(), n.droppedMissing(),
                    n.droppedByAlignment(), n.sortedFromNewestFirst(), List.copyOf(n.remarks())));
        }
        return new ShippedData(data.sha256(), out);
    }

    /** The driver's data, rebuilt (without its provenance, which only the driver writes). */
    LoadedData toLoaded() {
        List<PriceSeries> all = new ArrayList<>();
        Map<String, DataNotes> notes = new LinkedHashMap<>();
        for (Series s : series) {
            LocalDate[] dates = new LocalDate[s.epochDays().length];
            for (int i = 0; i < dates.length; i++) {
                dates[i] = LocalDate.ofEpochDay(s.epochDays()[i]);
            }
            Map<Column, double[]> columns = new EnumMap<>(Column.class);
            s.columns().forEach((name, values) -> columns.put(Column.valueOf(name), values.clone()));
            RegimeTruth truth = s.regimeNames() == null ? null : new RegimeTruth(s.regimeNames(), s.regimeStates().clone());
            all.add(PriceSeries.of(s.symbol(), dates, columns, truth));
            notes.put(s.symbol(), new DataNotes(s.rowsRead(), s.droppedMissing(), s.droppedByAlignment(), s.sorted(),
                    s.remarks()));
        }
        return new LoadedData(MarketData.aligned(all, notes), sha256, List.of());
    }
}
