package dev.foresight.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class VarPathTest {

    private static final ReturnDistribution NORMAL = new ReturnDistribution.Normal();

    /**
     * σ = 1% everywhere, mean 0: the 99% VaR is 2.326%, the 95% VaR 1.645%. Returns −3% (fails
     * both), −2% (fails 95% only), +1%, −1.7% with a t(5) (quantile 2.0150·√0.6 = 1.5608 at 95%,
     * so it fails), and a bar without a variance forecast, which takes no part.
     */
    @Test
    void failures_compareTheRealisedReturnWithMinusVar() {
        VarPath path = new VarPath(new int[] {1, 2, 3, 4, 5}, new double[] {-0.03, -0.02, 0.01, -0.017, -0.5},
                new double[] {0, 0, 0, 0, 0}, new double[] {1e-4, 1e-4, 1e-4, 1e-4, Double.NaN},
                List.of(NORMAL, NORMAL, NORMAL, new ReturnDistribution.StandardisedT(5), NORMAL));
        assertArrayEquals(new boolean[] {true, false, false, false, false}, path.failures(0.99));
        assertArrayEquals(new boolean[] {true, true, false, true, false}, path.failures(0.95));
        VarBacktest b = path.backtest(0.95);
        assertEquals(4, b.n());
        assertEquals(3, b.failures());
        assertEquals(List.of(0, 1, 1, 1), List.of(b.n00(), b.n01(), b.n10(), b.n11()));
    }

    @Test
    void varPath_aPositiveMeanMovesTheVarDown() {
        // mean +0.5%: VaR = 2.326% − 0.5% = 1.826%, so −2% now fails at 99%.
        VarPath path = new VarPath(new int[] {1}, new double[] {-0.02}, new double[] {0.005}, new double[] {1e-4},
                List.of(NORMAL));
        assertArrayEquals(new boolean[] {true}, path.failures(0.99));
    }

    @Test
    void badPaths_areRejected() {
        assertThrows(IllegalArgumentException.class, () -> new VarPath(new int[] {1, 2}, new double[] {0, 0},
                new double[] {0, 0}, new double[] {1, 1}, List.of(NORMAL)));
        assertThrows(IllegalArgumentException.class, () -> new VarPath(new int[] {1}, new double[] {Double.NaN},
                new double[] {0}, new double[] {1}, List.of(NORMAL)));
        assertThrows(IllegalArgumentException.class, () -> new VarPath(new int[] {1}, new double[] {0},
                new double[] {0}, new double[] {-1}, List.of(NORMAL)));
        VarPath none = new VarPath(new int[] {1}, new double[] {0}, new double[] {0}, new double[] {Double.NaN},
                Collections.nCopies(1, NORMAL));
        assertEquals(false, none.forecastsVariance());
        assertThrows(IllegalArgumentException.class, () -> none.backtest(0.99));
    }
}
