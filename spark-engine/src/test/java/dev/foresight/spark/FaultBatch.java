package dev.foresight.spark;

/**
 * Test fixture: a batch with every kind of unit the engine must handle — fast independent tasks
 * (AR), small LSTMs that take seconds (so an executor or the driver can be killed mid-run), a
 * warm-start LSTM chain (one Spark task), and a model that fails deterministically in every fold
 * (AR(50) on 40-bar rolling windows: fewer rows than coefficients, a failed result, never a retry).
 * Experiment {@code e}: 3 models × 6 folds in 13 units; {@code tiny}: a random walk and the failing model, 12 tasks in 12 units.
 */
final class FaultBatch {

    static final int TASKS = 30;
    static final int FAILED = 6;
    static final int UNITS = 25;

    static final String YAML = """
            name: spark-faults
            seed: 21
            data:
              synthetic: {kind: gbm, bars: 662, seed: 4}
            experiments:
              - name: e
                target: {kind: log-return, horizon: 1}
                features: [{kind: returns, lags: 3}]
                walk_forward: {window: rolling, train: 300, test: 60, validation: 0.15, max_folds: 6}
                models:
                  - {kind: ar, p: 2}
                  - {kind: lstm, window: 10, lstm_units: [4], dense_units: [0], max_epochs: 3}
                  - {kind: lstm, name: lstm-warm, window: 10, lstm_units: [4], dense_units: [0], max_epochs: 3, warm_start: true}
              - name: tiny
                target: {kind: log-return, horizon: 1}
                walk_forward: {window: rolling, train: 40, test: 50, max_folds: 6}
                models:
                  - {kind: random-walk}
                  - {kind: ar, p: 50, name: big}
            """;

    private FaultBatch() {
    }
}
