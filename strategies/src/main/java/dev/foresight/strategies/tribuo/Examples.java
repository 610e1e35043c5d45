package dev.foresight.strategies.tribuo;

import dev.foresight.model.ModelData;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Converts {@link ModelData} rows into Tribuo examples: one feature per column, named as in
 * {@link ModelData#featureNames()}; one regression output {@code y} or one label {@code "0"}/{@code "1"}.
 * Checks what every Tribuo baseline needs before training, with messages naming the model.
 */
final class Examples {

    /** Fewer training rows than this is not a fit but an accident of configuration. */
    static final int MIN_ROWS = 10;

    static final String UP = "1";
    static final String DOWN = "0";
    static final String OUTPUT = "y";

    private Examples() {
    }

    /** The training labels of {@code data.rows()}, after checking rows, features and labels. */
    static double[] checkedLabels(String model, ModelData data) {
        if (data.width() == 0) {
            throw new IllegalArgumentException(model + ": there are no feature columns; add feature sets to the"
                    + " experiment's 'features:' list");
        }
        int[] rows = data.rows();
        if (rows.length < MIN_ROWS) {
            throw new IllegalArgumentException(model + ": only " + rows.length + " training rows; it needs at least "
                    + MIN_ROWS + " (use a longer training window or shorter feature warm-ups)");
        }
        double[] y = data.rowLabels();
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException(model + ": the training label of bar " + rows[i] + " is " + y[i]);
            }
        }
        return y;
    }

    static MutableDataset<Regressor> regression(String model, ModelData data, double[] y, LabelScale scale) {
        int[] rows = data.rows();
        List<Example<Regressor>> examples = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            examples.add(example(model, new Regressor(OUTPUT, scale.toStandard(y[i])), data, rows[i]));
        }
        return dataset(examples, new RegressionFactory(), model);
    }

    static MutableDataset<Label> classification(String model, ModelData data, double[] y) {
        int ups = 0;
        for (double v : y) {
            if (v == 1.0) {
                ups++;
            } else if (v != 0.0) {
                throw new IllegalArgumentException(model + ": classification needs 0/1 (direction) labels, got " + v
                        + "; use a direction target, or a regression model for this target");
            }
        }
        if (ups == 0 || ups == y.length) {
            throw new IllegalArgumentException(model + ": all " + y.length + " training labels are " + (ups == 0 ? 0 : 1)
                    + "; a classifier needs both up (1) and down (0) bars");
        }
        int[] rows = data.rows();
        List<Example<Label>> examples = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            examples.add(example(model, new Label(y[i] == 1.0 ? UP : DOWN), data, rows[i]));
        }
        return dataset(examples, new LabelFactory(), model);
    }

    /** Examples for forecasting: the outputs are Tribuo's "unknown" marker. */
    static List<Example<Regressor>> regressionInputs(String model, ModelData data) {
        List<Example<Regressor>> out = new ArrayList<>();
        for (int t : data.rows()) {
            out.add(example(model, RegressionFactory.UNKNOWN_REGRESSOR, data, t));
        }
        return out;
    }

    static List<Example<Label>> classificationInputs(String model, ModelData data) {
        List<Example<Label>> out = new ArrayList<>();
        for (int t : data.rows()) {
            out.add(example(model, LabelFactory.UNKNOWN_LABEL, data, t));
        }
        return out;
    }

    private static <T extends Output<T>> Example<T> example(String model, T output, ModelData data, int t) {
        double[] x = data.row(t);
        for (int c = 0; c < x.length; c++) {
            if (!Double.isFinite(x[c])) {
                throw new IllegalArgumentException(model + ": feature " + data.featureNames().get(c) + " at bar " + t
                        + " is " + x[c]);
            }
        }
        return new ArrayExample<>(output, data.featureNames().toArray(new String[0]), x);
    }

    private static <T extends Output<T>> MutableDataset<T> dataset(List<Example<T>> examples, OutputFactory<T> factory,
                                                                   String model) {
        return new MutableDataset<>(examples, new SimpleDataSourceProvenance("foresight " + model, factory), factory);
    }

    /** A fitted model forecasts only from the feature columns it was fitted on, in the same order. */
    static void requireFittedFeatures(String name, List<String> fitted, ModelData data) {
        if (!data.featureNames().equals(fitted)) {
            throw new IllegalArgumentException(name + " was fitted on features " + fitted + " but asked to forecast"
                    + " from " + data.featureNames());
        }
    }
}
