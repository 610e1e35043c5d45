package dev.foresight.spark;

/**
 * Test fixture: a batch with every kind of unit the engine must handle — fast independent tasks
 * (AR), a model that fails deterministically in every fold (AR(400) on 300 training rows: more
 * coefficients than rows, a failed result, never a retry), small LSTMs that take seconds (so an
 * executor or the driver can be killed mid-run), and a warm-start LSTM chain (one Spark task).
 * 6 rolling folds: 24 tasks in 19 units.
 */
final class FaultBatch {

    static final int TASKS = 24;
    static final int FAILED = 6;
    static final int UNITS = 19;

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
                  - {kind: ar, p: 400, name: big}
                  - {kind: lstm, window: 10, lstm_units: [4], dense_units: [0], max_epochs: 3}
                  - {kind: lstm, name: lstm-warm, window: 10, lstm_units: [4], dense_units: [0], max_epochs: 3, warm_start: true}
            """;

    private FaultBatch() {
    }
}
