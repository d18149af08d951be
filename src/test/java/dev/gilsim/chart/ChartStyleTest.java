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
}
