package dev.foresight.strategies.lstm;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import dev.foresight.model.PreviousFit;
import dev.foresight.scaling.ScalingMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code kind: lstm} and {@code kind: lstm-attention}: a fresh DL4J network per fit (so per fold),
 * trained with Adam on minibatches of windows, with early stopping on the validation tail. With
 * {@code warm_start: true} the model {@linkplain #warmStarts() warm-starts}: the framework runs the
 * folds in order and each fold's network starts from a copy of the previous fold's trained
 * parameters instead of fresh initial weights.
 *
 * <p>Determinism: the network's seed, ND4J's random generator (per thread in ND4J, so two folds
 * training at once in two worker threads do not disturb each other) and the shuffling generator
 * are all seeded from the fit's seed; with the same ND4J thread count and native classifier the
 * forecasts are bit-identical.
 *
 * <p>Failures: a non-finite training or validation loss throws, naming the epoch, so the fold is
 * recorded as failed and the batch goes on.
 */
record LstmModel(LstmSettings settings) implements Model {

    LstmModel {
        java.util.Objects.requireNonNull(settings);
    }

    @Override
    public int window() {
        return settings.window();
    }

    /** The course: min-max scaling fit on the training rows (the framework's scaler). */
    @Override
    public ScalingMethod defaultScaling() {
        return ScalingMethod.MINMAX;
    }

    /** With {@code warm_start: true} the folds run in order, each from the previous fold's network. */
    @Override
    public boolean warmStarts() {
        return settings.warmStart();
    }

    @Override
    public FittedModel fit(ModelData train, ModelData validation, long batchSeed) {
        return fit(train, validation, batchSeed, null);
    }

    /**
     * With {@code warm_start: true} and a previous fit, the network starts from a copy of the
     * previous fold's trained parameters (see {@link #network}); Adam's state, the label scaling and
     * the early stopping start afresh on this fold's data. Without warm start {@code previous} is
     * ignored.
     */
    @Override
    public FittedModel fit(ModelData train, ModelData validation, long batchSeed, PreviousFit previous) {
        LstmRuntime.load();
        if (!settings.warmStart()) {
            previous = null;
        }
        String kind = settings.kind();
        int w = settings.window();
        int[] fitRows = usable(train, w);
        if (fitRows.length == 0) {
            throw new IllegalArgumentException(kind + ": no training row has a known label and a complete window of "
                    + w + " bars");
        }
        double[] labels = labels(train, fitRows);
        Head head = settings.head().resolve(labels);
        if (head == Head.DIRECTION && Arrays.stream(labels).anyMatch(y -> y != 0.0 && y != 1.0)) {
            throw new IllegalArgumentException(kind + ": head direction needs 0/1 labels (target: direction)");
        }
        if (head == Head.VOLATILITY && Arrays.stream(labels).anyMatch(y -> y < 0)) {
            throw new IllegalArgumentException(kind + ": head volatility needs non-negative labels (target: realised-vol)");
        }
        LabelScaling scaling = LabelScaling.fit(head, labels);
        LstmSettings s = settings.withHead(head);
        long seed = settings.seedFor(batchSeed);

        Windows x = Windows.of(train, fitRows, w, kind);
        INDArray y = scaled(labels, scaling);
        int[] validationRows = validation.size() == 0 ? new int[0] : usable(validation, w);
        Windows xv = validationRows.length == 0 ? null : Windows.of(validation, validationRows, w, kind);
        INDArray yv = validationRows.length == 0 ? null : scaled(labels(validation, validationRows), scaling);

        Nd4j.getRandom().setSeed(seed);
        MultiLayerNetwork net = network(s, train.width(), seed, previous);
        Training result = train(s, net, x, y, xv, yv, seed);
        return new FittedLstm(s, net, scaling, train.horizon(), train.width(), fitRows.length, validationRows.length,
                seed, result, previous == null ? null : previous.fold().index());
    }

    /**
     * The network a fit starts from: fresh initial weights for {@code seed}, or — warm start — the
     * same network with a copy of {@code previous}'s trained parameters. The fresh network is built
     * either way, so ND4J's random generator is in the same state afterwards (dropout draws the same).
     *
     * @throws IllegalArgumentException when the previous fit is not a compatible LSTM: another
     *                                  architecture, head or number of input features
     */
    static MultiLayerNetwork network(LstmSettings s, int features, long seed, PreviousFit previous) {
        MultiLayerNetwork net = Networks.build(s, features, seed);
        if (previous == null) {
            return net;
        }
        String from = s.kind() + ": warm_start: cannot start from fold " + previous.fold().index() + "'s network: ";
        if (!(previous.model() instanceof FittedLstm before)) {
            throw new IllegalArgumentException(from + "it is not an LSTM (" + previous.model().getClass().getSimpleName()
                    + ")");
        }
        String difference = before.incompatibility(s, features);
        if (difference == null && before.numParams() != net.numParams()) {
            difference = "it has " + before.numParams() + " parameters, this network " + net.numParams();
        }
        if (difference != null) {
            throw new IllegalArgumentException(from + difference);
        }
        net.setParams(before.parameters());
        return net;
    }

    /** What one training run did, epoch by epoch (epochs count from 1). */
    record Training(List<Double> trainLoss, List<Double> validationLoss, int bestEpoch, boolean stoppedEarly,
                    boolean restored) {

        Training {
            trainLoss = List.copyOf(trainLoss);
            validationLoss = List.copyOf(validationLoss);
        }

        int epochsRun() {
            return trainLoss.size();
        }
    }

    /**
     * The epoch loop: a seeded shuffle (or chronological order), one Adam step per minibatch, the
     * validation loss after each epoch, early stopping with patience, and the best weights restored.
     */
    static Training train(LstmSettings s, MultiLayerNetwork net, Windows x, INDArray y, Windows xv, INDArray yv,
                          long seed) {
        Random shuffler = new Random(seed);
        int n = x.count();
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        INDArray validationInput = xv == null ? null : xv.all();
        List<Double> trainLoss = new ArrayList<>();
        List<Double> validationLoss = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParams = null;
        boolean stoppedEarly = false;
        for (int epoch = 1; epoch <= s.maxEpochs(); epoch++) {
            if (s.shuffle()) {
                shuffle(order, shuffler);
            }
            double sum = 0;
            for (int from = 0; from < n; from += s.batchSize()) {
                int[] batch = Arrays.copyOfRange(order, from, Math.min(n, from + s.batchSize()));
                INDArray labels = y.getRows(batch);
                net.fit(new DataSet(x.select(batch), labels));
                double score = net.score();
                if (!Double.isFinite(score)) {
                    throw new ArithmeticException(s.kind() + ": the training loss became " + score + " at epoch " + epoch
                            + " (minibatch starting at window " + from + " of " + n + "); try a lower learning_rate or"
                            + " set gradient_clip");
                }
                sum += score * batch.length;
            }
            trainLoss.add(sum / n);
            if (validationInput == null) {
                bestEpoch = epoch;
                continue;
            }
            double v = loss(s.head(), net.output(validationInput, false), yv);
            if (!Double.isFinite(v)) {
                throw new ArithmeticException(s.kind() + ": the validation loss became " + v + " at epoch " + epoch
                        + "; try a lower learning_rate or set gradient_clip");
            }
            validationLoss.add(v);
            if (v < best) {
                best = v;
                bestEpoch = epoch;
                if (s.restoreBest()) {
                    bestParams = net.params().dup();
                }
            } else if (s.patience() > 0 && epoch - bestEpoch >= s.patience()) {
                stoppedEarly = true;
                break;
            }
        }
        boolean restored = bestParams != null && bestEpoch != trainLoss.size();
        if (restored) {
            net.setParams(bestParams);
        }
        return new Training(trainLoss, validationLoss, bestEpoch, stoppedEarly, restored);
    }

    /** Mean loss of the head (MSE, or binary cross-entropy for direction), without dropout or penalty. */
    static double loss(Head head, INDArray output, INDArray labels) {
        float[] o = output.data().asFloat();
        float[] l = labels.data().asFloat();
        double sum = 0;
        for (int i = 0; i < o.length; i++) {
            if (head == Head.DIRECTION) {
                double p = Math.min(1 - 1e-7, Math.max(1e-7, o[i]));
                sum -= l[i] * Math.log(p) + (1 - l[i]) * Math.log(1 - p);
            } else {
                double e = o[i] - l[i];
                sum += e * e;
            }
        }
        return sum / o.length;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }

    private static int[] usable(ModelData data, int window) {
        return Arrays.stream(data.rows())
                .filter(t -> Double.isFinite(data.label(t)) && Windows.complete(data, t, window))
                .toArray();
    }

    private static double[] labels(ModelData data, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = data.label(rows[i]);
        }
        return out;
    }

    private static INDArray scaled(double[] labels, LabelScaling scaling) {
        float[] out = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = (float) scaling.apply(labels[i]);
        }
        return Nd4j.create(out, new long[] {labels.length, 1}, 'c');
    }
}
