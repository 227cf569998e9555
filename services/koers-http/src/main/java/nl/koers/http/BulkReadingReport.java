package nl.koers.http;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of a CSV file of readings: how many rows were recorded, were duplicates of readings recorded before,
 * or were rejected, and the rows themselves (the rejected ones, or with {@code ?rows=all} every row).
 */
record BulkReadingReport(long recorded, long duplicates, long rejected, List<RowOutcome> rows) {

    enum Outcome { RECORDED, DUPLICATE, REJECTED }

    /**
     * One row: its line in the file, its ids, its outcome, the HTTP status the single-reading endpoint would have
     * answered, and why when rejected.
     */
    record RowOutcome(long row, String kpiId, String readingId, Outcome outcome, int status, String detail) {
    }

    /** Counts every row, and keeps those the caller asked to see. */
    static final class Tally {

        private final boolean everyRow;
        private final List<RowOutcome> rows = new ArrayList<>();
        private long recorded;
        private long duplicates;
        private long rejected;

        Tally(boolean everyRow) {
            this.everyRow = everyRow;
        }

        void add(RowOutcome row) {
            switch (row.outcome()) {
                case RECORDED -> recorded++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> rejected++;
            }
            if (everyRow || row.outcome() == Outcome.REJECTED) {
                rows.add(row);
            }
        }

        BulkReadingReport report() {
            return new BulkReadingReport(recorded, duplicates, rejected, List.copyOf(rows));
        }
    }
}
