package dev.gilsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gilsim.metrics.LatencyRecorder;
import dev.gilsim.metrics.NamedLatency;
import dev.gilsim.metrics.NamedSeries;
import dev.gilsim.metrics.TimeSeries;
import dev.gilsim.results.VariantData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * A variant's {@code chart_data} in {@code summary.json}: what the charts draw beyond the figures,
 * so that {@code gilsim chart} redraws without simulating again. {@code latencies}: every latency
 * distribution whole, as HdrHistogram's compressed encoding
 * ({@code encodeIntoCompressedByteBuffer}) in base64, values in nanoseconds (decode one with
 * {@code Histogram.decodeFromCompressedByteBuffer}); {@code series}: the time series the charts
 * draw, times in nanoseconds. The figures summarise these, so they stay out of sweeps' and
 * {@code diff}'s metrics.
 */
final class ChartData {
    /** The variant's field that holds it. */
    static final String FIELD = "chart_data";

    private ChartData() {
    }

    /** The section of one variant: all of its latencies, and of its series those in {@code charted}. */
    static ObjectNode of(VariantData v, List<String> charted) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode latencies = o.putArray("latencies");
        for (NamedLatency l : v.latencies()) {
            ObjectNode item = latencies.addObject();
            item.put("metric", l.metric());
            item.put("subject", l.subject());
            item.put("count", l.recorder().count());
            item.put("histogram", encode(l.recorder().transientHistogram()));
        }
        ArrayNode series = o.putArray("series");
        for (NamedSeries s : v.series()) {
            if (!charted.contains(s.key())) {
                continue;
            }
            ObjectNode item = series.addObject();
            item.put("metric", s.metric());
            item.put("subject", s.subject());
            item.put("unit", s.series().unit().name().toLowerCase(Locale.ROOT));
            ArrayNode times = item.putArray("times_ns");
            for (long t : s.series().times()) {
                times.add(t);
            }
            ArrayNode values = item.putArray("values");
            for (long x : s.series().values()) {
                values.add(x);
            }
        }
        return o;
    }

    static List<NamedLatency> latencies(JsonNode section) throws IOException {
        List<NamedLatency> out = new ArrayList<>();
        for (JsonNode l : section.path("latencies")) {
            out.add(new NamedLatency(l.path("metric").asText(), l.path("subject").asText(),
                    LatencyRecorder.copyOf(decode(l.path("histogram").asText()))));
        }
        return out;
    }

    static List<NamedSeries> series(JsonNode section) {
        List<NamedSeries> out = new ArrayList<>();
        for (JsonNode s : section.path("series")) {
            TimeSeries.Unit unit = TimeSeries.Unit.valueOf(s.path("unit").asText().toUpperCase(Locale.ROOT));
            out.add(new NamedSeries(s.path("metric").asText(), s.path("subject").asText(),
                    TimeSeries.of(unit, longs(s.path("times_ns")), longs(s.path("values")))));
        }
        return out;
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    /** One buffer per writing thread, grown as needed: a fresh one per histogram was most of what
     * writing 10,000 threads' histograms allocated. */
    private static final ThreadLocal<ByteBuffer[]> BUFFER = ThreadLocal.withInitial(() -> new ByteBuffer[1]);

    static String encode(Histogram h) {
        ByteBuffer[] held = BUFFER.get();
        int needed = h.getNeededByteBufferCapacity();
        if (held[0] == null || held[0].capacity() < needed) {
            held[0] = ByteBuffer.allocate(needed);
        }
        ByteBuffer buffer = held[0];
        buffer.clear();
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static Histogram decode(String base64) throws IOException {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IOException("a histogram cannot be decoded: " + e.getMessage(), e);
        }
    }
}
