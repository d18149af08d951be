package dev.gilsim.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Pattern;
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
