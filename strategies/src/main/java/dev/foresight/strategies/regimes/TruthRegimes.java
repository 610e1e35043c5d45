package dev.foresight.strategies.regimes;

import dev.foresight.data.MarketView;
import dev.foresight.data.SeriesView;
import dev.foresight.regime.FittedRegimeDetector;
import dev.foresight.regime.RegimeDetector;
import dev.foresight.regime.UnsupportedDataException;
import java.util.List;

/**
 * The true regime of a synthetic regime-switching series (the simulator's hidden state), as a
 * detector, so that a batch can break its metrics down by the truth and check the other detectors
 * against it.
 *
 * <p><b>For evaluation only.</b> No real market reveals its regime: a model or feature set must
 * never see these labels, and they are only ever used to split out-of-sample results. Nothing is
 * learnt at fit time; fitting on data without true regimes (a CSV file) is a configuration
 * mistake and fails with a message saying so.
 */
record TruthRegimes() implements RegimeDetector {

    @Override
    public FittedRegimeDetector fit(MarketView train) {
        SeriesView primary = train.primary();
        List<String> names = primary.trueRegimeNames();
        if (names.isEmpty()) {
            throw new UnsupportedDataException("truth: series " + primary.symbol() + " has no true regimes; only"
                    + " synthetic regime-switching sources (e.g. regime-garch) keep them — remove the 'truth' detector"
                    + " for market data");
        }
        return new Fitted(names);
    }

    private record Fitted(List<String> names) implements FittedRegimeDetector {

        @Override
        public String[] label(MarketView view) {
            SeriesView primary = view.primary();
            String[] out = new String[view.size()];
            for (int t = 0; t < out.length; t++) {
                out[t] = primary.trueRegime(t).orElseThrow();
            }
            return out;
        }
    }
}
