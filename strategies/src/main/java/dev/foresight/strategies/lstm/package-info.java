/**
 * LSTM models on Deeplearning4j: {@code kind: lstm} (the course's stacked network by default) and
 * {@code kind: lstm-attention} (LSTM encoder, multi-head self-attention over the time steps, mean
 * over time, dense head). The recurrence is computed by {@code GemmLstm}: DL4J's LSTM layer
 * configuration and parameters, with the forward and backward passes as a few OpenBLAS matrix
 * products and Java gate loops instead of DL4J's many small per-time-step operations (2.6–5×
 * faster to train, same outputs, gradients and Adam steps — clipped or not — within float
 * rounding: GemmLstmTest). DL4J's stock
 * layer and {@code FusedLstm} (the recurrence in libnd4j's native lstmLayer op) remain measured
 * alternatives for the benchmark ({@code Networks.Recurrence}, bench/lstm).
 *
 * <p>This is the only package that imports DL4J or ND4J; {@code framework} knows nothing of them.
 * Models see the framework's scaled feature rows ({@link dev.foresight.model.ModelData}) and build
 * windows of {@code window} rows ending at each bar. The framework scales features only; the
 * label scaling (standardisation by default, the course's min-max with {@code training: keras}; log
 * first for the volatility head) is done here and inverted at predict ({@code LabelScaling}), as is
 * the optional last-value window normalisation for price levels ({@code Windows}). How a network is
 * trained — the recipe (converging: reduce-on-plateau learning rate; keras), the seed ensemble and
 * the window normalisation — is a {@code Procedure}.
 *
 * <p>Each fit builds a fresh network ({@code Networks}) — with {@code warm_start: true}, holding a
 * copy of the previous fold's trained parameters ({@code LstmModel.network}) — trains it
 * ({@code LstmModel.train}) with early stopping on the validation tail, and returns an immutable
 * {@code FittedLstm} whose diagnostics hold the per-epoch losses and learning rates, how training
 * ended ({@code LstmModel.Status}) and whether the model is under-trained. Each epoch is reported
 * to the fit's {@link dev.foresight.model.FitProgress}. {@link dev.foresight.strategies.lstm.LstmRuntime} keeps
 * DL4J quiet unless {@code foresight.verbose} is set and reports the ND4J thread count and native
 * classifier for provenance.
 */
package dev.foresight.strategies.lstm;
