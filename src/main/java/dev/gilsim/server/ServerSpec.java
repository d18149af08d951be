package dev.gilsim.server;

import dev.gilsim.asyncio.AsyncStep;
import dev.gilsim.asyncio.ExecutorLookup;
import dev.gilsim.asyncio.LoopSpec;
import dev.gilsim.executor.ExecutorSpec;
import dev.gilsim.interpreter.ProgramStep;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A server (E4): {@code workers} identical processes, each an interpreter with its own GIL and an
 * event loop, fed by the arrivals through the dispatch policy.
 *
 * @param limit E5 for the whole process (uvicorn's {@code --limit-concurrency}), or null
 * @param executors pools each process has, {@code default} (for {@code to_thread}) and
 *     {@code anyio} (for {@code def} endpoints) among them: every FastAPI process has both, and the
 *     scenario adds them with defaults.yaml's settings when a server does not declare them
 * @param jobs the job-queue-and-polling pattern, or null
 * @param backgroundThreads plain threads started in every worker process
 */
public record ServerSpec(
        String name,
        int workers,
        Dispatch dispatch,
        List<ArrivalSpec> arrivals,
        List<EndpointSpec> endpoints,
        HttpOverhead http,
        LimitSpec limit,
        LoopSpec loop,
        List<ExecutorSpec> executors,
        JobQueueSpec jobs,
        List<BackgroundThreadSpec> backgroundThreads) {

    /** The pool {@code def} endpoints run in (E2). */
    public static final String ANYIO = "anyio";

    public ServerSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a server needs a name");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("server " + name + " needs at least one worker");
        }
        Objects.requireNonNull(dispatch, "dispatch");
        arrivals = List.copyOf(arrivals);
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(loop, "loop");
        executors = List.copyOf(executors);
        backgroundThreads = List.copyOf(backgroundThreads);
        validate(name, arrivals, endpoints, executors, jobs, backgroundThreads);
    }

    public ServerSpec withWorkers(int n, Dispatch d) {
        return new ServerSpec(name, n, d, arrivals, endpoints, http, limit, loop, executors, jobs, backgroundThreads);
    }

    public ServerSpec withArrivals(List<ArrivalSpec> a) {
        return new ServerSpec(name, workers, dispatch, a, endpoints, http, limit, loop, executors, jobs,
                backgroundThreads);
    }

    public ServerSpec withHttp(HttpOverhead h) {
        return new ServerSpec(name, workers, dispatch, arrivals, endpoints, h, limit, loop, executors, jobs,
                backgroundThreads);
    }

    public ServerSpec withLimit(LimitSpec l) {
        return new ServerSpec(name, workers, dispatch, arrivals, endpoints, http, l, loop, executors, jobs,
                backgroundThreads);
    }

    public ServerSpec withLoop(LoopSpec l) {
        return new ServerSpec(name, workers, dispatch, arrivals, endpoints, http, limit, l, executors, jobs,
                backgroundThreads);
    }

    public ServerSpec withExecutors(List<ExecutorSpec> e) {
        return new ServerSpec(name, workers, dispatch, arrivals, endpoints, http, limit, loop, e, jobs,
                backgroundThreads);
    }

    public ServerSpec withJobs(JobQueueSpec j) {
        return new ServerSpec(name, workers, dispatch, arrivals, endpoints, http, limit, loop, executors, j,
                backgroundThreads);
    }

    public ServerSpec withBackgroundThreads(List<BackgroundThreadSpec> b) {
        return new ServerSpec(name, workers, dispatch, arrivals, endpoints, http, limit, loop, executors, jobs, b);
    }

    public EndpointSpec endpoint(String endpointName) {
        for (EndpointSpec e : endpoints) {
            if (e.name().equals(endpointName)) {
                return e;
            }
        }
        throw new IllegalArgumentException("server " + name + " has no endpoint " + endpointName);
    }

    private static void validate(String name, List<ArrivalSpec> arrivals, List<EndpointSpec> endpoints,
            List<ExecutorSpec> executors, JobQueueSpec jobs, List<BackgroundThreadSpec> threads) {
        Set<String> endpointNames = new HashSet<>();
        double weight = 0;
        for (EndpointSpec e : endpoints) {
            if (!endpointNames.add(e.name())) {
                throw new IllegalArgumentException("server " + name + ": duplicate endpoint " + e.name());
            }
            weight += e.weight();
        }
        boolean drawsByWeight = false;
        for (ArrivalSpec a : arrivals) {
            if (a.endpoint() == null) {
                drawsByWeight = true;
            } else if (!endpointNames.contains(a.endpoint())) {
                throw new IllegalArgumentException("server " + name + ": arrivals to unknown endpoint " + a.endpoint());
            }
        }
        if (drawsByWeight && !(weight > 0)) {
            throw new IllegalArgumentException("server " + name + " has arrivals but no endpoint with a weight");
        }
        Set<String> executorNames = new HashSet<>();
        for (ExecutorSpec x : executors) {
            if (!executorNames.add(x.name())) {
                throw new IllegalArgumentException("server " + name + ": duplicate executor " + x.name());
            }
        }
        // The model has no pool settings of its own: the implicit pools come in as values too.
        for (String implicit : List.of(ExecutorLookup.DEFAULT, ANYIO)) {
            if (!executorNames.contains(implicit)) {
                throw new IllegalArgumentException("server " + name + " has no '" + implicit + "' executor");
            }
        }
        for (EndpointSpec e : endpoints) {
            checkExecutorNames(name, e.name(), e.steps(), executorNames);
        }
        if (jobs != null) {
            if (!endpointNames.contains(jobs.submitEndpoint()) || !endpointNames.contains(jobs.statusEndpoint())) {
                throw new IllegalArgumentException("server " + name + ": the job queue's endpoints must exist");
            }
        }
        Set<String> threadNames = new HashSet<>();
        for (BackgroundThreadSpec t : threads) {
            if (!threadNames.add(t.name())) {
                throw new IllegalArgumentException("server " + name + ": duplicate background thread " + t.name());
            }
        }
    }

    private static void checkExecutorNames(String server, String endpoint, List<ProgramStep> steps,
            Set<String> known) {
        for (ProgramStep s : steps) {
            if (s instanceof AsyncStep.RunInExecutor r && !known.contains(r.executor())) {
                throw new IllegalArgumentException("server " + server + ", endpoint " + endpoint
                        + ": unknown executor " + r.executor());
            }
        }
    }
}
