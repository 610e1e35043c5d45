package dev.foresight.leakage;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The baseline the canary's attribution puts in a flagged model's place: a ridge regression of the
 * label on the bar's feature row (every column, an intercept, a tiny ridge so collinear columns
 * still solve), fit on the training rows. It reads the features and nothing else — no labels at
 * forecast time, no state — so if it finds skill on the random-walk surrogate, the features carry
 * it; if it finds none while the model does, the model's own code does.
 */
final class FeatureProbe implements Model {

    /** Ridge penalty relative to the mean diagonal of X'X: enough to solve, too small to matter. */
    private static final double RIDGE = 1e-8;

    @Override
    public FittedModel fit(ModelData train, ModelData validation, long seed) {
        int[] rows = train.rows();
        int k = train.width() + 1;
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        double[] x = new double[k];
        for (int t : rows) {
            row(train, t, x);
            double y = train.label(t);
            for (int i = 0; i < k; i++) {
                xty[i] += x[i] * y;
                for (int j = 0; j < k; j++) {
                    xtx[i][j] += x[i] * x[j];
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < k; i++) {
            trace += xtx[i][i];
        }
        double ridge = RIDGE * Math.max(trace / k, Double.MIN_NORMAL);
        for (int i = 0; i < k; i++) {
            xtx[i][i] += ridge;
        }
        RealMatrix a = new Array2DRowRealMatrix(xtx, false);
        RealVector beta = new CholeskyDecomposition(a, 1e-300, 1e-300).getSolver().solve(new ArrayRealVector(xty, false));
        double[] b = beta.toArray();
        return data -> {
            double[] z = new double[k];
            Forecast[] out = new Forecast[data.rows().length];
            for (int i = 0; i < out.length; i++) {
                row(data, data.rows()[i], z);
                double f = 0;
                for (int j = 0; j < k; j++) {
                    f += b[j] * z[j];
                }
                out[i] = Forecast.point(f);
            }
            return out;
        };
    }

    private static void row(ModelData data, int t, double[] into) {
        into[0] = 1;
        for (int c = 1; c < into.length; c++) {
            into[c] = data.feature(t, c - 1);
        }
    }
}
