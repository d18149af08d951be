package dev.gilsim.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gilsim.metrics.LatencyRecorder;
import dev.gilsim.metrics.LatencySummary;
import dev.gilsim.metrics.NamedLatency;
import dev.gilsim.metrics.NamedSeries;
import dev.gilsim.metrics.TimeSeries;
import dev.gilsim.metrics.Timeline;
import dev.gilsim.results.EndpointRequests;
import dev.gilsim.results.Figure;
import dev.gilsim.results.Parameter;
import dev.gilsim.results.Provenance;
import dev.gilsim.results.RunData;
import dev.gilsim.results.ThreadFigures;
import dev.gilsim.results.ThreadSummary;
import dev.gilsim.results.VariantData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * {@code chart-data.json}: what {@code gilsim chart} needs to redraw a run's charts and report
 * without simulating again, apart from the timeline (kept in {@code trace.json}): the scenario's
 * header, and per variant its parameters, thread figures, latency histograms (HdrHistogram's
 * compressed encoding, {@code encodeIntoCompressedByteBuffer}, in base64: decode one with
 * {@code Histogram.decodeFromCompressedByteBuffer}, values in nanoseconds) and time series.
 */
public final class ChartDataJson {
    public static final int FORMAT_VERSION = 1;

    private ChartDataJson() {
    }

    public static void write(RunData run, OutputStream out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.setPrettyPrinter(new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));
        g.writeStartObject();
        g.writeNumberField("format_version", FORMAT_VERSION);
        g.writeStringField("scenario", run.scenario());
        g.writeStringField("title", run.title());
        g.writeStringField("description", run.description());
        g.writeStringField("source", run.source());
        if (run.provenance() != null) {
            Provenance p = run.provenance();
            g.writeObjectFieldStart("provenance");
            g.writeStringField("gilsim_version", p.gilsimVersion());
            g.writeArrayFieldStart("set");
            for (String set : p.sets()) {
                g.writeString(set);
            }
            g.writeEndArray();
            if (p.seed() == null) {
                g.writeNullField("seed");
            } else {
                g.writeNumberField("seed", p.seed());
            }
            g.writeStringField("scenario_text", p.scenarioText());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("variants");
        for (VariantData v : run.variants()) {
            variant(g, v);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    private static void variant(JsonGenerator g, VariantData v) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", v.name());
        g.writeStringField("description", v.description());
        g.writeArrayFieldStart("parameters");
        for (Parameter p : v.parameters()) {
            g.writeStartObject();
            g.writeStringField("name", p.name());
            g.writeStringField("value", p.value());
            g.writeEndObject();
        }
        g.writeEndArray();
        writeThreads(g, v);
        writeLatencies(g, v);
        writeSeries(g, v);
        writeRequests(g, v);
        g.writeEndObject();
    }

    /** Each thread's figures under threads.csv's column names, numbers as numbers. */
    private static void writeThreads(JsonGenerator g, VariantData v) throws IOException {
        g.writeArrayFieldStart("threads");
        for (ThreadSummary t : v.threads()) {
            g.writeStartObject();
            List<String> row = ThreadsCsv.row(v.name(), t);
            for (int i = 1; i < ThreadsCsv.HEADER.size(); i++) {
                g.writeFieldName(ThreadsCsv.HEADER.get(i));
                if (i <= 2) {
                    g.writeString(row.get(i));
                } else {
                    g.writeNumber(new java.math.BigDecimal(row.get(i)));
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeLatencies(JsonGenerator g, VariantData v) throws IOException {
        g.writeArrayFieldStart("latencies");
        for (NamedLatency l : v.latencies()) {
            g.writeStartObject();
            g.writeStringField("metric", l.metric());
            g.writeStringField("subject", l.subject());
            g.writeNumberField("count", l.recorder().count());
            g.writeStringField("histogram", encode(l.recorder().histogram()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeSeries(JsonGenerator g, VariantData v) throws IOException {
        g.writeArrayFieldStart("series");
        for (NamedSeries s : v.series()) {
            g.writeStartObject();
            g.writeStringField("metric", s.metric());
            g.writeStringField("subject", s.subject());
            g.writeStringField("unit", s.series().unit().name().toLowerCase(java.util.Locale.ROOT));
            g.writeFieldName("times_ns");
            long[] times = s.series().times();
            g.writeArray(times, 0, times.length);
            g.writeFieldName("values");
            long[] values = s.series().values();
            g.writeArray(values, 0, values.length);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeRequests(JsonGenerator g, VariantData v) throws IOException {
        g.writeArrayFieldStart("requests");
        for (EndpointRequests e : v.requests()) {
            g.writeStartObject();
            g.writeStringField("endpoint", e.endpoint());
            g.writeNumberField("arrived", e.arrived());
            g.writeNumberField("completed", e.completed());
            g.writeNumberField("rejected", e.rejected());
            g.writeNumberField("unfinished", e.unfinished());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
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

    /** Reads the file back; timelines come from trace.json, by variant name (empty when missing). */
    public static RunData read(InputStream in, Map<String, Timeline> timelines) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || root.path("format_version").asInt() != FORMAT_VERSION) {
            throw new IOException("not a gilsim chart-data.json of format version " + FORMAT_VERSION);
        }
        List<VariantData> variants = new ArrayList<>();
        for (JsonNode v : root.path("variants")) {
            variants.add(variant(v, timelines.getOrDefault(v.path("name").asText(), Timeline.empty(0, 0))));
        }
        return new RunData(root.path("scenario").asText(), root.path("title").asText(),
                root.path("description").asText(), root.path("source").asText(), variants,
                provenance(root.path("provenance")));
    }

    private static Provenance provenance(JsonNode p) {
        if (p.isMissingNode()) {
            return null;
        }
        List<String> sets = new ArrayList<>();
        p.path("set").forEach(s -> sets.add(s.asText()));
        return new Provenance(p.path("gilsim_version").asText(), sets,
                p.path("seed").isNumber() ? p.path("seed").asLong() : null, p.path("scenario_text").asText());
    }

    private static VariantData variant(JsonNode v, Timeline timeline) throws IOException {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode p : v.path("parameters")) {
            parameters.add(new Parameter(p.path("name").asText(), p.path("value").asText()));
        }
        List<ThreadSummary> threads = new ArrayList<>();
        for (JsonNode t : v.path("threads")) {
            threads.add(thread(t));
        }
        List<NamedLatency> latencies = new ArrayList<>();
        for (JsonNode l : v.path("latencies")) {
            latencies.add(new NamedLatency(l.path("metric").asText(), l.path("subject").asText(),
                    LatencyRecorder.copyOf(decode(l.path("histogram").asText()))));
        }
        List<NamedSeries> series = new ArrayList<>();
        for (JsonNode s : v.path("series")) {
            TimeSeries.Unit unit = TimeSeries.Unit.valueOf(s.path("unit").asText().toUpperCase(java.util.Locale.ROOT));
            series.add(new NamedSeries(s.path("metric").asText(), s.path("subject").asText(),
                    TimeSeries.of(unit, longs(s.path("times_ns")), longs(s.path("values")))));
        }
        List<EndpointRequests> requests = new ArrayList<>();
        for (JsonNode e : v.path("requests")) {  // absent in files of earlier versions: no table
            requests.add(new EndpointRequests(e.path("endpoint").asText(), e.path("arrived").asLong(),
                    e.path("completed").asLong(), e.path("rejected").asLong(), e.path("unfinished").asLong()));
        }
        return new VariantData(v.path("name").asText(), v.path("description").asText(), parameters, latencies,
                threads, timeline, series, requests);
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    /** A thread's figures under threads.csv's column names, every figure of the registry. */
    private static ThreadSummary thread(JsonNode t) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, LatencySummary> distributions = new LinkedHashMap<>();
        for (Figure<ThreadSummary> f : ThreadFigures.ALL) {
            if (f.isDistribution()) {
                distributions.put(f.name(), latency(t, f.name() + "_"));
            } else {
                numbers.put(f.name(), t.path(f.name()).asDouble());
            }
        }
        return new ThreadSummary(t.path("process").asText(), t.path("thread").asText(), numbers, distributions);
    }

    private static LatencySummary latency(JsonNode t, String prefix) {
        return new LatencySummary(t.path(prefix + "count").asLong(), t.path(prefix + "mean_ms").asDouble(),
                t.path(prefix + "p50_ms").asDouble(), t.path(prefix + "p90_ms").asDouble(),
                t.path(prefix + "p99_ms").asDouble(), t.path(prefix + "p99_9_ms").asDouble(),
                t.path(prefix + "max_ms").asDouble());
    }
}
