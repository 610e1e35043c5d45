package dev.foresight.strategies.regimes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.MarketData;
import dev.foresight.data.synthetic.RegimeSwitchingGarchSource;
import org.junit.jupiter.api.Test;

/**
 * Validation with known truth: on the quickstart's calm / turbulent regime-switching GARCH data
 * (seed 7), detectors fit on the first 1,008 bars find the hidden regime on the later bars far
 * more often than chance.
 */
class DetectorsAgainstTruthTest {

    @Test
    void markovHighVol_matchesTheTurbulentRegimeOutOfSample() {
        MarketData data = RegimeSwitchingGarchSource.calmTurbulent().market("SYN", 2520, 7);
        String[] truth = new TruthRegimes().fit(data.upTo(1007)).label(data.full());
        String[] markov = new MarkovRegimes(500, 1e-8).fit(data.upTo(1007)).label(data.full());
        int agree = 0;
        int turbulent = 0;
        int n = 0;
        for (int t = 1008; t < truth.length; t++) {
            boolean isTurbulent = truth[t].equals("turbulent");
            turbulent += isTurbulent ? 1 : 0;
            agree += isTurbulent == markov[t].equals(MarkovRegimes.HIGH) ? 1 : 0;
            n++;
        }
        double accuracy = (double) agree / n;
        double chance = Math.max(turbulent, n - turbulent) / (double) n;   // always guessing the commoner regime
        // Observed: 0.829 agreement against 0.649 for always guessing 'calm'. GARCH dynamics inside each
        // regime blur the two Gaussian states, so the labels are good but not perfect.
        assertTrue(accuracy > 0.78 && accuracy > chance + 0.12, "agreement " + accuracy + ", chance " + chance);
    }
}
