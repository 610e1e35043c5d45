package dev.foresight.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Test fixture: counts the Spark task attempts that ended, and those that failed, on the driver
 * (registered through {@code spark.extraListeners}, so the engine's own context reports to it).
 */
public final class TaskAttempts extends SparkListener {

    static final AtomicInteger ENDED = new AtomicInteger();
    static final AtomicInteger FAILED = new AtomicInteger();

    static void reset() {
        ENDED.set(0);
        FAILED.set(0);
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        ENDED.incrementAndGet();
        if (!end.taskInfo().successful()) {
            FAILED.incrementAndGet();
        }
    }
}
