package dev.foresight.data.csv;

import dev.foresight.data.DataNotes;
import dev.foresight.data.DateAlignment;
import dev.foresight.data.MarketData;
import dev.foresight.data.PriceSeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A loaded series together with what loading did to the raw rows. */
public record LoadedSeries(PriceSeries series, DataNotes notes) {

    public LoadedSeries {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(notes, "notes");
    }

    /** {@link DateAlignment#align} for loaded series, primary first. */
    public static MarketData align(List<LoadedSeries> loaded) {
        Map<String, DataNotes> notes = new LinkedHashMap<>();
        for (LoadedSeries l : loaded) {
            if (notes.put(l.series().symbol(), l.notes()) != null) {
                throw new IllegalArgumentException("two series are named " + l.series().symbol());
            }
        }
        return DateAlignment.align(loaded.stream().map(LoadedSeries::series).toList(), notes);
    }
}
