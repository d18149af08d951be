package dev.gilsim.executor;

import dev.gilsim.interpreter.Completion;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.Script;
import dev.gilsim.interpreter.Step;
import dev.gilsim.interpreter.Waker;
import dev.gilsim.interpreter.Work;
import dev.gilsim.kernel.Simulator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * E1: {@code concurrent.futures.ThreadPoolExecutor}. One unbounded FIFO work queue; {@code submit}
 * wakes an idle worker if there is one, else starts a new thread while fewer than
 * {@code max_workers} exist. Workers never retire; idle ones wait on the queue without the GIL.
 * Workers share the process's GIL.
 */
public final class ThreadPool implements Executor {
    private final ExecutorContext ctx;
    private final String name;
    private final String instance;
    private final int maxWorkers;
    private final ExecutorSpec.ThreadPool spec;
    private final Simulator sim;
    private final RandomGenerator random;
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    /** Idle workers, longest idle first: the queue's lock wakes its waiters in FIFO order. */
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    private final List<Worker> workers = new ArrayList<>();
    private final TaskLedger ledger = new TaskLedger();
    private int running;
    private int alive;
    private boolean shutdown;

    ThreadPool(ExecutorContext ctx, ExecutorSpec.ThreadPool spec, String instance) {
        this.ctx = ctx;
        this.spec = spec;
        this.name = spec.name();
        this.instance = instance;
        this.maxWorkers = spec.maxWorkers() != null ? spec.maxWorkers() : ctx.poolDefaults().threadPoolMaxWorkers();
        this.sim = ctx.process().machine().simulator();
        this.random = ctx.process().machine().streams().stream("executor:" + ctx.process().name() + "/" + instance);
    }

    @Override
    public String name() {
        return name;
    }

    public int maxWorkers() {
        return maxWorkers;
    }

    public int threadCount() {
        return workers.size();
    }

    public List<PyThread> threads() {
        return workers.stream().map(w -> w.waker.thread()).toList();
    }

    @Override
    public Work submit(Work task, Completion done) {
        if (shutdown) {
            throw new IllegalStateException("cannot schedule new futures after shutdown: " + instance);
        }
        queue.add(new Item(task, done, sim.now()));
        ledger.submitted();
        ctx.observer().taskSubmitted(ctx.process().name(), name, sim.now());
        ctx.observer().executorQueueLength(ctx.process().name(), name, queue.size(), sim.now());
        // E1 (_adjust_thread_count): an idle worker takes it; else a new thread, up to max_workers.
        Worker w = idle.pollFirst();
        if (w != null) {
            w.waker.wake();
            return Work.NONE;
        }
        if (workers.size() < maxWorkers) {
            startWorker();
            long cost = spec.threadStart().sample(random);
            return cost > 0 ? new Script().step(new Step.ReleasedCompute(cost)) : Work.NONE;
        }
        return Work.NONE;
    }

    private void startWorker() {
        String threadName = instance + "_" + workers.size();
        Worker w = new Worker();
        PyThread t = ctx.process().newThread(threadName, w);
        w.waker = new Waker(t);
        workers.add(w);
        alive++;
        ctx.observer().workerStarted(ctx.process().name(), name, threadName, sim.now());
        t.start(sim.now());
    }

    @Override
    public void shutdown(Runnable whenJoined) {
        shutdown = true;
        ledger.awaitJoin(whenJoined);
        // The None sentinels wake every idle worker; busy ones exit once the queue is empty.
        while (!idle.isEmpty()) {
            idle.pollFirst().waker.wake();
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
        if (ledger.inFlight() != queue.size() + running) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                    "thread pool %s in %s: %d submitted, %d completed, but %d queued and %d running",
                    instance, ctx.process().name(), ledger.submittedCount(), ledger.completedCount(), queue.size(), running));
        }
    }

    private record Item(Work task, Completion done, long submittedAt) {
    }

    /** The {@code _worker} function: take an item, run it, report, repeat. */
    private final class Worker implements dev.gilsim.interpreter.StepSource {
        Waker waker;
        private Item current;
        private long startedAt;

        @Override
        public Step next(PyThread thread) {
            waker.resumed();
            while (true) {
                if (current != null) {
                    Step s = current.task().next(thread);
                    if (s != null) {
                        return s;
                    }
                    Item done = current;
                    current = null;
                    running--;
                    ledger.completed();
                    ctx.observer().taskCompleted(ctx.process().name(), name, startedAt - done.submittedAt(), sim.now());
                    // L3: the future's callback (call_soon_threadsafe) runs on this worker.
                    long cost = done.done().complete(thread);
                    if (cost > 0) {
                        return new Step.ReleasedCompute(cost);
                    }
                    continue;
                }
                Item item = queue.poll();
                if (item != null) {
                    current = item;
                    startedAt = sim.now();
                    running++;
                    ctx.observer().executorQueueLength(ctx.process().name(), name, queue.size(), sim.now());
                    continue;
                }
                if (shutdown) {
                    alive--;
                    if (alive == 0) {
                        ledger.fireJoined();
                    }
                    return Step.EXIT;
                }
                idle.addLast(this);
                return waker.park();
            }
        }
    }
}
