package dev.foresight.reports.summary;

import java.util.regex.Pattern;

/**
 * Which models of an experiment are configurations of one grid entry: a grid expands model
 * {@code ar} with {@code ar.p: [1, 5]} into {@code ar.p-1} and {@code ar.p-5}; several parameters
 * append several {@code .parameter-value} parts ({@code linear.alpha-0.01.l1_ratio-0.5}), and a
 * value may itself hold dots and dashes ({@code 0.001}, {@code -1}), as {@code BatchExpansion}
 * writes them. These are
 * the configurations searched when one of them is reported, so they are the trials of its deflated
 * Sharpe ratio and the candidates of the PBO; a model not made by a grid is a family of one.
 */
public final class GridFamily {

    /**
     * A grid-expanded model name: the entry's name, then one or more {@code .parameter-value}
     * parts; the shortest such entry name is taken, so every part after it is a parameter.
     */
    private static final Pattern GRID_NAME = Pattern.compile("^(.+?)((?:\\.[a-z_]+-[A-Za-z0-9_.-]+?)+)$");

    private GridFamily() {
    }

    /** {@code ar} for {@code ar.p-5}; null for a name not made by a grid. */
    public static String root(String name) {
        var m = GRID_NAME.matcher(name);
        return m.matches() ? m.group(1) : null;
    }

    /** Whether {@code other} belongs to {@code model}'s family (itself included). */
    public static boolean sameFamily(String model, String other) {
        String root = root(model);
        return root == null ? model.equals(other) : root.equals(root(other));
    }
}
