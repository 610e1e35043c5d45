package dev.foresight.strategies.lstm;

import dev.foresight.model.FitContext;
import dev.foresight.model.FitProgress;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Labels;
import dev.foresight.model.ModelData;
import dev.foresight.model.PreviousFit;
import dev.foresight.scaling.ScalingMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
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
record LstmModel(LstmSettings settings) implements ContextFitModel {

    LstmModel {
        Objects.requireNonNull(settings);
    }

    @Override
    public int window() {
        return settings.window();
    }

    /** With {@code warm_start: true} the folds run in order, each from the previous fold's network. */
    @Override
    public boolean warmStarts() {
        return settings.warmStart();
    }

    /** The validation tail picks the best epoch, stops early and drives the learning-rate plateaus. */
    @Override
    public boolean usesValidation() {
        return true;
    }

    /** The course's default (min-max) for the Keras recipe; z-score for the converging one; none for relative windows. */
    @Override
    public ScalingMethod defaultScaling() {
        if (settings.procedure().normalisation() == Procedure.WindowNormalisation.LAST_VALUE) {
            return ScalingMethod.NONE;
        }
        return settings.procedure().recipe() == Procedure.Recipe.KERAS ? ScalingMethod.MINMAX : ScalingMethod.ZSCORE;
    }

    /**
     * With {@code warm_start: true} and a previous fit, each network starts from a copy of the
     * previous fold's trained parameters (see {@link #network}); Adam's state, the label scaling and
     * the early stopping start afresh on this fold's data. Without warm start the previous fit is
     * ignored. Every epoch is reported to the context's {@link FitProgress}.
     */
    @Override
    public FittedModel fit(ModelData train, ModelData validation, FitContext context) {
        LstmRuntime.load();
        PreviousFit previous = settings.warmStart() ? context.previous() : null;
        String kind = settings.kind();
        int w = settings.window();
        Procedure procedure = settings.procedure();
        boolean relative = procedure.normalisation() == Procedure.WindowNormalisation.LAST_VALUE;
        int[] fitRows = usable(train, w);
        if (fitRows.length == 0) {
            throw new IllegalArgumentException(kind + ": no training row has a known label and a complete window of "
                    + w + " bars");
        }
        double[] labels = labels(train, fitRows);
        Head head = settings.head().resolve(labels);
        if (head == Head.DIRECTION && !Labels.directionCoded(labels)) { // labels is not empty: checked above
            throw new IllegalArgumentException(kind + ": head direction needs 0/1 labels (target: direction)");
        }
        if (head == Head.VOLATILITY && Arrays.stream(labels).anyMatch(y -> y < 0)) {
            throw new IllegalArgumentException(kind + ": head volatility needs non-negative labels (target: realised-vol)");
        }
        if (relative && head != Head.REGRESSION) {
            throw new IllegalArgumentException(kind + ": window_normalisation: last-value maps a level forecast back from"
                    + " a relative one, so it needs the regression head (a price-level target such as next-close), not "
                    + head.yamlName());
        }
        double[] fitLabels = relative ? relativeLabels(train, fitRows, labels, kind) : labels;
        LabelScaling scaling = LabelScaling.fit(head, procedure.recipe(), fitLabels);
        LstmSettings s = settings.withHead(head);
        long seed = settings.seedFor(context.seed());

        boolean[] relativeColumns = relative ? Windows.positiveColumns(train, fitRows, w, kind) : null;
        Windows x = Windows.of(train, fitRows, w, kind, relativeColumns);
        INDArray y = scaled(fitLabels, scaling);
        int[] validationRows = validation.size() == 0 ? new int[0] : usable(validation, w);
        Windows xv = validationRows.length == 0 ? null
                : Windows.of(validation, validationRows, w, kind, relativeColumns);
        INDArray yv = null;
        if (validationRows.length > 0) {
            double[] vl = labels(validation, validationRows);
            yv = scaled(relative ? relativeLabels(validation, validationRows, vl, kind) : vl, scaling);
        }
        int members = procedure.ensemble();
        List<MultiLayerNetwork> nets = new ArrayList<>();
        List<Training> trainings = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            long memberSeed = seed + m;
            Nd4j.getRandom().setSeed(memberSeed);
            MultiLayerNetwork net = network(s, train.width(), memberSeed, previous, m);
            int member = m;
            trainings.add(train(s, net, x, y, xv, yv, memberSeed,
                    e -> context.progress().epoch(new FitProgress.Epoch(member, members, e.epoch(), e.maxEpochs(),
                            e.trainLoss(), e.validationLoss(), e.learningRate()))));
            nets.add(net);
        }
        // The converging recipe calibrates the volatility head's variance to QLIKE's optimum (FittedLstm);
        // the keras recipe forecasts exp(output) as the course does.
        double calibration = head == Head.VOLATILITY && procedure.recipe() == Procedure.Recipe.CONVERGING
                ? FittedLstm.varianceCalibration(nets, scaling, x, labels) : 1.0;
        return new FittedLstm(s, nets, scaling, relativeColumns, train.horizon(), train.width(), fitRows.length,
                validationRows.length, seed, trainings, previous == null ? null : previous.fold().index(), calibration);
    }

    /** Labels relative to the first feature column's value at each row (last-value window normalisation). */
    private static double[] relativeLabels(ModelData data, int[] rows, double[] labels, String kind) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = labels[i] / Windows.lastValue(data, rows[i], 0, kind) - 1;
        }
        return out;
    }

    /**
     * The network a fit starts from: fresh initial weights for {@code seed}, or — warm start — the
     * same network with a copy of {@code previous}'s trained parameters (of its ensemble member
     * {@code member}). The fresh network is built either way, so ND4J's random generator is in the
     * same state afterwards (dropout draws the same).
     *
     * @throws IllegalArgumentException when the previous fit is not a compatible LSTM: another
     *                                  architecture, head, ensemble size or number of input features
     */
    static MultiLayerNetwork network(LstmSettings s, int features, long seed, PreviousFit previous, int member) {
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
        net.setParams(before.parameters(member));
        return net;
    }

    static MultiLayerNetwork network(LstmSettings s, int features, long seed, PreviousFit previous) {
        return network(s, features, seed, previous, 0);
    }

    /**
     * How a training run ended. Only {@link #STILL_IMPROVING} means under-trained: the epoch budget
     * ran out while the validation loss was still reaching new lows.
     */
    enum Status {
        /** Early stopping: {@code patience} epochs without a better validation loss. */
        EARLY_STOPPED,
        /** All epochs run; the best validation loss is older than the last {@link #RECENT} epochs. */
        MAX_EPOCHS_SETTLED,
        /** All epochs run and the validation loss improved within the last {@link #RECENT} epochs: under-trained. */
        STILL_IMPROVING,
        /** No validation rows: nothing to judge convergence by. */
        NO_VALIDATION;

        /** "Still falling" = a new best within this many final epochs. */
        static final int RECENT = Procedure.Recipe.PLATEAU_EPOCHS;

        String yamlName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What one training run did, epoch by epoch (epochs count from 1). */
    record Training(List<Double> trainLoss, List<Double> validationLoss, List<Double> learningRate, int bestEpoch,
                    boolean stoppedEarly, boolean restored, int maxEpochs) {

        Training {
            trainLoss = List.copyOf(trainLoss);
            validationLoss = List.copyOf(validationLoss);
            learningRate = List.copyOf(learningRate);
        }

        int epochsRun() {
            return trainLoss.size();
        }

        Status status() {
            if (validationLoss.isEmpty()) {
                return Status.NO_VALIDATION;
            }
            if (stoppedEarly) {
                return Status.EARLY_STOPPED;
            }
            return epochsRun() - bestEpoch < Status.RECENT ? Status.STILL_IMPROVING : Status.MAX_EPOCHS_SETTLED;
        }

        boolean underTrained() {
            return status() == Status.STILL_IMPROVING;
        }

        double bestValidationLoss() {
            return validationLoss.isEmpty() ? Double.NaN : validationLoss.get(bestEpoch - 1);
        }
    }

    /**
     * The epoch loop: a seeded shuffle (or chronological order), one Adam step per minibatch, the
     * validation loss after each epoch, early stopping with patience, and the best weights restored.
     * With the converging recipe the learning rate is halved after {@link Procedure.Recipe#PLATEAU_EPOCHS}
     * epochs without a new best (reduce-on-plateau, down to 1/32 of the initial rate), so a network
     * that stalls at the initial rate gets smaller steps before early stopping gives up on it.
     * With weight averaging ({@link Procedure#averagingEpochs()} &gt; 0) the weights that are
     * validated, kept as the best and finally used are an exponential moving average of the trained
     * weights, updated after every step (a running mean over the first steps, so the initial
     * weights carry no weight); training itself continues from the raw weights.
     */
    static Training train(LstmSettings s, MultiLayerNetwork net, Windows x, INDArray y, Windows xv, INDArray yv,
                          long seed) {
        return train(s, net, x, y, xv, yv, seed, e -> { });
    }

    static Training train(LstmSettings s, MultiLayerNetwork net, Windows x, INDArray y, Windows xv, INDArray yv,
                          long seed, Consumer<FitProgress.Epoch> progress) {
        Random shuffler = new Random(seed);
        int n = x.count();
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        INDArray validationInput = xv == null ? null : xv.all();
        List<Double> trainLoss = new ArrayList<>();
        List<Double> validationLoss = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        boolean plateauSchedule = s.procedure().recipe() == Procedure.Recipe.CONVERGING;
        double rate = s.learningRate();
        double smallestRate = s.learningRate() * Procedure.Recipe.SMALLEST_RATE_FRACTION;
        int lastChange = 0;
        int warmUp = s.procedure().warmUpEpochs();
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParams = null;
        boolean stoppedEarly = false;
        double averagingEpochs = s.procedure().averagingEpochs();
        int stepsPerEpoch = (n + s.batchSize() - 1) / s.batchSize();
        WeightAverage averaged = averagingEpochs > 0
                ? new WeightAverage(net.params(), Math.max(1.0, averagingEpochs * stepsPerEpoch)) : null;
        INDArray average = averaged == null ? null : averaged.weights();
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
                if (averaged != null) {
                    averaged.add(net.params());
                }
            }
            trainLoss.add(sum / n);
            rates.add(rate);
            if (validationInput == null) {
                bestEpoch = epoch;
                progress.accept(new FitProgress.Epoch(0, 1, epoch, s.maxEpochs(), sum / n, Double.NaN, rate));
                continue;
            }
            double v = validationLoss(s.head(), net, average, validationInput, yv);
            if (!Double.isFinite(v)) {
                throw new ArithmeticException(s.kind() + ": the validation loss became " + v + " at epoch " + epoch
                        + "; try a lower learning_rate or set gradient_clip");
            }
            validationLoss.add(v);
            progress.accept(new FitProgress.Epoch(0, 1, epoch, s.maxEpochs(), sum / n, v, rate));
            if (v < best) {
                best = v;
                bestEpoch = epoch;
                if (s.restoreBest()) {
                    bestParams = (average != null ? average : net.params()).dup();
                }
            } else if (s.patience() > 0 && epoch - bestEpoch >= s.patience() && epoch >= warmUp) {
                stoppedEarly = true;
                break;
            }
            if (plateauSchedule && epoch - Math.max(Math.max(bestEpoch, lastChange), warmUp)
                    >= Procedure.Recipe.PLATEAU_EPOCHS && rate > smallestRate) {
                rate = Math.max(smallestRate, rate * Procedure.Recipe.PLATEAU_FACTOR);
                net.setLearningRate(rate);
                lastChange = epoch;
            }
        }
        boolean restored = bestParams != null && bestEpoch != trainLoss.size();
        if (restored) {
            net.setParams(bestParams);
        } else if (average != null) {
            net.setParams(average);
        }
        return new Training(trainLoss, validationLoss, rates, bestEpoch, stoppedEarly, restored, s.maxEpochs());
    }

    /**
     * The validation loss of the network's weights, or of {@code average} when weights are averaged
     * (the network is given the average for the forward pass and its trained weights back after).
     */
    private static double validationLoss(Head head, MultiLayerNetwork net, INDArray average, INDArray input,
                                         INDArray labels) {
        if (average == null) {
            return loss(head, net.output(input, false), labels);
        }
        INDArray trained = net.params().dup();
        net.setParams(average);
        double v = loss(head, net.output(input, false), labels);
        net.setParams(trained);
        return v;
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
