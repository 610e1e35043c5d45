package dev.foresight.scaling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.foresight.feature.FeatureMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalerTest {

    private final FeatureMatrix features = FeatureMatrix.of(List.of("a", "flat"),
            new double[][] {{2, 4, 6, 100}, {3, 3, 3, 9}}, 4);

    @Test
    void minMax_usesTrainingRowsOnlyAndDoesNotClipTestValues() {
        Scaler s = Scaler.fit(ScalingMethod.MINMAX, features, new int[] {0, 1, 2});
        FeatureMatrix scaled = s.apply(features);
        assertArrayEquals(new double[] {0, 0.5, 1, 24.5}, scaled.column(0), 1e-12);
        // constant on the training rows: scale 1, so (x - 3) / 1
        assertArrayEquals(new double[] {0, 0, 0, 6}, scaled.column(1), 1e-12);
    }

    @Test
    void zScore_usesTrainingMeanAndSampleStandardDeviation() {
        Scaler s = Scaler.fit(ScalingMethod.ZSCORE, features, new int[] {0, 1, 2});
        // mean 4, sample sd sqrt(((-2)^2 + 0 + 2^2) / 2) = 2
        assertEquals(4, s.shift()[0], 1e-12);
        assertEquals(2, s.scale()[0], 1e-12);
        assertArrayEquals(new double[] {-1, 0, 1, 48}, s.apply(features).column(0), 1e-12);
    }

    @Test
    void none_leavesValuesAlone() {
        assertArrayEquals(features.column(0), Scaler.fit(ScalingMethod.NONE, features, new int[] {0}).apply(features).column(0));
    }
}
