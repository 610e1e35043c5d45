package dev.foresight.data.synthetic;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Consecutive Monday-to-Friday dates; holidays are ignored because synthetic markets have none. */
final class BusinessDays {

    /** The default start, the first business day of 2000. */
    static final LocalDate DEFAULT_START = LocalDate.of(2000, 1, 3);

    private BusinessDays() {
    }

    /** {@code n} business days from {@code start}, or from the Monday after it when it is a weekend. */
    static LocalDate[] from(LocalDate start, int n) {
        LocalDate[] dates = new LocalDate[n];
        LocalDate d = skipWeekend(start);
        for (int i = 0; i < n; i++) {
            dates[i] = d;
            d = skipWeekend(d.plusDays(1));
        }
        return dates;
    }

    private static LocalDate skipWeekend(LocalDate d) {
        DayOfWeek day = d.getDayOfWeek();
        return day == DayOfWeek.SATURDAY ? d.plusDays(2) : day == DayOfWeek.SUNDAY ? d.plusDays(1) : d;
    }
}
