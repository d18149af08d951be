package dev.gilsim.server;

import dev.gilsim.executor.ExecutorContext;
import dev.gilsim.executor.PoolDefaults;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.Machine;
import dev.gilsim.interpreter.ProgramRunner;
import dev.gilsim.kernel.Distribution;
import dev.gilsim.kernel.Event;
import dev.gilsim.kernel.Simulator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.random.RandomGenerator;

/** A running server (E4): its worker processes, arrivals, dispatch, and request bookkeeping. */
public final class Server {
    /** asyncio's {@code _accept_connection} accepts up to {@code backlog} (100) per wake-up. */
    private static final int ACCEPTS_PER_SELECT = 100;

    final ServerSpec spec;
    final AppObserver observer;
    final List<Endpoint> endpoints = new ArrayList<>();
    final JobQueue jobs;
    private final Simulator sim;
    private final List<WorkerProcess> workers = new ArrayList<>();
    private final double[] cumulativeWeight;
    private final RandomGenerator endpointRandom;
    private final RandomGenerator dispatchRandom;
    private final RandomGenerator pollRandom;
    private final RandomGenerator clientRandom;
    private final ArrayDeque<Request> backlog = new ArrayDeque<>();
    private Endpoint submitEndpoint;
    private Endpoint statusEndpoint;
    private int roundRobin;
    private long nextRequestId;
    private long arrived;
    private long completed;
    private long rejected;

    Server(Machine machine, ServerSpec spec, PoolDefaults poolDefaults, GilSettings gil, AppObserver observer) {
        this.spec = spec;
        this.observer = observer;
        this.sim = machine.simulator();
        for (EndpointSpec e : spec.endpoints()) {
            endpoints.add(new Endpoint(e, endpoints.size()));
        }
        cumulativeWeight = new double[endpoints.size()];
        double sum = 0;
        for (Endpoint e : endpoints) {
            sum += e.spec.weight();
            cumulativeWeight[e.index] = sum;
        }
        endpointRandom = machine.streams().stream("endpoints:" + spec.name());
        dispatchRandom = machine.streams().stream("dispatch:" + spec.name());
        pollRandom = machine.streams().stream("polls:" + spec.name());
        clientRandom = machine.streams().stream("client-time:" + spec.name());
        if (spec.jobs() != null) {
            submitEndpoint = endpoint(spec.jobs().submitEndpoint());
            statusEndpoint = endpoint(spec.jobs().statusEndpoint());
            submitEndpoint.submitsJobs = true;
            statusEndpoint.pollsJobs = true;
        }
        for (int i = 0; i < spec.workers(); i++) {
            String name = spec.name() + "-" + i;
            Interpreter p = machine.newInterpreter(name, gil);
            WorkerProcess w = new WorkerProcess(this, i, p, new ExecutorContext(p, poolDefaults, gil, observer));
            workers.add(w);
            w.loop().start(0);
            for (BackgroundThreadSpec b : spec.backgroundThreads()) {
                p.newThread(b.name(), new ProgramRunner(b.program())).start(0);
            }
        }
        this.jobs = spec.jobs() == null ? null : new JobQueue(spec.jobs(), spec.name(), machine, gil);
        for (int i = 0; i < spec.arrivals().size(); i++) {
            startArrivals(spec.arrivals().get(i), machine.streams().stream("arrivals:" + spec.name() + "#" + i));
        }
    }

    public String name() {
        return spec.name();
    }

    public ServerSpec spec() {
        return spec;
    }

    public List<WorkerProcess> workers() {
        return Collections.unmodifiableList(workers);
    }

    public long arrived() {
        return arrived;
    }

    public long completed() {
        return completed;
    }

    public long rejected() {
        return rejected;
    }

    /** Requests that arrived and have no response yet (in the backlog or in a process). */
    public long inFlight() {
        long n = backlog.size();
        for (WorkerProcess w : workers) {
            n += w.inFlight;
        }
        return n;
    }

    private Endpoint endpoint(String name) {
        for (Endpoint e : endpoints) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no endpoint " + name);
    }

    // ---- arrivals ----

    private void startArrivals(ArrivalSpec a, RandomGenerator random) {
        Endpoint target = a.endpoint() == null ? null : endpoint(a.endpoint());
        if (a instanceof ArrivalSpec.Poisson p) {
            Distribution gap = new Distribution.Exponential(Math.max(1, Math.round(1e9 / p.ratePerSecond())));
            new OpenArrivals(gap, random, target).start(p.startNanos());
        } else if (a instanceof ArrivalSpec.FixedInterval f) {
            new OpenArrivals(Distribution.constant(f.intervalNanos()), random, target).start(f.startNanos());
        } else if (a instanceof ArrivalSpec.Burst b) {
            sim.at(b.atNanos(), 0, () -> {
                for (int i = 0; i < b.count(); i++) {
                    arriveNew(null, target);
                }
            });
        } else {
            ArrivalSpec.ClosedLoop c = (ArrivalSpec.ClosedLoop) a;
            for (int i = 0; i < c.clients(); i++) {
                new Client(i, this, sim, c.thinkTime(), random, target).start(c.startNanos());
            }
        }
    }

    /** An open-loop source: each arrival schedules the next, so nothing piles up in the calendar. */
    private final class OpenArrivals {
        private final Distribution gap;
        private final RandomGenerator random;
        private final Endpoint target;
        private final Event event = new Event(this::fire);

        OpenArrivals(Distribution gap, RandomGenerator random, Endpoint target) {
            this.gap = gap;
            this.random = random;
            this.target = target;
        }

        void start(long at) {
            sim.schedule(event, at);
        }

        private void fire() {
            arriveNew(null, target);
            sim.schedule(event, sim.now() + gap.sample(random));
        }
    }

    /** A new request to {@code target}, or to an endpoint drawn by weight; its intended arrival is now (L5). */
    void arriveNew(Client client, Endpoint target) {
        Endpoint e = target != null ? target : chooseEndpoint();
        arrive(new Request(nextRequestId++, e, sim.now(), client, null, false));
    }

    private Endpoint chooseEndpoint() {
        if (endpoints.size() == 1) {
            return endpoints.get(0);
        }
        double u = endpointRandom.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
        for (Endpoint e : endpoints) {
            if (u < cumulativeWeight[e.index]) {
                return e;
            }
        }
        return endpoints.get(endpoints.size() - 1);
    }

    private void arrive(Request r) {
        arrived++;
        r.arrivedAt = sim.now();
        observer.requestArrived(spec.name(), r.endpoint.name(), sim.now());
        dispatch(r);
    }

    // ---- E4: dispatch ----

    private void dispatch(Request r) {
        int n = workers.size();
        switch (spec.dispatch()) {
            case LIFO -> {
                WorkerProcess w = mostRecentlyIdle();
                if (w == null) {
                    backlog.add(r);
                } else {
                    w.deliver(r);
                }
            }
            case ROUND_ROBIN -> workers.get(roundRobin++ % n).deliver(r);
            case RANDOM -> workers.get(n == 1 ? 0 : dispatchRandom.nextInt(n)).deliver(r);
            case HASH -> workers.get(Math.floorMod(mix(r.client != null ? r.client.id : r.id), n)).deliver(r);
            default -> throw new IllegalStateException();
        }
    }

    /**
     * E4: the epoll wait queue is LIFO: the worker that began waiting last is woken first. Indexed,
     * not a for-each: it runs at every request, and the iterator was an object per request.
     */
    private WorkerProcess mostRecentlyIdle() {
        WorkerProcess best = null;
        for (int i = 0; i < workers.size(); i++) {
            WorkerProcess w = workers.get(i);
            if (w.loop().isIdle() && (best == null || w.loop().selectEnteredAt() > best.loop().selectEnteredAt())) {
                best = w;
            }
        }
        return best;
    }

    /** E4 (lifo): a worker coming back to its selector finds the listening socket readable. */
    void acceptBacklog(WorkerProcess w) {
        for (int i = 0; i < ACCEPTS_PER_SELECT && !backlog.isEmpty(); i++) {
            w.deliver(backlog.poll());
        }
    }

    private static int mix(long key) {
        long z = key + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return (int) (z ^ (z >>> 31));
    }

    // ---- responses ----

    void finish(Request r, boolean wasRejected) {
        if (r.finished) {
            throw new IllegalStateException("request " + r.id + " of " + spec.name() + " answered twice");
        }
        r.finished = true;
        workers.get(r.worker).inFlight--;
        long latency = sim.now() - r.intendedArrival + spec.http().client().sample(clientRandom);
        observer.requestAnswered(spec.name(), r.endpoint.name(), r.arrivedAt);
        if (wasRejected) {
            rejected++;
            observer.requestRejected(spec.name(), r.endpoint.name(), r.worker, latency, sim.now());
        } else {
            completed++;
            observer.requestCompleted(spec.name(), r.endpoint.name(), r.worker, latency, sim.now());
        }
        if (r.poll) {
            if (r.jobDoneSeen) {
                observer.jobResult(spec.name(), sim.now() - r.job.submitIntendedArrival, sim.now());
                answer(r.client);
            } else {
                schedulePoll(r.job);
            }
        } else if (r.endpoint.submitsJobs && r.job != null) {
            schedulePoll(r.job);
        } else {
            answer(r.client);
        }
    }

    private void answer(Client c) {
        if (c != null) {
            c.answered();
        }
    }

    private void schedulePoll(Job job) {
        long at = sim.now() + spec.jobs().pollInterval().sample(pollRandom);
        sim.at(at, 0, () -> arrive(new Request(nextRequestId++, statusEndpoint, sim.now(), job.client, job, true)));
    }

    void checkInvariants() {
        long open = inFlight();
        for (WorkerProcess w : workers) {
            if (w.inFlight < 0) {
                throw new IllegalStateException(w.process().name() + " has " + w.inFlight + " requests in flight");
            }
        }
        if (arrived != completed + rejected + open) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "server %s: %d requests arrived but %d completed + %d rejected + %d in flight",
                    spec.name(), arrived, completed, rejected, open));
        }
        for (WorkerProcess w : workers) {
            w.checkInvariants();
        }
        if (jobs != null) {
            jobs.checkInvariants();
        }
    }
}
