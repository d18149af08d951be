package dev.gilsim.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** The look shared by every chart, and the helpers that name things. */
final class ChartStyle {
    static final int WIDTH = 900;
    static final int HEIGHT = 520;

    /** Colour-blind-safe (Okabe-Ito), one per variant in order. */
    static final Color[] VARIANTS = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000),
    };

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    /**
     * DejaVu Sans, shipped in the jar (its licence beside it): charts drawn with whatever sans-serif
     * font a machine has would differ from machine to machine, byte for byte and in width.
     */
    private static final Font BASE = loadFont();

    private ChartStyle() {
    }

    static void apply(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(new Color(0xDDDDDD));
        s.setChartTitleBoxVisible(false);
        s.setBaseFont(font(Font.PLAIN, 12));
        s.setChartTitleFont(font(Font.BOLD, 15));
        s.setAxisTitleFont(font(Font.PLAIN, 13));
        s.setAxisTickLabelsFont(font(Font.PLAIN, 11));
        s.setLegendFont(font(Font.PLAIN, 12));
        s.setAnnotationTextFont(font(Font.PLAIN, 11));
        s.setAnnotationTextPanelFont(font(Font.PLAIN, 11));
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setSeriesColors(VARIANTS);
        s.setAntiAlias(true);
        s.setLocale(Locale.ROOT);
    }

    /** The bundled font at a style and size; bold is derived (synthesised) from the one face shipped. */
    static Font font(int style, float size) {
        return BASE.deriveFont(style, size);
    }

    private static Font loadFont() {
        try (InputStream in = ChartStyle.class.getResourceAsStream("/dev/gilsim/fonts/DejaVuSans.ttf")) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks dev/gilsim/fonts/DejaVuSans.ttf");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot read the bundled font: " + e.getMessage(), e);
        }
    }

    /**
     * Values whose positive part spans this ratio or more get a logarithmic axis: on a linear one a
     * process pool's 0.3 ms lies flat on zero under a thread pool's 300 ms, which is the comparison
     * the chart exists for.
     */
    static final double LOG_SPAN = 100;

    /**
     * Makes the chart's y axis (or x axis) logarithmic when its data spans {@link #LOG_SPAN}: zeros,
     * which a log axis cannot show, are drawn at the smallest positive value, and the axis title
     * says so. Returns whether it did.
     */
    static boolean logIfWide(XYChart chart, boolean yAxis) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        boolean zeros = false;
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double v : yAxis ? s.getYData() : s.getXData()) {
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                } else if (!Double.isNaN(v)) {
                    zeros = true;
                }
            }
        }
        if (max == 0 || max / min < LOG_SPAN) {
            return false;
        }
        for (XYSeries s : List.copyOf(chart.getSeriesMap().values())) {
            double[] xs = s.getXData().clone();
            double[] ys = s.getYData().clone();
            double[] v = yAxis ? ys : xs;
            for (int i = 0; i < v.length; i++) {
                if (!(v[i] > 0) && !Double.isNaN(v[i])) {
                    v[i] = min;
                }
            }
            chart.updateXYSeries(s.getName(), xs, ys, null);
        }
        String note = !zeros ? " (log scale)" : yAxis ? " (log scale; zero drawn at the bottom)"
                : " (log scale; zero drawn at the left end)";
        if (yAxis) {
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMin(null);
            chart.setYAxisTitle(chart.getYAxisTitle() + note);
        } else {
            chart.getStyler().setXAxisLogarithmic(true);
            chart.getStyler().setXAxisMin(null);
            chart.setXAxisTitle(chart.getXAxisTitle() + note);
        }
        return true;
    }

    static Color variant(int index) {
        return VARIANTS[index % VARIANTS.length];
    }

    /** A file-name stem from a key such as {@code return_delay:app/sleeper}. */
    static String fileStem(String key) {
        return UNSAFE.matcher(key).replaceAll("-").replaceAll("^-|-$", "");
    }

    /** {@code return_delay} becomes "return delay", for titles. */
    static String words(String metric) {
        return metric.replace('_', ' ');
    }
}
