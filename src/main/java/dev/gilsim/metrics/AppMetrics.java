package dev.gilsim.metrics;

import dev.gilsim.server.AppObserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listens to servers, loops and executors and keeps model.md section 7's figures for them, inside
 * the measurement window like {@link GilMetrics}: loop lag per process (L4) with its samples over
 * time, slow callbacks, request latency per endpoint from intended arrival (L5), throughput,
 * rejections, executor queue lengths weighted by time, and jobs' time to result. Counts of what is
 * still unfinished at the end cover the whole run, since a request that arrived during the warm-up
 * and never finished is still unfinished. Everything is listed in registration order, then in
 * order of first appearance: never hash order.
 */
public final class AppMetrics implements AppObserver {
    private final Window window;
    /** Kept per trace: enough to see every request of a busy 200 ms window, bounded for a long one. */
    static final int MAX_SPANS = 20_000;
    private Window spanWindow;
    private long answeredArrival;
    private final List<Timeline.RequestSpan> spans = new ArrayList<>();
    private final Map<String, LoopStats> loops = new LinkedHashMap<>();
    private final Map<String, EndpointStats> endpoints = new LinkedHashMap<>();
    /** Endpoints by the identity of the strings that named them; see {@link #endpoint}. */
    private static final int IDENTITY_CACHE = 32;
    private final String[] seenServers = new String[IDENTITY_CACHE];
    private final String[] seenEndpoints = new String[IDENTITY_CACHE];
    private final EndpointStats[] seenStats = new EndpointStats[IDENTITY_CACHE];
    private int seen;
    /** The pool {@link #pool} found last, and the strings that named it. */
    private String lastPoolProcess;
    private String lastPoolExecutor;
    private PoolStats lastPool;
    private final Map<String, PoolStats> pools = new LinkedHashMap<>();
    private final Map<String, LatencyRecorder> jobs = new LinkedHashMap<>();
    private final Map<String, ServerSeries> servers = new LinkedHashMap<>();
    /** The width of a throughput bucket: about a fiftieth of the window, a 1-2-5 step of milliseconds. */
    private final long bucketNanos;
    private boolean finished;

    public AppMetrics(Window window) {
        this.window = window;
        this.bucketNanos = bucket(window.end() - window.start());
    }

    /** A fiftieth of {@code length}, rounded down to 1, 2 or 5 times a power of ten milliseconds. */
    static long bucket(long length) {
        long target = Math.max(1_000_000L, length / 50);
        long best = 1_000_000L;
        for (long decade = 1_000_000L; decade <= target; decade *= 10) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * decade <= target) {
                    best = m * decade;
                }
            }
        }
        return best;
    }

    /** Looked up, then added: a {@code computeIfAbsent} with a capturing lambda was an object per request. */
    private ServerSeries server(String server) {
        ServerSeries s = servers.get(server);
        if (s == null) {
            s = new ServerSeries(window.start());
            servers.put(server, s);
        }
        return s;
    }

    public Window window() {
        return window;
    }

    /** Lists a loop before it runs, so a loop that never reports still appears. */
    public void registerLoop(String process) {
        loop(process);
    }

    public void registerEndpoint(String server, String endpoint) {
        endpoint(server, endpoint);
    }

    public void registerJobs(String server) {
        jobs.computeIfAbsent(server, s -> new LatencyRecorder());
    }

    private LoopStats loop(String process) {
        return loops.computeIfAbsent(process, p -> new LoopStats());
    }

    /**
     * The endpoint's figures. Servers name their endpoints with the same two strings at every
     * request, so a lookup by those objects' identity comes first: building {@code "server/endpoint"}
     * and hashing it, at every arrival and answer, was 8 % of a server run at 1000 requests/s.
     * Equal names in other objects still reach the same figures through the map by name.
     */
    private EndpointStats endpoint(String server, String endpoint) {
        for (int i = 0; i < seen; i++) {
            if (seenServers[i] == server && seenEndpoints[i] == endpoint) {
                return seenStats[i];
            }
        }
        EndpointStats e = endpoints.computeIfAbsent(server + "/" + endpoint, k -> new EndpointStats(server, endpoint));
        if (seen < IDENTITY_CACHE) {
            seenServers[seen] = server;
            seenEndpoints[seen] = endpoint;
            seenStats[seen++] = e;
        }
        return e;
    }

    /**
     * Per-request pools ({@code pool@3}) are counted together under their declared name. The last
     * pool found is kept by the identity of its two name strings: this runs at every task and
     * every change of a queue's length, and building and hashing {@code "process/pool"} there was
     * a string per call.
     */
    private PoolStats pool(String process, String executor) {
        if (process == lastPoolProcess && executor == lastPoolExecutor) {
            return lastPool;
        }
        int at = executor.indexOf('@');
        String base = at < 0 ? executor : executor.substring(0, at);
        PoolStats p = pools.computeIfAbsent(process + "/" + base, k -> new PoolStats(process, base));
        lastPoolProcess = process;
        lastPoolExecutor = executor;
        lastPool = p;
        return p;
    }

    @Override
    public void loopLag(String process, long lag, long now) {
        if (lag < 0) {
            throw new IllegalStateException("negative loop lag " + lag + " in " + process);
        }
        if (window.contains(now)) {
            LoopStats l = loop(process);
            l.lag.record(lag);
            l.series.add(now, lag);
        }
    }

    @Override
    public void slowCallback(String process, long duration, long now) {
        if (window.contains(now)) {
            loop(process).slowCallbacks.record(duration);
        }
    }

    @Override
    public void requestArrived(String server, String endpoint, long now) {
        EndpointStats e = endpoint(server, endpoint);
        e.arrivedTotal++;
        e.open.arrived(now);
        if (window.contains(now)) {
            e.arrived++;
        }
        ServerSeries s = server(server);
        s.inFlight++;
        s.sampleInFlight(now, window);
    }

    @Override
    public void requestAnswered(String server, String endpoint, long arrivedAt) {
        endpoint(server, endpoint).closed(arrivedAt);
        answeredArrival = arrivedAt;
    }

    /** The requests overlapping {@code w} are kept as spans, for trace.json (at most {@link #MAX_SPANS}). */
    public void recordSpans(Window w) {
        spanWindow = w;
    }

    public List<Timeline.RequestSpan> spans() {
        return List.copyOf(spans);
    }

    private void span(String server, String endpoint, int worker, long arrived, long answered, String outcome) {
        if (spanWindow != null && spans.size() < MAX_SPANS && arrived < spanWindow.end()
                && (answered < 0 || answered > spanWindow.start())) {
            spans.add(new Timeline.RequestSpan(server + "-" + worker, server + "/" + endpoint, arrived, answered,
                    outcome));
        }
    }

    @Override
    public void requestCompleted(String server, String endpoint, int worker, long latency, long now) {
        EndpointStats e = endpoint(server, endpoint);
        e.finishedTotal++;
        span(server, endpoint, worker, answeredArrival, now, "completed");
        if (window.contains(now)) {
            e.completed++;
            e.latency.record(latency);
        }
        ServerSeries s = server(server);
        s.inFlight--;
        s.sampleInFlight(now, window);
        s.completed(now, window, bucketNanos);
    }

    @Override
    public void requestRejected(String server, String endpoint, int worker, long latency, long now) {
        EndpointStats e = endpoint(server, endpoint);
        e.finishedTotal++;
        span(server, endpoint, worker, answeredArrival, now, "rejected");
        if (window.contains(now)) {
            e.rejected++;
        }
        ServerSeries s = server(server);
        s.inFlight--;
        s.sampleInFlight(now, window);
    }

    @Override
    public void jobResult(String server, long timeToResult, long now) {
        LatencyRecorder r = jobs.computeIfAbsent(server, s -> new LatencyRecorder());
        if (window.contains(now)) {
            r.record(timeToResult);
        }
    }

    @Override
    public void executorQueueLength(String process, String executor, int length, long now) {
        pool(process, executor).queueLength(executor, length, now, window);
    }

    @Override
    public void taskSubmitted(String process, String executor, long now) {
        PoolStats p = pool(process, executor);
        p.submittedTotal++;
        if (window.contains(now)) {
            p.submitted++;
        }
    }

    @Override
    public void taskCompleted(String process, String executor, long queued, long now) {
        PoolStats p = pool(process, executor);
        p.completedTotal++;
        if (window.contains(now)) {
            p.completed++;
            p.queueWait.record(queued);
        }
    }

    @Override
    public void workerStarted(String process, String executor, String worker, long now) {
        PoolStats p = pool(process, executor);
        if (window.contains(now)) {
            p.workersStarted++;
        }
    }

    /** Closes the time-weighted queue lengths at the end of the window. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        for (PoolStats p : pools.values()) {
            p.close(window);
        }
        for (ServerSeries s : servers.values()) {
            s.flushBuckets(window.end(), window, bucketNanos);
        }
        // A request offered in the window and unanswered at its end has waited at least until then:
        // its latency is censored there, not dropped, or an overloaded endpoint would report only
        // the survivors (as wrk2 would not).
        for (EndpointStats e : endpoints.values()) {
            // The serving worker is not known here; the first one's track shows them.
            e.open.forEach(arrived -> span(e.server, e.endpoint, 0, arrived, -1, "unfinished"));
            e.open.forEach(arrived -> {
                if (arrived >= window.start() && arrived < window.end()) {
                    e.latency.record(window.end() - arrived);
                    e.censored++;
                }
            });
        }
    }

    public boolean isEmpty() {
        return loops.isEmpty() && endpoints.isEmpty() && pools.isEmpty() && jobs.isEmpty();
    }

    /** Loop lag per process, then latency per endpoint, each named for charts and files. */
    public List<NamedLatency> latencies() {
        List<NamedLatency> out = new ArrayList<>();
        loops.forEach((process, l) -> out.add(new NamedLatency("loop_lag", process, l.lag)));
        endpoints.forEach((key, e) -> out.add(new NamedLatency("latency", key, e.latency)));
        jobs.forEach((server, r) -> out.add(new NamedLatency("time_to_result", server, r)));
        return out;
    }

    /**
     * Over time: loop lag per process; requests in flight and completed per second per server;
     * each executor's queue length, for the pools that ever queued.
     */
    public List<NamedSeries> series() {
        List<NamedSeries> out = new ArrayList<>();
        loops.forEach((process, l) -> out.add(new NamedSeries("loop_lag", process, l.series)));
        servers.forEach((server, s) -> out.add(new NamedSeries("in_flight", server, s.inFlightSeries)));
        servers.forEach((server, s) -> out.add(new NamedSeries("completed_per_s", server, s.completedPerSecond)));
        pools.forEach((key, p) -> {
            if (p.max > 0) {
                out.add(new NamedSeries("queue_length", key, p.lengthSeries));
            }
        });
        return out;
    }

    public AppSummary summary() {
        if (!finished) {
            throw new IllegalStateException("summary before finish()");
        }
        double seconds = window.length() / 1e9;
        List<AppSummary.Loop> l = new ArrayList<>();
        loops.forEach((process, s) -> l.add(new AppSummary.Loop(process, s.lag.summary(), s.slowCallbacks.count(),
                s.slowCallbacks.summary())));
        List<AppSummary.Endpoint> e = new ArrayList<>();
        for (EndpointStats s : endpoints.values()) {
            e.add(new AppSummary.Endpoint(s.server, s.endpoint, s.latency.summary(), s.completed / seconds,
                    s.arrived, s.completed, s.rejected, s.arrivedTotal - s.finishedTotal, s.censored));
        }
        List<AppSummary.Executor> x = new ArrayList<>();
        for (PoolStats s : pools.values()) {
            x.add(new AppSummary.Executor(s.process, s.executor, s.area / (double) window.length(), s.max,
                    s.submitted, s.completed, s.submittedTotal - s.completedTotal, s.workersStarted,
                    s.queueWait.summary()));
        }
        List<AppSummary.Jobs> j = new ArrayList<>();
        jobs.forEach((server, r) -> j.add(new AppSummary.Jobs(server, r.summary())));
        return new AppSummary(l, e, x, j);
    }

    private static final class LoopStats {
        final LatencyRecorder lag = new LatencyRecorder();
        final TimeSeries series = new TimeSeries(TimeSeries.Unit.NANOSECONDS);
        final LatencyRecorder slowCallbacks = new LatencyRecorder();
    }
}
