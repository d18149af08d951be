package dev.gilsim.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gilsim.kernel.Durations;
import dev.gilsim.metrics.AppSummary;
import dev.gilsim.metrics.LatencySummary;
import dev.gilsim.metrics.ProcessSummary;
import dev.gilsim.metrics.RunSummary;
import dev.gilsim.metrics.ThreadSummary;
import dev.gilsim.results.Provenance;
import dev.gilsim.results.ThreadFigure;
import dev.gilsim.results.ThreadFigures;
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

    public static void write(List<RunResult> results, Provenance provenance, OutputStream out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.setPrettyPrinter(new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));
        g.setCodec(new ObjectMapper());
        g.writeTree(tree(results, provenance));
        g.writeRaw('\n');
        g.flush();
    }

    /** The whole file as a tree: what {@link #write} prints. */
    public static ObjectNode tree(List<RunResult> results, Provenance provenance) {
        Scenario s = results.get(0).scenario();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("scenario", s.name());
        root.put("title", s.title());
        root.put("description", s.description());
        root.put("source", s.source().replace('\\', '/'));
        root.put("gilsim_version", provenance.gilsimVersion());
        ObjectNode command = root.putObject("command_line");
        ArrayNode sets = command.putArray("set");
        provenance.sets().forEach(sets::add);
        if (provenance.seed() == null) {
            command.putNull("seed");
        } else {
            command.put("seed", provenance.seed());
        }
        root.put("scenario_text", provenance.scenarioText());
        ArrayNode variants = root.putArray("variants");
        for (RunResult r : results) {
            variants.add(variant(r));
        }
        return root;
    }

    /** One variant's object; sweeps read metrics from it by dotted path. */
    public static ObjectNode variant(RunResult r) {
        Scenario s = r.scenario();
        RunSummary sum = r.summary();
        ObjectNode v = JsonNodeFactory.instance.objectNode();
        v.put("name", s.variant());
        v.put("description", s.variantDescription());
        v.put("seed", s.seed());
        number(v, "duration_s", s.duration() / 1e9);
        number(v, "warmup_s", s.warmup() / 1e9);
        v.put("python_version", s.version().text());
        v.put("cores", s.machine().cores());
        v.put("switch_interval", Durations.format(s.python().switchInterval()));
        v.put("events", sum.events());
        number(v, "core_utilisation", sum.coreUtilisation());
        ArrayNode processes = v.putArray("processes");
        for (ProcessSummary p : sum.processes()) {
            processes.add(process(p));
        }
        ArrayNode threads = v.putArray("threads");
        for (ThreadSummary t : sum.threads()) {
            threads.add(thread(t));
        }
        if (!sum.app().isEmpty()) {
            app(v, sum.app());
        }
        return v;
    }

    /**
     * Servers' figures, in arrays of named items like processes and threads, so sweeps address them
     * as {@code loop_lag.api-0.p99_ms}, {@code endpoints.api/ping.latency.p99_ms},
     * {@code executors.api-0/pool.queue_length_max}, {@code jobs.api.time_to_result.p50_ms}.
     */
    private static void app(ObjectNode v, AppSummary app) {
        ArrayNode lag = v.putArray("loop_lag");
        ArrayNode slow = v.putArray("slow_callbacks");
        for (AppSummary.Loop l : app.loops()) {
            ObjectNode o = latency(l.lag());
            o.put("name", l.process());
            lag.add(first(o, "name"));
            ObjectNode s = JsonNodeFactory.instance.objectNode();
            s.put("name", l.process());
            s.put("count", l.slowCallbacks());
            s.set("duration", latency(l.slowCallbackDuration()));
            slow.add(s);
        }
        ArrayNode endpoints = v.putArray("endpoints");
        for (AppSummary.Endpoint e : app.endpoints()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("name", e.key());
            o.put("server", e.server());
            o.put("endpoint", e.endpoint());
            o.set("latency", latency(e.latency()));
            number(o, "throughput_per_s", e.throughputPerSecond());
            o.put("arrived", e.arrived());
            o.put("completed", e.completed());
            o.put("rejected", e.rejected());
            o.put("unfinished", e.unfinished());
            // Of the latency's count: requests offered in the window, unanswered at its end, counted at their age then.
            o.put("censored", e.censored());
            endpoints.add(o);
        }
        ArrayNode executors = v.putArray("executors");
        for (AppSummary.Executor x : app.executors()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("process", x.process());
            o.put("name", x.executor());
            number(o, "queue_length_mean", x.queueLengthMean());
            o.put("queue_length_max", x.queueLengthMax());
            o.put("tasks_submitted", x.submitted());
            o.put("tasks_completed", x.completed());
            o.put("tasks_in_flight", x.inFlight());
            o.put("workers_started", x.workersStarted());
            o.set("queue_wait", latency(x.queueWait()));
            executors.add(o);
        }
        ArrayNode jobs = v.putArray("jobs");
        for (AppSummary.Jobs j : app.jobs()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("name", j.server());
            o.set("time_to_result", latency(j.timeToResult()));
            jobs.add(o);
        }
    }

    /** The same object with {@code key} moved to the front, for readability. */
    private static ObjectNode first(ObjectNode o, String key) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set(key, o.get(key));
        o.fields().forEachRemaining(e -> {
            if (!e.getKey().equals(key)) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static ObjectNode process(ProcessSummary p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", p.process());
        o.put("build", p.build());
        number(o, "gil_held_fraction", p.gilHeldFraction());
        o.put("acquisitions", p.acquisitions());
        o.put("switches", p.switches());
        o.put("forced_drops", p.forcedDrops());
        o.put("voluntary_drops", p.voluntaryDrops());
        o.put("drop_requests", p.dropRequests());
        o.set("gil_wait", latency(p.gilWait()));
        return o;
    }

    /** A thread's object: its name, then every figure of {@link ThreadFigures#ALL}, in order. */
    private static ObjectNode thread(ThreadSummary t) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("process", t.process());
        o.put("name", t.thread());
        for (ThreadFigure f : ThreadFigures.ALL) {
            switch (f.unit()) {
                case COUNT -> o.put(f.name(), f.count(t));
                case FRACTION, PER_SECOND -> number(o, f.name(), f.value(t));
                case MILLISECONDS -> o.set(f.name(), latency(f.latency(t)));
                default -> throw new IllegalStateException(f.unit().name());
            }
        }
        return o;
    }

    public static ObjectNode latency(LatencySummary l) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("count", l.count());
        number(o, "mean_ms", l.meanMs());
        number(o, "p50_ms", l.p50Ms());
        number(o, "p90_ms", l.p90Ms());
        number(o, "p99_ms", l.p99Ms());
        number(o, "p99_9_ms", l.p999Ms());
        number(o, "max_ms", l.maxMs());
        return o;
    }

    public static void number(ObjectNode o, String name, double value) {
        o.put(name, round(value));
    }

    /** Six decimals: nanosecond resolution for milliseconds, and stable text across platforms. */
    public static BigDecimal round(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        BigDecimal b = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }
}
