package dev.foresight.run.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a run computes: every unit of work of the batch, in batch order (experiment, model, fold).
 * The driver builds it; {@link #pendingFirstLargest} orders the units still to run for submission.
 */
public record TaskPlan(List<WorkUnit> units) {

    public TaskPlan {
        units = List.copyOf(units);
        Set<String> ids = new HashSet<>();
        for (WorkUnit u : units) {
            for (PlannedTask t : u.tasks()) {
                if (!ids.add(t.id())) {
                    throw new IllegalArgumentException("task " + t.id() + " is planned twice");
                }
            }
        }
    }

    /** Every task, in batch order. */
    public List<PlannedTask> tasks() {
        List<PlannedTask> out = new ArrayList<>();
        units.forEach(u -> out.addAll(u.tasks()));
        return out;
    }

    public int taskCount() {
        return units.stream().mapToInt(u -> u.tasks().size()).sum();
    }

    /**
     * Submission order: expected cost, largest first (a stable sort: ties keep the batch's order).
     * An engine's last units are then its smallest, so one worker does not finish a big unit alone
     * while the others idle. Results do not depend on the order.
     */
    public static List<WorkUnit> pendingFirstLargest(List<WorkUnit> pending) {
        List<WorkUnit> order = new ArrayList<>(pending);
        order.sort(Comparator.comparingLong(WorkUnit::expectedCost).reversed());
        return order;
    }
}
