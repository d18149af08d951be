package dev.gilsim.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Font;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** Issue 12: charts are drawn with the font in the jar, not whichever sans-serif a machine has. */
class ChartStyleTest {
    @Test
    void everyChartTextUsesTheBundledDejaVuSans() {
        XYChart chart = new XYChart(ChartStyle.WIDTH, ChartStyle.HEIGHT);
        ChartStyle.apply(chart.getStyler());
        for (Font f : new Font[] {chart.getStyler().getBaseFont(), chart.getStyler().getChartTitleFont(),
            chart.getStyler().getAxisTitleFont(), chart.getStyler().getAxisTickLabelsFont(),
            chart.getStyler().getLegendFont(), chart.getStyler().getAnnotationTextFont()}) {
            assertEquals("DejaVu Sans", f.getFamily(java.util.Locale.ROOT), f.toString());
        }
        assertEquals(true, chart.getStyler().getChartTitleFont().isBold());
    }

    @Test
    void anAxisWhoseValuesSpanTwoDecadesBecomesLogarithmicWithZerosAtItsFloor() {
        XYChart wide = new XYChart(ChartStyle.WIDTH, ChartStyle.HEIGHT);
        wide.setYAxisTitle("milliseconds");
        wide.addSeries("thread", new double[] {0, 1, 2}, new double[] {0.3, 150, 300});
        wide.addSeries("process", new double[] {0, 1, 2}, new double[] {0, 0.3, 0.4});
        assertEquals(true, ChartStyle.logIfWide(wide, true));
        assertEquals(true, wide.getStyler().isYAxisLogarithmic());
        assertEquals("milliseconds (log scale; zero drawn at the bottom)", wide.getYAxisTitle());
        assertEquals(0.3, wide.getSeriesMap().get("process").getYData()[0], 0, "a zero is drawn at the smallest value");

        XYChart narrow = new XYChart(ChartStyle.WIDTH, ChartStyle.HEIGHT);
        narrow.setYAxisTitle("milliseconds");
        narrow.addSeries("a", new double[] {0, 1}, new double[] {5, 499});
        assertEquals(false, ChartStyle.logIfWide(narrow, true), "less than 100 times apart");
        assertEquals(false, narrow.getStyler().isYAxisLogarithmic());
        assertEquals("milliseconds", narrow.getYAxisTitle());
    }
}
