package dev.foresight.data.csv;

import dev.foresight.data.DataNotes;
import dev.foresight.data.PriceSeries;
import java.util.Objects;

/** A loaded series together with what loading did to the raw rows. */
public record LoadedSeries(PriceSeries series, DataNotes notes) {

    public LoadedSeries {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(notes, "notes");
    }
}
