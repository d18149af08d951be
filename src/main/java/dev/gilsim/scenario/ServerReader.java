package dev.gilsim.scenario;

import dev.gilsim.asyncio.AsyncStep;
import dev.gilsim.asyncio.ExecutorLookup;
import dev.gilsim.asyncio.LoopCosts;
import dev.gilsim.asyncio.LoopSpec;
import dev.gilsim.executor.ExecutorSpec;
import dev.gilsim.executor.PoolDefaults;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.interpreter.PythonVersion;
import dev.gilsim.kernel.Distribution;
import dev.gilsim.server.ArrivalSpec;
import dev.gilsim.server.BackgroundThreadSpec;
import dev.gilsim.server.Dispatch;
import dev.gilsim.server.EndpointKind;
import dev.gilsim.server.EndpointSpec;
import dev.gilsim.server.HttpOverhead;
import dev.gilsim.server.JobQueueSpec;
import dev.gilsim.server.LimitSpec;
import dev.gilsim.server.ServerSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code servers:} section (model.md sections 5 and 6): each item a FastAPI/uvicorn server with
 * its workers, arrivals, endpoints, loop, executors, limits, job queue and background threads.
 * Fields an item leaves out come from defaults.yaml's {@code server:} and {@code executors:}
 * tables, merged in before {@code --set} and variants, so those can change any of them.
 */
final class ServerReader {
    static final String SERVER_EXPECTED = "a mapping with name, endpoints and arrivals";
    private static final List<String> ARRIVAL_KINDS = List.of("rate", "interval", "burst", "clients");
    private static final int MAX_SERVERS = 100;
    private static final int MAX_WORKERS = 256;
    private static final int MAX_ENDPOINTS = 1000;
    private static final int MAX_CLIENTS = 100_000;
    private static final int MAX_BURST = 1_000_000;
    private static final double MAX_RATE = 10_000_000;
    private static final long MIN_HEARTBEAT = 100_000;

    private final Defaults defaults;
    private final StepReader steps;
    private final ExecutorReader executorReader;
    private final PythonVersion version;
    private final PoolDefaults poolDefaults;
    private final Function<Node, GilSettings> python;

    /** @param python binds a server's {@code python:} mapping, merged over the scenario's */
    /**
     * @param threadsSoFar threads the scenario's plain processes already create
     * @param maxThreads the thread budget of the whole scenario
     */
    private long threadsSoFar;
    private final int maxThreads;

    ServerReader(Defaults defaults, PythonVersion version, PoolDefaults poolDefaults, Function<Node, GilSettings> python,
            int threadsSoFar, int maxThreads) {
        this.threadsSoFar = threadsSoFar;
        this.maxThreads = maxThreads;
        this.defaults = defaults;
        this.steps = new StepReader(defaults.syscall());
        this.executorReader = new ExecutorReader(defaults, version);
        this.version = version;
        this.poolDefaults = poolDefaults;
        this.python = python;
    }

    List<ServerSetup> servers(ListNode list, Set<String> processNames) {
        if (list.size() > MAX_SERVERS) {
            throw InputException.at(list, "too many servers (" + list.size() + ")", "at most " + MAX_SERVERS);
        }
        ListNode merged = (ListNode) ServerDefaults.withDefaults(defaults, list);
        List<ServerSetup> out = new ArrayList<>();
        Set<String> names = new HashSet<>(processNames);
        for (Node item : merged.items()) {
            MapReader s = MapReader.of(item, SERVER_EXPECTED);
            String name = ScenarioLoader.name(s, "name");
            if (!names.add(name)) {
                throw s.error("name", "duplicate name '" + name + "' (servers and processes share one namespace)",
                        "a unique name");
            }
            // A server's processes are named <server>-0, <server>-1, <server>-jobs-0...: a plain
            // process of such a name would be a second interpreter of the same name.
            for (String process : processNames) {
                if (process.startsWith(name + "-")) {
                    throw s.error("name", "server '" + name + "' names its processes " + name + "-0, " + name
                            + "-1, ..., which clashes with the process '" + process + "'", "another name");
                }
            }
            out.add(server(s, name));
        }
        return out;
    }

    private ServerSetup server(MapReader s, String name) {
        GilSettings gil = python.apply(s.opt("python").orElse(null));
        int workers = s.integerReq("workers", 1, MAX_WORKERS);
        Dispatch dispatch = s.choiceReq("dispatch", Dispatch.class);
        ListNode endpointList = s.list("endpoints");
        List<EndpointSpec> endpoints = endpoints(endpointList);
        Set<String> endpointNames = new HashSet<>();
        endpoints.forEach(e -> endpointNames.add(e.name()));
        List<ArrivalSpec> arrivals = s.optList("arrivals").map(l -> arrivals(l, endpointNames)).orElse(List.of());
        HttpOverhead http = http(s.map("http"));
        LimitSpec limit = s.opt("limit").map(this::limit).orElse(null);
        LoopSpec loop = loop(s.map("loop"));
        List<ExecutorSpec> executors = s.optList("executors").map(executorReader::executors).orElse(List.of());
        Set<String> executorNames = new HashSet<>(Set.of(ExecutorLookup.DEFAULT, ServerSpec.ANYIO));
        executors.forEach(x -> executorNames.add(x.name()));
        checkExecutors(endpointList, endpoints, executorNames);
        JobQueueSpec jobs = jobs(s.map("jobs"), endpointNames);
        List<BackgroundThreadSpec> threads = s.optList("threads").map(this::threads).orElse(List.of());
        s.finish();
        budget(s, workers, threads.size(), executors, jobs);
        try {
            return new ServerSetup(new ServerSpec(name, workers, dispatch, arrivals, endpoints, http, limit, loop,
                    executors, jobs, threads), gil);
        } catch (IllegalArgumentException e) {
            throw InputException.at(s.node(), e.getMessage());
        }
    }

    /**
     * Issue 12: a scenario may create at most the budget's threads, counted before anything runs:
     * per worker its loop, its background threads and every pool at its capacity (the implicit
     * {@code default} and {@code anyio} pools among them), plus the job
     * workers. Thousands of threads times 256 workers would otherwise end in OutOfMemoryError.
     */
    private void budget(MapReader s, int workers, int background, List<ExecutorSpec> executors, JobQueueSpec jobs) {
        long perWorker = 1 + background;
        for (ExecutorSpec x : executors) {
            perWorker += capacity(x);
        }
        long total = threadsSoFar + workers * perWorker + (jobs == null ? 0 : jobs.workers());
        if (total > maxThreads) {
            String key = workers > 1 ? "workers" : background > 0 ? "threads" : "executors";
            throw s.error(key, String.format(Locale.ROOT,
                    "up to %,d threads in all (%,d per worker x %d workers, and the rest), more than the budget of %,d",
                    total, perWorker, workers, maxThreads), "fewer threads, or a bigger budget with --max-threads");
        }
        threadsSoFar = total;
    }

    private long capacity(ExecutorSpec x) {
        if (x instanceof ExecutorSpec.ThreadPool t) {
            return t.maxWorkers() != null ? t.maxWorkers() : poolDefaults.threadPoolMaxWorkers();
        }
        if (x instanceof ExecutorSpec.AnyioLimiter a) {
            return a.tokens();
        }
        if (x instanceof ExecutorSpec.ProcessPool p) {
            // Each worker process runs one thread for its work and one that feeds it results.
            return 2L * (p.maxWorkers() != null ? p.maxWorkers() : poolDefaults.processPoolMaxWorkers());
        }
        return 0;
    }

    private List<EndpointSpec> endpoints(ListNode list) {
        if (list.size() == 0) {
            throw InputException.at(list, "no endpoints", "at least one endpoint with name, kind and steps");
        }
        if (list.size() > MAX_ENDPOINTS) {
            throw InputException.at(list, "too many endpoints (" + list.size() + ")", "at most " + MAX_ENDPOINTS);
        }
        List<EndpointSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node item : list.items()) {
            MapReader e = MapReader.of(item, "a mapping with name, kind and steps");
            String name = ScenarioLoader.name(e, "name");
            if (!names.add(name)) {
                throw e.error("name", "duplicate endpoint name '" + name + "'", "a unique name");
            }
            EndpointKind kind = kind(e.req("kind", "async or def"));
            List<ProgramStep> handler = steps.steps(e.req("steps", "a list of steps"),
                    kind == EndpointKind.ASYNC ? StepReader.Code.COROUTINE : StepReader.Code.FUNCTION,
                    "a def endpoint (it runs in a worker thread)");
            double weight = Nodes.number(e.opt("weight").orElse(defaults.item("endpoint", "weight")), 0, 1e9);
            LimitSpec limit = e.opt("limit").map(this::limit).orElse(null);
            e.finish();
            out.add(new EndpointSpec(name, kind, handler, limit, weight));
        }
        return out;
    }

    private static EndpointKind kind(Node n) {
        String t = Nodes.scalar(n, "async or def").text().strip();
        return switch (t) {
            case "async" -> EndpointKind.ASYNC;
            case "def" -> EndpointKind.SYNC;
            default -> throw InputException.at(n, InputException.quote(t) + " is not an endpoint kind",
                    "async (async def, runs on the loop) or def (runs in anyio's thread pool)");
        };
    }

    /** Run-in-executor steps must name an executor the server has; located at the step. */
    private static void checkExecutors(ListNode endpointList, List<EndpointSpec> endpoints, Set<String> known) {
        for (int i = 0; i < endpoints.size(); i++) {
            MapNode item = (MapNode) endpointList.items().get(i);
            checkExecutors(endpoints.get(i).steps(), (ListNode) item.get("steps").orElseThrow(), known);
        }
    }

    private static void checkExecutors(List<ProgramStep> steps, ListNode stepNodes, Set<String> known) {
        for (int k = 0; k < steps.size(); k++) {
            MapNode node = (MapNode) stepNodes.items().get(k);
            if (steps.get(k) instanceof ProgramStep.Repeat r) {
                checkExecutors(r.steps(), (ListNode) ((MapNode) node.get("repeat").orElseThrow()).get("steps")
                        .orElseThrow(), known);
            } else if (steps.get(k) instanceof AsyncStep.RunInExecutor r && !known.contains(r.executor())) {
                Node at = ((MapNode) node.get("run_in_executor").orElseThrow()).get("executor").orElseThrow();
                throw InputException.at(at, "unknown executor " + InputException.quote(r.executor()),
                        "one of " + String.join(", ", known.stream().sorted().toList())
                                + " (declare it under the server's executors)");
            }
        }
    }

    private List<ArrivalSpec> arrivals(ListNode list, Set<String> endpoints) {
        List<ArrivalSpec> out = new ArrayList<>();
        for (Node item : list.items()) {
            MapReader a = MapReader.of(item, "a mapping with one of rate, interval, burst or clients");
            List<String> present = ARRIVAL_KINDS.stream().filter(a::has).toList();
            if (present.size() != 1) {
                throw InputException.at(item, present.isEmpty() ? "no arrival kind" : "more than one arrival kind "
                        + present, "exactly one of rate: 100/s (Poisson), interval: 200ms (fixed), burst: 10 "
                        + "(at once, at `at`), clients: 4 (closed loop, with think)");
            }
            String endpoint = a.opt("endpoint").map(n -> {
                String e = Nodes.string(n);
                if (!endpoints.contains(e)) {
                    throw InputException.at(n, "unknown endpoint " + InputException.quote(e),
                            "one of " + String.join(", ", endpoints.stream().sorted().toList()));
                }
                return e;
            }).orElse(null);
            ArrivalSpec spec = switch (present.get(0)) {
                case "rate" -> {
                    double rate = a.rateReq("rate");
                    if (!(rate > 0) || rate > MAX_RATE) {
                        throw a.error("rate", "must be above 0 and at most 10000000/s", null);
                    }
                    yield new ArrivalSpec.Poisson(rate, arrivalTime(a, "start"), endpoint);
                }
                case "interval" -> new ArrivalSpec.FixedInterval(a.positiveDurationReq("interval"),
                        arrivalTime(a, "start"), endpoint);
                case "burst" -> new ArrivalSpec.Burst(a.integerReq("burst", 1, MAX_BURST), arrivalTime(a, "at"),
                        endpoint);
                default -> new ArrivalSpec.ClosedLoop(a.integerReq("clients", 1, MAX_CLIENTS),
                        DistributionReader.read(a.req("think", DistributionReader.EXPECTED)), arrivalTime(a, "start"),
                        endpoint);
            };
            a.finish();
            out.add(spec);
        }
        return out;
    }

    /** An arrival's {@code start} or a burst's {@code at}, read only for the kinds that have it. */
    private long arrivalTime(MapReader a, String key) {
        return Nodes.duration(a.opt(key).orElse(defaults.item("arrival", key)));
    }

    private static HttpOverhead http(MapReader h) {
        HttpOverhead out = new HttpOverhead(DistributionReader.read(h.req("recv")),
                DistributionReader.read(h.req("parse")), DistributionReader.read(h.req("respond")),
                DistributionReader.read(h.req("send")), DistributionReader.read(h.req("client")));
        h.finish();
        return out;
    }

    /** {@code {concurrency: 4, queue: 0}}: at most 4 inside, none waiting (503); the queue from items.limit. */
    private LimitSpec limit(Node n) {
        MapReader l = MapReader.of(n, "a mapping such as {concurrency: 4, queue: 0}");
        int concurrency = l.integerReq("concurrency", 1, 1_000_000);
        Node q = l.opt("queue").orElse(defaults.item("limit", "queue"));
        int queue = q instanceof ScalarNode s && !s.quoted() && "unbounded".equals(s.text())
                ? LimitSpec.UNBOUNDED_QUEUE : Nodes.integer(q, 0, 1_000_000_000);
        l.finish();
        return new LimitSpec(concurrency, queue);
    }

    private static LoopSpec loop(MapReader l) {
        Node hb = l.req("heartbeat", "a period such as 10ms, or off");
        Long heartbeat = hb instanceof ScalarNode s && !s.quoted() && "off".equals(s.text()) ? null
                : Nodes.positiveDuration(hb);
        if (heartbeat != null && heartbeat < MIN_HEARTBEAT) {
            throw InputException.at(hb, "is shorter than 100us", "a period of at least 100us, or off");
        }
        long slow = l.positiveDurationReq("slow_callback");
        long resolution = l.durationReq("selector_resolution");
        LoopCosts costs = new LoopCosts(DistributionReader.read(l.req("select")),
                DistributionReader.read(l.req("handle")), DistributionReader.read(l.req("self_pipe_write")),
                DistributionReader.read(l.req("self_pipe_read")), DistributionReader.read(l.req("timer_wakeup")),
                DistributionReader.read(l.req("before_sleep")), DistributionReader.read(l.req("after_timer")));
        l.finish();
        return new LoopSpec(heartbeat, slow, resolution, costs);
    }

    private JobQueueSpec jobs(MapReader j, Set<String> endpoints) {
        if (!j.has("submit") && !j.has("status") && !j.has("steps")) {
            // Every server inherits the defaults' workers and poll_every; written by the user
            // without the rest, they would be silently ignored.
            for (String key : List.of("workers", "poll_every")) {
                var where = j.node().keyLocation(key);
                if (where != null && !where.fromDefaults()) {
                    throw j.error(key, "a job queue needs submit, status and steps too",
                            "jobs: {submit: <endpoint>, status: <endpoint>, steps: [...]}");
                }
            }
            j.declare("workers", "poll_every");
            j.finish();
            return null;
        }
        String submit = endpointRef(j, "submit", endpoints);
        String status = endpointRef(j, "status", endpoints);
        if (submit.equals(status)) {
            throw j.error("status", "is the submit endpoint too", "a different endpoint that reports the job");
        }
        int workers = j.integerReq("workers", 1, MAX_WORKERS);
        List<ProgramStep> job = steps.steps(j.req("steps", "a list of steps"), StepReader.Code.FUNCTION,
                "a job (a plain function)");
        Distribution poll = DistributionReader.read(j.req("poll_every", DistributionReader.EXPECTED));
        j.finish();
        return new JobQueueSpec(submit, status, workers, job, poll);
    }

    private static String endpointRef(MapReader j, String key, Set<String> endpoints) {
        String e = j.stringReq(key);
        if (!endpoints.contains(e)) {
            throw j.error(key, "unknown endpoint " + InputException.quote(e),
                    "one of " + String.join(", ", endpoints.stream().sorted().toList()));
        }
        return e;
    }

    private List<BackgroundThreadSpec> threads(ListNode list) {
        List<BackgroundThreadSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> declared = new HashSet<>();
        for (Node t : list.items()) {
            MapReader tr = MapReader.of(t, "a mapping with name and steps");
            String name = ScenarioLoader.name(tr, "name");
            if (!declared.add(name)) {
                throw tr.error("name", "duplicate thread name '" + name + "'", "a unique name");
            }
            int count = Nodes.integer(tr.opt("count").orElse(defaults.item("thread", "count")), 0, 10_000);
            var program = steps.program(tr);
            tr.finish();
            for (int k = 1; k <= count; k++) {
                String n = count == 1 ? name : name + "-" + k;
                if (n.equals("loop") || !names.add(n)) {
                    throw tr.error("name", "duplicate thread name '" + n + "' (the loop thread is 'loop')",
                            "a unique name");
                }
                out.add(new BackgroundThreadSpec(n, program));
            }
        }
        return out;
    }
}
