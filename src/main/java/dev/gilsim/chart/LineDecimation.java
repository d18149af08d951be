package dev.gilsim.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Fewer points for a line that has more than a chart can show: the x range is cut into columns
 * (a few per pixel), and each column keeps its first, lowest, highest and last point, in order.
 * The line drawn through them covers the same pixels as the line through every point (every spike
 * and dip stays), while the rasteriser, whose time grows with the points, draws at most four per
 * column: a 72,000-point return-delay series became about 3,600.
 */
final class LineDecimation {
    /** Columns per chart: two per pixel of the chart's width. */
    static final int COLUMNS = 2 * ChartStyle.WIDTH;

    private LineDecimation() {
    }

    /** The points to draw, as two lists (x, y); every point when there are few. */
    static List<List<Double>> of(double[] xs, double[] ys, int columns) {
        int n = xs.length;
        List<Double> outX = new ArrayList<>();
        List<Double> outY = new ArrayList<>();
        if (n <= 4 * columns) {
            for (int i = 0; i < n; i++) {
                outX.add(xs[i]);
                outY.add(ys[i]);
            }
            return List.of(outX, outY);
        }
        double min = xs[0];
        double max = xs[n - 1];
        double width = (max - min) / columns;
        int start = 0;
        while (start < n) {
            int column = width > 0 ? (int) Math.min(columns - 1, (xs[start] - min) / width) : 0;
            double end = min + (column + 1) * width;
            int stop = start + 1;
            while (stop < n && (column == columns - 1 || xs[stop] < end)) {
                stop++;
            }
            keep(xs, ys, start, stop, outX, outY);
            start = stop;
        }
        return List.of(outX, outY);
    }

    /** The column [start, stop): its first, lowest, highest and last points, in x order. */
    private static void keep(double[] xs, double[] ys, int start, int stop, List<Double> outX, List<Double> outY) {
        int low = start;
        int high = start;
        for (int i = start + 1; i < stop; i++) {
            if (ys[i] < ys[low]) {
                low = i;
            }
            if (ys[i] > ys[high]) {
                high = i;
            }
        }
        int[] picks = {start, Math.min(low, high), Math.max(low, high), stop - 1};
        int last = -1;
        for (int p : picks) {
            if (p != last) {
                outX.add(xs[p]);
                outY.add(ys[p]);
                last = p;
            }
        }
    }
}
