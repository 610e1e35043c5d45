package dev.foresight.cli;

import java.io.PrintStream;
import java.util.List;

/** How failed leakage checks end a command: exit 3 naming each, or a warning with {@code --allow-leaks}. */
final class Leaks {

    /** Failed checks printed in full; the rest are counted. */
    private static final int SHOWN = 10;

    private Leaks() {
    }

    static int report(List<String> leaks, boolean allowed, PrintStream err) {
        err.println((allowed ? "warning" : "error") + ": " + leaks.size() + " leakage check(s) failed"
                + (allowed ? " (--allow-leaks: the results are marked as leaking)" : "") + ":");
        for (String leak : leaks.subList(0, Math.min(SHOWN, leaks.size()))) {
            err.println("  " + leak);
        }
        if (leaks.size() > SHOWN) {
            err.println("  ... and " + (leaks.size() - SHOWN) + " more (see the task results' checks)");
        }
        if (!allowed) {
            err.println("(the README's 'Leakage checks' section explains each check and the usual fixes;"
                    + " --allow-leaks finishes anyway and marks the run)");
            return Main.LEAKAGE;
        }
        return Main.OK;
    }
}
