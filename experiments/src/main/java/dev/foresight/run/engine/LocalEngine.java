package dev.foresight.run.engine;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The default engine: a fixed pool of worker threads in this JVM, one unit per worker at a time.
 * Workers report each task as it finishes (a chain fold by fold) through a queue that the calling
 * thread drains into the sink, so the driver writes results while the workers compute.
 */
public final class LocalEngine implements Engine {

    static final EngineProvider PROVIDER = new EngineProvider() {
        @Override
        public String name() {
            return Engines.LOCAL;
        }

        @Override
        public String description() {
            return "a thread pool in this JVM (--workers threads)";
        }

        @Override
        public Engine create(EngineSettings settings) {
            if (!settings.options().isEmpty()) {
                throw new UserError(Location.of("--engine"), "the local engine takes no options, got "
                        + String.join(", ", settings.options().keySet()));
            }
            return new LocalEngine(settings.workers());
        }
    };

    private final int workers;

    public LocalEngine(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        this.workers = workers;
    }

    @Override
    public String name() {
        return Engines.LOCAL;
    }

    @Override
    public int parallelism() {
        return workers;
    }

    /** A worker stopped by a user error or a bug: the run stops with it. */
    private record Crash(WorkUnit unit, Throwable error) {
    }

    @Override
    public void execute(RunContext context, List<WorkUnit> units, OutcomeSink sink) throws InterruptedException {
        if (units.isEmpty()) {
            return;
        }
        int expected = units.stream().mapToInt(u -> u.tasks().size()).sum();
        UnitRunner runner = context.localRunner();
        BlockingQueue<Object> reports = new LinkedBlockingQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, units.size()), r -> {
            Thread t = new Thread(r, "foresight-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            for (WorkUnit unit : units) {
                pool.submit(() -> {
                    try {
                        runner.run(unit, reports::add);
                    } catch (Throwable t) {
                        reports.add(new Crash(unit, t));
                    }
                });
            }
            for (int delivered = 0; delivered < expected; ) {
                Object report = reports.take();
                if (report instanceof Crash crash) {
                    throw rethrow(crash.error());
                }
                sink.accept((TaskOutcome) report);
                delivered++;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException re) {
            return re;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(t);
    }
}
