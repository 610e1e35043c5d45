package dev.foresight.data;

import java.util.List;

/**
 * What loading and aligning did to the raw input, kept in every result so nothing happens
 * silently: rows dropped under a {@code missing: drop} policy, rows removed by date alignment,
 * whether a file was newest-first and got sorted.
 */
public record DataNotes(int rowsRead, int droppedMissing, int droppedByAlignment, boolean sortedFromNewestFirst,
                        List<String> remarks) {

    public DataNotes {
        if (rowsRead < 0 || droppedMissing < 0 || droppedByAlignment < 0) {
            throw new IllegalArgumentException("row counts cannot be negative");
        }
        remarks = List.copyOf(remarks);
    }

    public static DataNotes clean(int rows) {
        return new DataNotes(rows, 0, 0, false, List.of());
    }

    public DataNotes withAlignmentDrops(int dropped) {
        return new DataNotes(rowsRead, droppedMissing, dropped, sortedFromNewestFirst, remarks);
    }
}
