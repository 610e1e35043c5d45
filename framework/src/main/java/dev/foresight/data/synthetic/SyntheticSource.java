package dev.foresight.data.synthetic;

import dev.foresight.data.DataNotes;
import dev.foresight.data.MarketData;
import dev.foresight.data.PriceSeries;

/** A seeded generator of daily price series whose true process is known. */
public sealed interface SyntheticSource permits GbmSource, GarchSource, RegimeSwitchingGarchSource, VolatilityPanelSource,
        PlantedSignalSource {

    /**
     * A series of {@code bars} consecutive business days from the source's start date. Same
     * parameters and seed give an identical series; different seeds give different ones.
     *
     * @throws IllegalArgumentException when {@code symbol} is blank or {@code bars < 1}
     */
    PriceSeries generate(String symbol, int bars, long seed);

    /** The generated series as single-series market data; synthetic data has nothing to drop. */
    default MarketData market(String symbol, int bars, long seed) {
        PriceSeries series = generate(symbol, bars, seed);
        return MarketData.of(series, DataNotes.clean(series.size()));
    }
}
