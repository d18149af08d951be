package dev.gilsim.server;

import dev.gilsim.asyncio.EventLoop;
import dev.gilsim.asyncio.ExecutorLookup;
import dev.gilsim.asyncio.LoopCallback;
import dev.gilsim.asyncio.Task;
import dev.gilsim.executor.Executor;
import dev.gilsim.executor.ExecutorContext;
import dev.gilsim.executor.ExecutorSpec;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/** One server process (E4): an interpreter with its own GIL, its event loop, its pools and limits. */
public final class WorkerProcess implements ExecutorLookup, EventLoop.SelectListener {
    final Server server;
    final int index;
    private final Interpreter process;
    private final EventLoop loop;
    private final ExecutorContext executorContext;
    private final Map<String, ExecutorSpec> executorSpecs = new LinkedHashMap<>();
    private final Map<String, Executor> shared = new LinkedHashMap<>();
    private final List<Executor> perRequest = new ArrayList<>();
    final ConcurrencyLimit serverLimit;
    final ConcurrencyLimit[] limits;
    final RandomGenerator[] endpointRandom;
    int inFlight;

    WorkerProcess(Server server, int index, Interpreter process, ExecutorContext executorContext) {
        this.server = server;
        this.index = index;
        this.process = process;
        this.executorContext = executorContext;
        ServerSpec spec = server.spec;
        this.loop = new EventLoop(process, spec.loop(), server.observer);
        loop.setSelectListener(this);
        for (ExecutorSpec x : spec.executors()) {
            executorSpecs.put(x.name(), x);
        }
        this.serverLimit = spec.limit() == null ? null : new ConcurrencyLimit(spec.limit());
        List<Endpoint> endpoints = server.endpoints;
        this.limits = new ConcurrencyLimit[endpoints.size()];
        this.endpointRandom = new RandomGenerator[endpoints.size()];
        for (Endpoint e : endpoints) {
            limits[e.index] = e.spec.limit() == null ? null : new ConcurrencyLimit(e.spec.limit());
            endpointRandom[e.index] = process.machine().streams().stream("steps:" + process.name() + "/" + e.name());
        }
    }

    public int index() {
        return index;
    }

    public Interpreter process() {
        return process;
    }

    public EventLoop loop() {
        return loop;
    }

    public int inFlight() {
        return inFlight;
    }

    /** The process's shared pool of that name, if it was created (pools start at first use). */
    public Executor executor(String name) {
        return shared.get(name);
    }

    /** Per-request pools created so far, in order. */
    public List<Executor> perRequestExecutors() {
        return Collections.unmodifiableList(perRequest);
    }

    @Override
    public Lease lease(String name) {
        ExecutorSpec spec = executorSpecs.get(name);
        if (spec == null) {
            throw new IllegalStateException("no executor " + name + " in " + process.name());
        }
        if (spec.perRequest()) {
            Executor x = executorContext.create(spec, name + "@" + perRequest.size());
            perRequest.add(x);
            return new Lease(x, true);
        }
        Executor x = shared.computeIfAbsent(name, n -> executorContext.create(spec, n));
        return new Lease(x, false);
    }

    /** A new connection: the selector reports it; the loop reads, parses, and starts the task. */
    void deliver(Request r) {
        inFlight++;
        r.worker = index;
        loop.postIoEvent(new Accept(r));
    }

    @Override
    public void beforeSelect(EventLoop l) {
        server.acceptBacklog(this);
    }

    void checkInvariants() {
        for (Executor x : shared.values()) {
            x.checkInvariants();
        }
        for (Executor x : perRequest) {
            x.checkInvariants();
        }
        if (serverLimit != null) {
            serverLimit.check(process.name());
        }
        for (ConcurrencyLimit l : limits) {
            if (l != null) {
                l.check(process.name());
            }
        }
    }

    long executorTasksInFlight() {
        long n = 0;
        for (Executor x : shared.values()) {
            n += x.inFlight();
        }
        for (Executor x : perRequest) {
            n += x.inFlight();
        }
        return n;
    }

    /** uvicorn's {@code data_received}: recv, parse, then {@code create_task} for the ASGI app. */
    private final class Accept implements LoopCallback {
        private final Request request;
        private int stage;

        Accept(Request request) {
            this.request = request;
        }

        @Override
        public Step next(EventLoop l, PyThread thread) {
            HttpOverhead http = server.spec.http();
            while (true) {
                switch (stage++) {
                    case 0 -> {
                        long recv = http.recv().sample(l.random());
                        if (recv > 0) {
                            return new Step.ReleasedCompute(recv);
                        }
                    }
                    case 1 -> {
                        long parse = http.parse().sample(l.random());
                        if (parse > 0) {
                            return Step.Compute.python(parse);
                        }
                    }
                    default -> {
                        l.callSoon(new Task(l, new RequestFlow(WorkerProcess.this, request)));
                        return null;
                    }
                }
            }
        }
    }
}
