package dev.gilsim.chart;

import java.io.IOException;
import java.io.OutputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** How charts are written: each format is one constant holding its encoder. */
public enum ChartFormat {
    PNG("png", (chart, out) -> PngEncoder.write(BitmapEncoder.getBufferedImage(chart), out)),
    SVG("svg", (chart, out) -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
            VectorGraphicsEncoder.VectorGraphicsFormat.SVG));

    @FunctionalInterface
    interface Encoder {
        void write(Chart<?, ?> chart, OutputStream out) throws IOException;
    }

    private final String extension;
    private final Encoder encoder;

    ChartFormat(String extension, Encoder encoder) {
        this.extension = extension;
        this.encoder = encoder;
    }

    public String extension() {
        return extension;
    }

    /** Renders the chart (headless is fine) into the stream. */
    public void write(Chart<?, ?> chart, OutputStream out) throws IOException {
        encoder.write(chart, out);
    }
}
