package dev.gilsim.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.gilsim.kernel.Durations;
import dev.gilsim.metrics.LatencySummary;
import dev.gilsim.metrics.ProcessSummary;
import dev.gilsim.metrics.RunSummary;
import dev.gilsim.metrics.ThreadSummary;
import dev.gilsim.run.RunResult;
import dev.gilsim.scenario.Scenario;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * {@code summary.json}: every figure of a run, one object per variant. Names carry their unit
 * ({@code p99_ms}, {@code held_fraction}); numbers are rounded to fixed decimals, so equal runs
 * give byte-identical files.
 */
public final class SummaryJson {
    public static final int FORMAT_VERSION = 1;

    private SummaryJson() {
    }

    public static void write(List<RunResult> results, OutputStream out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        g.setPrettyPrinter(pretty);
        Scenario s = results.get(0).scenario();
        g.writeStartObject();
        g.writeNumberField("format_version", FORMAT_VERSION);
        g.writeStringField("scenario", s.name());
        g.writeStringField("title", s.title());
        g.writeStringField("description", s.description());
        g.writeStringField("source", s.source().replace('\\', '/'));
        g.writeArrayFieldStart("variants");
        for (RunResult r : results) {
            variant(g, r);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    private static void variant(JsonGenerator g, RunResult r) throws IOException {
        Scenario s = r.scenario();
        RunSummary sum = r.summary();
        g.writeStartObject();
        g.writeStringField("name", s.variant());
        g.writeStringField("description", s.variantDescription());
        g.writeNumberField("seed", s.seed());
        number(g, "duration_s", s.duration() / 1e9);
        number(g, "warmup_s", s.warmup() / 1e9);
        g.writeStringField("python_version", s.version().text());
        g.writeNumberField("cores", s.machine().cores());
        g.writeStringField("switch_interval", Durations.format(s.python().switchInterval()));
        g.writeNumberField("events", sum.events());
        number(g, "core_utilisation", sum.coreUtilisation());
        g.writeArrayFieldStart("processes");
        for (ProcessSummary p : sum.processes()) {
            process(g, p);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("threads");
        for (ThreadSummary t : sum.threads()) {
            thread(g, t);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void process(JsonGenerator g, ProcessSummary p) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", p.process());
        g.writeStringField("build", p.build());
        number(g, "gil_held_fraction", p.gilHeldFraction());
        g.writeNumberField("acquisitions", p.acquisitions());
        g.writeNumberField("switches", p.switches());
        g.writeNumberField("forced_drops", p.forcedDrops());
        g.writeNumberField("voluntary_drops", p.voluntaryDrops());
        g.writeNumberField("drop_requests", p.dropRequests());
        latency(g, "gil_wait", p.gilWait());
        g.writeEndObject();
    }

    private static void thread(JsonGenerator g, ThreadSummary t) throws IOException {
        g.writeStartObject();
        g.writeStringField("process", t.process());
        g.writeStringField("name", t.thread());
        number(g, "held_fraction", t.heldFraction());
        number(g, "waiting_fraction", t.waitingFraction());
        number(g, "io_fraction", t.ioFraction());
        number(g, "native_released_fraction", t.nativeReleasedFraction());
        number(g, "blocked_fraction", t.blockedFraction());
        number(g, "on_core_fraction", t.onCoreFraction());
        number(g, "descheduled_fraction", t.descheduledFraction());
        g.writeNumberField("iterations", t.iterations());
        number(g, "iterations_per_s", t.iterationsPerSecond());
        g.writeNumberField("acquisitions", t.acquisitions());
        g.writeNumberField("forced_drops", t.forcedDrops());
        g.writeNumberField("voluntary_drops", t.voluntaryDrops());
        g.writeNumberField("drop_requests_made", t.dropRequestsMade());
        g.writeNumberField("drop_requests_received", t.dropRequestsReceived());
        latency(g, "gil_wait", t.gilWait());
        latency(g, "return_delay", t.returnDelay());
        g.writeEndObject();
    }

    static void latency(JsonGenerator g, String name, LatencySummary l) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("count", l.count());
        number(g, "mean_ms", l.meanMs());
        number(g, "p50_ms", l.p50Ms());
        number(g, "p90_ms", l.p90Ms());
        number(g, "p99_ms", l.p99Ms());
        number(g, "p99_9_ms", l.p999Ms());
        number(g, "max_ms", l.maxMs());
        g.writeEndObject();
    }

    static void number(JsonGenerator g, String name, double value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(round(value));
    }

    /** Six decimals: nanosecond resolution for milliseconds, and stable text across platforms. */
    static BigDecimal round(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        BigDecimal b = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }
}
