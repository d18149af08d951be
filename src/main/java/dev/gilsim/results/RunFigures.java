package dev.gilsim.results;

import static dev.gilsim.results.Figure.Unit.COUNT;
import static dev.gilsim.results.Figure.Unit.FRACTION;
import static dev.gilsim.results.Figure.Unit.MEAN;
import static dev.gilsim.results.Figure.Unit.PER_SECOND;

import dev.gilsim.metrics.AppSummary;
import dev.gilsim.metrics.LatencySummary;
import dev.gilsim.metrics.RunSummary;
import dev.gilsim.run.RunResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of a run's named figures: every figure of every kind of subject, once, in the
 * order of {@code summary.json}. {@code summary.json} writes its figures from here (adding the
 * subjects' names and the run's parameters), and a sweep's, {@code --fail-if}'s metrics are the
 * names {@link #of} gives: {@code core_utilisation}, {@code processes.app.switches},
 * {@code threads.app/sleeper.return_delay.p99_ms}, {@code endpoints.api/ping.latency.p99_ms},
 * {@code executors.api-0/pool.queue_length_max}, {@code loop_lag.api-0.p99_ms}.
 */
public final class RunFigures {
    public static final Scope<RunSummary> RUN = new Scope<>("", r -> List.of(r.summary()), s -> "", List.of(
            Figure.number("events", COUNT, "events the simulator handled", RunSummary::events),
            Figure.number("core_utilisation", FRACTION, "share of the cores' time spent running threads",
                    RunSummary::coreUtilisation)));

    public static final Scope<ProcessSummary> PROCESSES = new Scope<>("processes", ProcessFigures::of,
            ProcessSummary::process, ProcessFigures.ALL);

    public static final Scope<ThreadSummary> THREADS = new Scope<>("threads", ThreadFigures::of, ThreadSummary::name,
            ThreadFigures.ALL);

    /** L4: the heartbeat's lateness; its statistics are the loop's own figures. */
    public static final Scope<AppSummary.Loop> LOOP_LAG = new Scope<>("loop_lag", r -> r.summary().app().loops(),
            AppSummary.Loop::process, LatencyFigures.of("the loop's lag", AppSummary.Loop::lag));

    public static final Scope<AppSummary.Loop> SLOW_CALLBACKS = new Scope<>("slow_callbacks",
            r -> r.summary().app().loops(), AppSummary.Loop::process, List.of(
                    Figure.number("count", COUNT, "callbacks slower than the slow-callback threshold",
                            AppSummary.Loop::slowCallbacks),
                    Figure.distribution("duration", "how long the slow callbacks ran",
                            AppSummary.Loop::slowCallbackDuration)));

    /** L5: latency from intended arrival, and what happened to the requests offered. */
    public static final Scope<AppSummary.Endpoint> ENDPOINTS = new Scope<>("endpoints",
            r -> r.summary().app().endpoints(),
            AppSummary.Endpoint::key, List.of(
                    Figure.distribution("latency", "from intended arrival to response, answered or not by the end",
                            AppSummary.Endpoint::latency),
                    Figure.number("throughput_per_s", PER_SECOND, "requests answered per second",
                            AppSummary.Endpoint::throughputPerSecond),
                    Figure.number("arrived", COUNT, "requests offered in the window", AppSummary.Endpoint::arrived),
                    Figure.number("completed", COUNT, "requests answered in the window",
                            AppSummary.Endpoint::completed),
                    Figure.number("rejected", COUNT, "requests answered 503 in the window",
                            AppSummary.Endpoint::rejected),
                    Figure.number("unfinished", COUNT, "requests with no response when the run ended",
                            AppSummary.Endpoint::unfinished),
                    Figure.number("censored", COUNT,
                            "of the latency's count: requests offered in the window and unanswered at its end",
                            AppSummary.Endpoint::censored)));

    /** E1 to E3: one declared pool of one process. */
    public static final Scope<AppSummary.Executor> EXECUTORS = new Scope<>("executors",
            r -> r.summary().app().executors(),
            x -> x.process() + "/" + x.executor(), List.of(
                    Figure.number("queue_length_mean", MEAN, "tasks waiting for a worker, averaged over the window",
                            AppSummary.Executor::queueLengthMean),
                    Figure.number("queue_length_max", COUNT, "most tasks waiting at once",
                            AppSummary.Executor::queueLengthMax),
                    Figure.number("tasks_submitted", COUNT, "tasks submitted in the window",
                            AppSummary.Executor::submitted),
                    Figure.number("tasks_completed", COUNT, "tasks completed in the window",
                            AppSummary.Executor::completed),
                    Figure.number("tasks_in_flight", COUNT, "tasks not completed when the run ended",
                            AppSummary.Executor::inFlight),
                    Figure.number("workers_started", COUNT, "workers the pool started",
                            AppSummary.Executor::workersStarted),
                    Figure.distribution("queue_wait", "from submit to a worker taking the task",
                            AppSummary.Executor::queueWait)));

    /** E5: from a job's submit to the poll that saw it done. */
    public static final Scope<AppSummary.Jobs> JOBS = new Scope<>("jobs", r -> r.summary().app().jobs(),
            AppSummary.Jobs::server, List.of(
                    Figure.distribution("time_to_result", "from a job's submit to the poll that saw it done",
                            AppSummary.Jobs::timeToResult)));

    /** Every scope, in summary.json's order; the servers' scopes are empty for a run without servers. */
    public static final List<Scope<?>> ALL = List.of(RUN, PROCESSES, THREADS, LOOP_LAG, SLOW_CALLBACKS, ENDPOINTS,
            EXECUTORS, JOBS);

    private RunFigures() {
    }

    /**
     * Every figure of one run (one variant) under its dotted name, a distribution as its
     * statistics ({@code .p99_ms}), at summary.json's precision. A name given twice (two subjects
     * of one name) keeps its first place and its last value, as a JSON reader would.
     */
    public static Map<String, Double> of(RunResult run) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Scope<?> scope : ALL) {
            add(scope, run, out);
        }
        return out;
    }

    private static <T> void add(Scope<T> scope, RunResult run, Map<String, Double> out) {
        for (T s : scope.subjects().apply(run)) {
            String prefix = scope.prefix(s);
            for (Figure<T> f : scope.figures()) {
                if (f.isDistribution()) {
                    LatencySummary l = f.latency(s);
                    for (Figure<LatencySummary> stat : LatencyFigures.STATS) {
                        out.put(prefix + f.name() + "." + stat.name(), value(stat, l));
                    }
                } else {
                    out.put(prefix + f.name(), value(f, s));
                }
            }
        }
    }

    private static <T> double value(Figure<T> f, T subject) {
        return f.unit() == COUNT ? f.count(subject) : Figure.round(f.value(subject)).doubleValue();
    }
}
