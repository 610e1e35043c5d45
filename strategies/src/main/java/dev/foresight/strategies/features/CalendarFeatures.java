package dev.foresight.strategies.features;

import dev.foresight.data.MarketView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.feature.FittedFeatures;
import dev.foresight.feature.LastRowFeatures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Day of week and month of each bar's date, encoded cyclically so that adjacent values stay
 * adjacent (December next to January) with two columns each instead of 5–7 or 12 one-hot columns:
 * {@code dow_sin = sin(2π·d/7)}, {@code dow_cos = cos(2π·d/7)} with {@code d} = 0 for Monday .. 6
 * for Sunday; {@code month_sin = sin(2π·(m−1)/12)}, {@code month_cos = cos(2π·(m−1)/12)} with
 * {@code m} = 1..12. The date of bar {@code t} is known at {@code t}, so there is no warm-up.
 *
 * <p>It has no {@code symbol}: every series of a batch is aligned on the same dates.
 */
record CalendarFeatures(boolean dayOfWeek, boolean month) implements FeatureSet, LastRowFeatures {

    static final String KIND = "calendar";

    CalendarFeatures {
        if (!dayOfWeek && !month) {
            throw new IllegalArgumentException(KIND + ": day_of_week and month are both off: no columns left");
        }
    }

    @Override
    public FittedFeatures fit(MarketView train) {
        return this;
    }

    @Override
    public List<String> columns() {
        List<String> names = new ArrayList<>();
        if (dayOfWeek) {
            names.addAll(List.of("dow_sin", "dow_cos"));
        }
        if (month) {
            names.addAll(List.of("month_sin", "month_cos"));
        }
        return List.copyOf(names);
    }

    @Override
    public int warmUp() {
        return 0;
    }

    @Override
    public FeatureMatrix compute(MarketView view) {
        int n = view.size();
        List<double[]> columns = new ArrayList<>();
        double[] dowSin = new double[n];
        double[] dowCos = new double[n];
        double[] monthSin = new double[n];
        double[] monthCos = new double[n];
        for (int t = 0; t < n; t++) {
            LocalDate date = view.date(t);
            double d = 2 * Math.PI * (date.getDayOfWeek().getValue() - 1) / 7.0;
            double m = 2 * Math.PI * (date.getMonthValue() - 1) / 12.0;
            dowSin[t] = Math.sin(d);
            dowCos[t] = Math.cos(d);
            monthSin[t] = Math.sin(m);
            monthCos[t] = Math.cos(m);
        }
        if (dayOfWeek) {
            columns.add(dowSin);
            columns.add(dowCos);
        }
        if (month) {
            columns.add(monthSin);
            columns.add(monthCos);
        }
        return FeatureMatrix.of(columns(), columns.toArray(new double[0][]), n);
    }

    /** The last bar's row: from its date alone. */
    @Override
    public double[] lastRow(MarketView view) {
        LocalDate date = view.date(view.last());
        double d = 2 * Math.PI * (date.getDayOfWeek().getValue() - 1) / 7.0;
        double m = 2 * Math.PI * (date.getMonthValue() - 1) / 12.0;
        List<Double> row = new ArrayList<>();
        if (dayOfWeek) {
            row.add(Math.sin(d));
            row.add(Math.cos(d));
        }
        if (month) {
            row.add(Math.sin(m));
            row.add(Math.cos(m));
        }
        return row.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
