package dev.gilsim.executor;

import dev.gilsim.interpreter.Completion;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.Script;
import dev.gilsim.interpreter.Step;
import dev.gilsim.interpreter.StepSource;
import dev.gilsim.interpreter.Waker;
import dev.gilsim.interpreter.Work;
import dev.gilsim.kernel.Distribution;
import dev.gilsim.kernel.Simulator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * E3: {@code concurrent.futures.ProcessPoolExecutor}. Workers are child processes, each its own
 * interpreter with its own GIL (C3). A task's way: pickled on the submitting thread, queued for the
 * parent's manager thread (a real parent thread that needs the parent's GIL), written to a pipe,
 * unpickled and run in a child, its result pickled and written back, unpickled by the manager, which
 * then completes the future (for asyncio: {@code call_soon_threadsafe}, L3).
 *
 * <p>Processes start lazily at submit as CPython does: all {@code max_workers} at the first submit
 * with {@code fork}, else one per submit while no worker is free ({@code _idle_worker_semaphore}).
 */
public final class ProcessPool implements Executor {
    private final ExecutorContext ctx;
    private final ExecutorSpec.ProcessPool spec;
    private final String instance;
    private final int maxWorkers;
    private final StartMethod startMethod;
    private final Distribution parentStart;
    private final Distribution childBoot;
    private final ProcessPoolCosts costs;
    private final Simulator sim;
    private final RandomGenerator random;

    private Manager manager;
    private final List<Child> children = new ArrayList<>();
    private final ArrayDeque<Child> idleChildren = new ArrayDeque<>();
    private final ArrayDeque<Item> pending = new ArrayDeque<>();
    private final ArrayDeque<Item> results = new ArrayDeque<>();
    /** CPython's {@code _idle_worker_semaphore}: released per result, taken by a submit. */
    private int idleCredits;
    private int aliveChildren;
    private final TaskLedger ledger = new TaskLedger();
    private int inSubmitter;
    private int inChildren;
    private int inManager;
    private boolean shutdown;

    ProcessPool(ExecutorContext ctx, ExecutorSpec.ProcessPool spec, String instance) {
        this.ctx = ctx;
        this.spec = spec;
        this.instance = instance;
        this.maxWorkers = spec.maxWorkers() != null ? spec.maxWorkers() : ctx.poolDefaults().processPoolMaxWorkers();
        this.startMethod = spec.startMethod();
        this.costs = spec.costs();
        this.parentStart = costs.parentStart();
        this.childBoot = costs.childBoot();
        this.sim = ctx.process().machine().simulator();
        this.random = ctx.process().machine().streams().stream("executor:" + ctx.process().name() + "/" + instance);
    }

    @Override
    public String name() {
        return spec.name();
    }

    public int maxWorkers() {
        return maxWorkers;
    }

    public StartMethod startMethod() {
        return startMethod;
    }

    /** The child processes started so far. */
    public List<Interpreter> processes() {
        return children.stream().map(c -> c.process).toList();
    }

    @Override
    public Work submit(Work task, Completion done) {
        if (shutdown) {
            throw new IllegalStateException("cannot schedule new futures after shutdown: " + instance);
        }
        ledger.submitted();
        inSubmitter++;
        ctx.observer().taskSubmitted(ctx.process().name(), name(), sim.now());
        Item item = new Item(task, done, sim.now());
        Script s = new Script().stepIfPositive(costs.pickleArgs().sample(random), false);
        s.effect(() -> enqueue(item));
        s.stepIfPositive(costs.wakeManager().sample(random), true);
        for (Child c : childrenToStart()) {
            // E3: the submitting thread starts the process; fork() holds the parent's GIL.
            s.stepIfPositive(parentStart.sample(random), false);
            s.effect(() -> c.thread.start(sim.now()));
        }
        if (manager == null) {
            manager = new Manager();
            PyThread t = ctx.process().newThread(instance + "-manager", manager);
            manager.waker = new Waker(t);
            s.effect(() -> t.start(sim.now()));
        }
        return s;
    }

    private List<Child> childrenToStart() {
        int count;
        if (startMethod.startsAllWorkersAtOnce()) {
            count = children.isEmpty() ? maxWorkers : 0;
        } else if (idleCredits > 0) {
            idleCredits--;
            count = 0;
        } else {
            count = children.size() < maxWorkers ? 1 : 0;
        }
        List<Child> started = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            started.add(newChild());
        }
        return started;
    }

    private Child newChild() {
        String processName = ctx.process().name() + ":" + instance + "-" + children.size();
        Interpreter p = ctx.process().machine().newInterpreter(processName, ctx.gilSettings());
        Child c = new Child(p);
        c.thread = p.newThread("MainThread", c);
        c.waker = new Waker(c.thread);
        children.add(c);
        aliveChildren++;
        ctx.observer().workerStarted(ctx.process().name(), name(), processName, sim.now());
        return c;
    }

    private void enqueue(Item item) {
        inSubmitter--;
        pending.add(item);
        ctx.observer().executorQueueLength(ctx.process().name(), name(), pending.size(), sim.now());
        if (manager != null) {
            manager.waker.wake();
        }
    }

    @Override
    public void shutdown(Runnable whenJoined) {
        shutdown = true;
        ledger.awaitJoin(whenJoined);
        if (manager == null) {
            ledger.fireJoined();
        } else {
            manager.waker.wake();
        }
    }

    @Override
    public TaskLedger ledger() {
        return ledger;
    }

    @Override
    public void checkInvariants() {
        long stages = inSubmitter + pending.size() + inChildren + results.size() + inManager;
        if (ledger.inFlight() != stages) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "process pool %s in %s: %d submitted, %d completed, but %d pickling, %d queued, "
                            + "%d in children, %d results waiting, %d in the manager",
                    instance, ctx.process().name(), ledger.submittedCount(), ledger.completedCount(), inSubmitter, pending.size(), inChildren,
                    results.size(), inManager));
        }
    }

    /** A task on its way; {@code queued} is set when the manager hands it to a child. */
    private static final class Item {
        final Work task;
        final Completion done;
        final long submittedAt;
        long queued;

        Item(Work task, Completion done, long submittedAt) {
            this.task = task;
            this.done = done;
            this.submittedAt = submittedAt;
        }

        Work task() {
            return task;
        }

        Completion done() {
            return done;
        }

        long submittedAt() {
            return submittedAt;
        }
    }

    /** The parent's {@code _ExecutorManagerThread}: results in, work out, shutdown. */
    private final class Manager implements StepSource {
        Waker waker;
        private Work script;
        private boolean stopsSent;

        @Override
        public Step next(PyThread thread) {
            waker.resumed();
            while (true) {
                if (script != null) {
                    Step s = script.next(thread);
                    if (s != null) {
                        return s;
                    }
                    script = null;
                    continue;
                }
                Item r = results.poll();
                if (r != null) {
                    inManager++;
                    script = new Script()
                            .stepIfPositive(costs.unpickleResult().sample(random), false)
                            .pythonIfPositive(costs.managerHop().sample(random))
                            .effect(() -> finish(r))
                            .complete(r.done());
                    continue;
                }
                if (!pending.isEmpty() && !idleChildren.isEmpty()) {
                    Item it = pending.poll();
                    Child c = idleChildren.poll();
                    inChildren++;
                    it.queued = sim.now() - it.submittedAt();
                    ctx.observer().executorQueueLength(ctx.process().name(), name(), pending.size(), sim.now());
                    script = new Script()
                            .pythonIfPositive(costs.managerHop().sample(random))
                            .stepIfPositive(costs.pipeWrite().sample(random), true)
                            .effect(() -> c.assign(it));
                    continue;
                }
                if (shutdown && ledger.inFlight() == 0) {
                    if (!stopsSent) {
                        stopsSent = true;
                        for (Child c : children) {
                            c.stop();
                        }
                    }
                    if (aliveChildren == 0) {
                        ledger.fireJoined();
                        return Step.EXIT;
                    }
                }
                return waker.park();
            }
        }

        private void finish(Item r) {
            inManager--;
            ledger.completed();
            idleCredits++;
            // The wait for a free child (including its start-up), as the thread pools report it.
            ctx.observer().taskCompleted(ctx.process().name(), name(), r.queued, sim.now());
        }
    }

    /** A worker process's main thread: {@code _process_worker}. */
    private final class Child implements StepSource {
        final Interpreter process;
        PyThread thread;
        Waker waker;
        private boolean booted;
        private boolean announced;
        private boolean stopping;
        private boolean exiting;
        private Item item;
        private Work script;

        Child(Interpreter process) {
            this.process = process;
        }

        void assign(Item it) {
            item = it;
            waker.wake();
        }

        void stop() {
            stopping = true;
            waker.wake();
        }

        @Override
        public Step next(PyThread t) {
            waker.resumed();
            while (true) {
                if (!booted) {
                    booted = true;
                    long boot = childBoot.sample(random);
                    if (boot > 0) {
                        return Step.Compute.python(boot);
                    }
                    continue;
                }
                if (!announced) {
                    announced = true;
                    becomeIdle();
                }
                if (script != null) {
                    Step s = script.next(t);
                    if (s != null) {
                        return s;
                    }
                    script = null;
                    continue;
                }
                if (item != null) {
                    Item it = item;
                    item = null;
                    script = new Script()
                            .stepIfPositive(costs.unpickleArgs().sample(random), false)
                            .work(it.task())
                            .stepIfPositive(costs.pickleResult().sample(random), false)
                            .stepIfPositive(costs.pipeWrite().sample(random), true)
                            .effect(() -> sendResult(it));
                    continue;
                }
                if (stopping) {
                    if (!exiting) {
                        exiting = true;
                        long teardown = costs.childExit().sample(random);
                        if (teardown > 0) {
                            return Step.Compute.python(teardown);
                        }
                    }
                    aliveChildren--;
                    manager.waker.wake();
                    return Step.EXIT;
                }
                return waker.park();
            }
        }

        private void sendResult(Item it) {
            inChildren--;
            results.add(it);
            becomeIdle();
        }

        private void becomeIdle() {
            idleChildren.add(this);
            manager.waker.wake();
        }
    }
}
