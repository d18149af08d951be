package dev.gilsim.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter.Indenter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gilsim.kernel.Durations;
import dev.gilsim.metrics.AppSummary;
import dev.gilsim.metrics.LatencySummary;
import dev.gilsim.metrics.RunSummary;
import dev.gilsim.results.Figure;
import dev.gilsim.results.LatencyFigures;
import dev.gilsim.results.Parameter;
import dev.gilsim.results.ProcessFigures;
import dev.gilsim.results.ProcessSummary;
import dev.gilsim.results.Provenance;
import dev.gilsim.results.RunData;
import dev.gilsim.results.RunFigures;
import dev.gilsim.results.Scope;
import dev.gilsim.results.ThreadSummary;
import dev.gilsim.results.VariantData;
import dev.gilsim.run.RunResult;
import dev.gilsim.scenario.Scenario;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * {@code summary.json}, the one document of a run: what was simulated, and per variant its
 * parameters, every figure, and at its end what the charts draw beyond the figures
 * ({@link ChartData}), from which {@code gilsim chart} redraws ({@link SavedSummary}). Names carry
 * their unit ({@code p99_ms}, {@code held_fraction}); numbers are rounded to fixed decimals, so
 * equal runs give byte-identical files.
 *
 * <p>Format 2 added each variant's {@code parameters} and {@code chart_data}, which were in
 * {@code chart-data.json} before; the figures did not change.
 */
public final class SummaryJson {
    public static final int FORMAT_VERSION = 2;

    private SummaryJson() {
    }

    public static void write(List<RunResult> results, Provenance provenance, OutputStream out) throws IOException {
        write(tree(results, provenance), out);
    }

    /**
     * The same from a run's data already made of {@code results} (with its provenance), as
     * {@code gilsim run} hands it to every writer: the threads' figures, summaries of their
     * histograms, are then computed once for the console, this file and the report.
     */
    public static void write(List<RunResult> results, RunData run, OutputStream out) throws IOException {
        write(tree(results, run), out);
    }

    /** Prints a tree as summary.json's text: what {@link #write(List, Provenance, OutputStream)} prints of its {@link #tree}. */
    public static void write(ObjectNode tree, OutputStream out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.setPrettyPrinter(new DefaultPrettyPrinter().withArrayIndenter(new SeriesInline()));
        g.setCodec(new ObjectMapper());
        g.writeTree(tree);
        g.writeRaw('\n');
        g.flush();
    }

    /** The whole file as a tree: what {@link #write} prints. */
    public static ObjectNode tree(List<RunResult> results, Provenance provenance) {
        return tree(results, RunData.of(results, provenance));
    }

    /** The tree of {@code results} from their run data, which holds the provenance. */
    public static ObjectNode tree(List<RunResult> results, RunData run) {
        Provenance provenance = run.provenance();
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
        List<String> charted = RunData.headlineSeries(run.seriesKeys());
        ArrayNode variants = root.putArray("variants");
        for (int i = 0; i < results.size(); i++) {
            variants.add(variant(results.get(i), run.variants().get(i), charted));
        }
        return root;
    }

    /** One variant's object, as the summary.json of a run of that variant alone holds it. */
    public static ObjectNode variant(RunResult r) {
        RunData run = RunData.of(List.of(r));
        return variant(r, run.variants().get(0), RunData.headlineSeries(run.seriesKeys()));
    }

    /**
     * One variant's object: what it was run with, then its figures from the registry
     * ({@link RunFigures}), whose dotted names ({@code threads.app/sleeper.return_delay.p99_ms})
     * are the paths to them in this object, then its chart data.
     */
    private static ObjectNode variant(RunResult r, VariantData saved, List<String> charted) {
        Scenario s = r.scenario();
        RunSummary sum = r.summary();
        ObjectNode v = JsonNodeFactory.instance.objectNode();
        v.put("name", s.variant());
        v.put("description", s.variantDescription());
        v.put("seed", s.seed());
        number(v, "duration_s", s.durationNanos() / 1e9);
        number(v, "warmup_s", s.warmupNanos() / 1e9);
        v.put("python_version", s.version().text());
        v.put("cores", s.machine().cores());
        v.put("switch_interval", Durations.format(s.python().switchIntervalNanos()));
        ObjectNode parameters = v.putObject("parameters");
        for (Parameter p : saved.parameters()) {
            parameters.put(p.name(), p.value());
        }
        figures(v, RunFigures.RUN, sum);
        ArrayNode processes = v.putArray("processes");
        for (ProcessSummary p : ProcessFigures.of(r)) {
            ObjectNode o = processes.addObject();
            o.put("name", p.process());
            o.put("build", p.build());
            figures(o, RunFigures.PROCESSES, p);
        }
        ArrayNode threads = v.putArray("threads");
        for (ThreadSummary t : saved.threads()) {
            ObjectNode o = threads.addObject();
            o.put("process", t.process());
            o.put("name", t.thread());
            figures(o, RunFigures.THREADS, t);
        }
        if (!sum.app().isEmpty()) {
            app(v, sum.app());
        }
        v.set(ChartData.FIELD, ChartData.of(saved, charted));
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
            figures(named(lag, l.process()), RunFigures.LOOP_LAG, l);
            figures(named(slow, l.process()), RunFigures.SLOW_CALLBACKS, l);
        }
        ArrayNode endpoints = v.putArray("endpoints");
        for (AppSummary.Endpoint e : app.endpoints()) {
            ObjectNode o = named(endpoints, e.key());
            o.put("server", e.server());
            o.put("endpoint", e.endpoint());
            figures(o, RunFigures.ENDPOINTS, e);
        }
        ArrayNode executors = v.putArray("executors");
        for (AppSummary.Executor x : app.executors()) {
            ObjectNode o = executors.addObject();
            o.put("process", x.process());
            o.put("name", x.executor());
            figures(o, RunFigures.EXECUTORS, x);
        }
        ArrayNode jobs = v.putArray("jobs");
        for (AppSummary.Jobs j : app.jobs()) {
            figures(named(jobs, j.server()), RunFigures.JOBS, j);
        }
    }

    private static ObjectNode named(ArrayNode items, String name) {
        ObjectNode o = items.addObject();
        o.put("name", name);
        return o;
    }

    /**
     * The scope's figures of one subject, in the registry's order: a count as a whole number, a
     * distribution as its statistics' object, anything else to six decimals.
     */
    private static <T> void figures(ObjectNode o, Scope<T> scope, T subject) {
        figures(o, scope.figures(), subject);
    }

    private static <T> void figures(ObjectNode o, List<Figure<T>> figures, T subject) {
        for (Figure<T> f : figures) {
            switch (f.unit()) {
                case COUNT -> o.put(f.name(), f.count(subject));
                case DISTRIBUTION -> o.set(f.name(), latency(f.latency(subject)));
                default -> number(o, f.name(), f.value(subject));
            }
        }
    }

    public static ObjectNode latency(LatencySummary l) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        figures(o, LatencyFigures.STATS, l);
        return o;
    }

    public static void number(ObjectNode o, String name, double value) {
        o.put(name, round(value));
    }

    /**
     * Arrays one item a line, but a series' numbers on one line: thousands of them would otherwise
     * take thousands of lines.
     */
    private static final class SeriesInline implements Indenter {
        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            JsonStreamContext array = g.getOutputContext();
            JsonStreamContext owner = array.getParent();
            if (owner == null || !SERIES_ARRAYS.contains(owner.getCurrentName())) {
                DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.writeIndentation(g, level);
            }
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }

    private static final Set<String> SERIES_ARRAYS = Set.of("times_ns", "values");

    /** Six decimals: nanosecond resolution for milliseconds, and stable text across platforms. */
    public static BigDecimal round(double value) {
        return Figure.round(value);
    }
}
