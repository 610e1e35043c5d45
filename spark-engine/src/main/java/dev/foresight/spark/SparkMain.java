package dev.foresight.spark;

import dev.foresight.cli.Main;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The main class of the Spark launchers ({@code ./foresight-spark} and the spark-submit jar): the
 * same {@code foresight} command line, with the Spark engine on the class path. {@code run}
 * without {@code --engine} runs on Spark here — that is what launching this jar means.
 */
public final class SparkMain {

    private SparkMain() {
    }

    public static void main(String[] args) {
        System.exit(Main.execute(withSparkEngine(args), System.out, System.err));
    }

    static String[] withSparkEngine(String[] args) {
        List<String> out = new ArrayList<>(Arrays.asList(args));
        boolean run = !out.isEmpty() && out.get(0).equals("run");
        boolean chosen = out.stream().anyMatch(a -> a.equals("--engine") || a.startsWith("--engine="));
        if (run && !chosen) {
            out.add(1, "--engine=spark");
        }
        return out.toArray(String[]::new);
    }
}
