package dev.gilsim.executor;

import dev.gilsim.interpreter.Completion;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.Script;
import dev.gilsim.interpreter.Step;
import dev.gilsim.interpreter.StepSource;
import dev.gilsim.interpreter.Waker;
import dev.gilsim.interpreter.Work;
import dev.gilsim.kernel.Simulator;
import java.util.ArrayDeque;
import java.util.Locale;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * E2: anyio's {@code to_thread.run_sync} behind a {@code CapacityLimiter}. A task first needs a
 * token (FIFO queue when all are borrowed); it then goes to the most recently idle worker thread,
 * or to a new thread if none is idle. The token comes back when the awaiting task resumes on the
 * loop ({@code async with limiter} exits there), not when the thread finishes. Threads idle for
 * {@code idleRetire} are stopped lazily, at the next submit, oldest first, as anyio does.
 *
 * <p>Simplification: a task waiting for a token is handed to a thread at the moment a token is
 * released, without the extra loop iteration its waking future would take in anyio.
 */
public final class AnyioLimiter implements Executor {
    private final ExecutorContext ctx;
    private final ExecutorSpec.AnyioLimiter spec;
    private final String instance;
    private final Simulator sim;
    private final RandomGenerator random;
    private final ArrayDeque<Item> waiting = new ArrayDeque<>();
    /** Oldest idle first; anyio takes the newest ({@code idle_workers.pop()}). */
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    private int borrowed;
    private int running;
    private int threadsStarted;
    private int alive;
    private final TaskLedger ledger = new TaskLedger();
    private boolean shutdown;

    AnyioLimiter(ExecutorContext ctx, ExecutorSpec.AnyioLimiter spec, String instance) {
        this.ctx = ctx;
        this.spec = spec;
        this.instance = instance;
        this.sim = ctx.process().machine().simulator();
        this.random = ctx.process().machine().streams().stream("executor:" + ctx.process().name() + "/" + instance);
    }

    @Override
    public String name() {
        return spec.name();
    }

    public int borrowedTokens() {
        return borrowed;
    }

    /** Worker threads alive now (started and not retired). */
    public int liveThreads() {
        return alive;
    }

    public int threadsStarted() {
        return threadsStarted;
    }

    @Override
    public Work submit(Work task, Completion done) {
        if (shutdown) {
            throw new IllegalStateException("limiter " + instance + " is shut down");
        }
        ledger.submitted();
        ctx.observer().taskSubmitted(ctx.process().name(), name(), sim.now());
        retireExpired();
        Item item = new Item(task, done, sim.now());
        if (borrowed < spec.tokens()) {
            borrowed++;
            return dispatch(item);
        }
        waiting.add(item);
        ctx.observer().executorQueueLength(ctx.process().name(), name(), waiting.size(), sim.now());
        return Work.NONE;
    }

    /** E2: anyio stops threads idle longer than the limit, oldest first, when it next runs work. */
    private void retireExpired() {
        while (!idle.isEmpty() && sim.now() - idle.peekFirst().idleSince >= spec.idleRetireNanos()) {
            Worker w = idle.pollFirst();
            w.stopping = true;
            w.waker.wake();
        }
    }

    private Work dispatch(Item item) {
        running++;
        Worker w = idle.pollLast();
        if (w != null) {
            w.item = item;
            w.waker.wake();
            return Work.NONE;
        }
        w = new Worker(item);
        String threadName = instance + "-" + threadsStarted++;
        PyThread t = ctx.process().newThread(threadName, w);
        w.waker = new Waker(t);
        alive++;
        ctx.observer().workerStarted(ctx.process().name(), name(), threadName, sim.now());
        t.start(sim.now());
        long cost = spec.threadStart().sample(random);
        return cost > 0 ? new Script().step(new Step.ReleasedCompute(cost)) : Work.NONE;
    }

    @Override
    public void resumed() {
        // E2: the awaiting task left `async with limiter`: the token passes to the next in line.
        borrowed--;
        Item next = waiting.poll();
        if (next != null) {
            ctx.observer().executorQueueLength(ctx.process().name(), name(), waiting.size(), sim.now());
            borrowed++;
            // Starting a thread here would cost the loop a clone syscall; too small to model.
            dispatch(next);
        }
    }

    @Override
    public void shutdown(Runnable whenJoined) {
        shutdown = true;
        ledger.awaitJoin(whenJoined);
        while (!idle.isEmpty()) {
            Worker w = idle.pollFirst();
            w.stopping = true;
            w.waker.wake();
        }
        if (alive == 0) {
            ledger.fireJoined();
        }
    }

    @Override
    public TaskLedger ledger() {
        return ledger;
    }

    @Override
    public void checkInvariants() {
        if (ledger.inFlight() != waiting.size() + running || borrowed > spec.tokens() || borrowed < 0) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "anyio limiter %s in %s: %d submitted, %d completed, %d waiting, %d running, %d/%d tokens",
                    instance, ctx.process().name(), ledger.submittedCount(), ledger.completedCount(), waiting.size(), running, borrowed,
                    spec.tokens()));
        }
    }

    private record Item(Work task, Completion done, long submittedAt) {
    }

    /** anyio's {@code WorkerThread}: one item at a time from its own queue. */
    private final class Worker implements StepSource {
        Waker waker;
        Item item;
        boolean stopping;
        long idleSince;
        private boolean started;
        private long startedAt;

        Worker(Item first) {
            this.item = first;
        }

        @Override
        public Step next(PyThread thread) {
            waker.resumed();
            while (true) {
                if (item != null) {
                    if (!started) {
                        started = true;
                        startedAt = sim.now();
                    }
                    Step s = item.task().next(thread);
                    if (s != null) {
                        return s;
                    }
                    Item done = item;
                    item = null;
                    started = false;
                    running--;
                    ledger.completed();
                    ctx.observer().taskCompleted(ctx.process().name(), name(), startedAt - done.submittedAt(),
                            sim.now());
                    idleSince = sim.now();
                    if (!shutdown) {
                        idle.addLast(this);
                    } else {
                        stopping = true;
                    }
                    long cost = done.done().complete(thread);
                    if (cost > 0) {
                        return new Step.ReleasedCompute(cost);
                    }
                    continue;
                }
                if (stopping) {
                    alive--;
                    if (alive == 0 && shutdown) {
                        ledger.fireJoined();
                    }
                    return Step.EXIT;
                }
                return waker.park();
            }
        }
    }
}
