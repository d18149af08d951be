package dev.gilsim.asyncio;

import dev.gilsim.interpreter.CpuTimers;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.Step;
import dev.gilsim.interpreter.StepSource;
import dev.gilsim.interpreter.Waker;
import dev.gilsim.kernel.Event;
import dev.gilsim.kernel.Simulator;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * An asyncio event loop on its own thread, after {@code BaseEventLoop._run_once} (L1): run the
 * callbacks that were ready when the iteration began, each holding the GIL; then wait in the
 * selector, which releases the GIL (G8), until an I/O event, the next timer, or the self-pipe; then
 * take the GIL again like any thread, which is where loop lag comes from.
 *
 * <p>When callbacks are ready the selector is still called, with a zero timeout: a short syscall
 * that releases the GIL. Everything ready after the selector (I/O callbacks, due timers, callbacks
 * added from other threads) runs in the next run phase; callbacks added meanwhile wait one more
 * iteration, as {@code ntodo} makes them in CPython.
 */
public final class EventLoop implements StepSource {
    private final Interpreter process;
    private final LoopSpec spec;
    private final LoopObserver observer;
    private final Simulator sim;
    private final RandomGenerator random;
    private final CpuTimers cpuTimers;
    private final PyThread thread;
    private final Waker waker;

    private final ArrayDeque<LoopCallback> ready = new ArrayDeque<>();
    /** Events the selector will report: I/O completions, accepted connections. */
    private final ArrayDeque<LoopCallback> ioEvents = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long timerSequence;
    private boolean selfPipeSignalled;
    /** The selector's timeout (C9: on the loop thread's core). */
    private final CpuTimers.Timer selectTimer;
    private final ArrayDeque<IoWait> idleIoWaits = new ArrayDeque<>();
    private final LoopCallback readFromSelf = new SelfPipeReader();
    private SelectListener listener;

    private int ntodo;
    private boolean afterSelect;
    /** L7: the Python before a sleeping select ran; the next select sleeps. */
    private boolean beforeSleepPaid;
    /** L7: the selector's timeout ended the last wait; the loop's next Python runs cold. */
    private boolean wokenByTimer;
    private LoopCallback current;
    private long currentStart;
    private boolean handleOverheadDue;
    private long selectEnteredAt;
    private long iterations;
    private long slowCallbacks;

    /** Creates the loop and its thread ({@code loop}) in the process; start it with {@link #start}. */
    public EventLoop(Interpreter process, LoopSpec spec, LoopObserver observer) {
        this.process = process;
        this.spec = spec;
        this.observer = observer;
        this.sim = process.machine().simulator();
        this.random = process.machine().streams().stream("loop:" + process.name());
        this.cpuTimers = process.machine().timers();
        this.thread = process.newThread("loop", this);
        this.selectTimer = cpuTimers.newTimer(thread, this::onSelectTimer);
        // G6 what-if: the loop-first wake-up policy prefers this thread; CPython has no such thing.
        this.thread.setWakeupPreferred(true);
        this.waker = new Waker(thread);
        if (spec.heartbeatPeriodNanos() != null) {
            ready.add(new Heartbeat(spec.heartbeatPeriodNanos()));
        }
    }

    public void start(long at) {
        thread.start(at);
    }

    public Interpreter process() {
        return process;
    }

    public PyThread thread() {
        return thread;
    }

    public LoopSpec spec() {
        return spec;
    }

    public long now() {
        return sim.now();
    }

    public Simulator simulator() {
        return sim;
    }

    /** The loop's stream for its overheads and for callers' self-pipe writes. */
    public RandomGenerator random() {
        return random;
    }

    public void setSelectListener(SelectListener l) {
        this.listener = l;
    }

    /** True while the loop waits in the selector and nothing has woken it yet. */
    public boolean isIdle() {
        return waker.isIdle();
    }

    /** When the loop last began to wait in its selector. */
    public long selectEnteredAt() {
        return selectEnteredAt;
    }

    public long iterations() {
        return iterations;
    }

    public long slowCallbacks() {
        return slowCallbacks;
    }

    // ---- scheduling, from the loop thread ----

    /** {@code call_soon}: runs in the next run phase that begins after this call. */
    public void callSoon(LoopCallback cb) {
        ready.add(cb);
    }

    /** {@code call_later}: due {@code delay} from now. */
    public void callLater(long delay, LoopCallback cb) {
        timers.add(new Timer(sim.now() + delay, timerSequence++, cb));
    }

    /**
     * Starts a wait without the GIL (a socket, a database) whose completion the selector reports.
     * Each wait's event is taken from a pool of finished ones: an {@code await_io} per request
     * was an event and a lambda per request. Scheduled like a new event (a new sequence number),
     * so the order of events is the same.
     */
    public void startIo(long duration, LoopCallback onReady) {
        IoWait wait = idleIoWaits.poll();
        if (wait == null) {
            wait = new IoWait();
        }
        wait.onReady = onReady;
        sim.schedule(wait.done, sim.now() + duration);
    }

    /** An I/O wait in progress, or idle in the pool once it has been reported. */
    private final class IoWait {
        final Event done = new Event(this::finish);
        LoopCallback onReady;

        private void finish() {
            LoopCallback cb = onReady;
            onReady = null;
            idleIoWaits.push(this);
            postIoEvent(cb);
        }
    }

    // ---- from outside the loop thread ----

    /** An I/O event (a connection, a response) for the selector to report. */
    public void postIoEvent(LoopCallback cb) {
        ioEvents.add(cb);
        waker.wake();
    }

    /**
     * L1, L3: {@code call_soon_threadsafe} appends to the ready queue and writes to the self-pipe,
     * waking the selector. The caller pays the write: {@link #sampleSelfPipeWrite()}.
     */
    public void callSoonThreadsafe(LoopCallback cb) {
        ready.add(cb);
        selfPipeSignalled = true;
        waker.wake();
    }

    public long sampleSelfPipeWrite() {
        return spec.costs().selfPipeWrite().sample(random);
    }

    // ---- the loop thread ----

    @Override
    public Step next(PyThread t) {
        waker.resumed();
        if (wokenByTimer) {
            // L7: the first Python after the selector's timeout woke the loop runs cold.
            wokenByTimer = false;
            long cold = spec.costs().afterTimer().sample(random);
            if (cold > 0) {
                return Step.Compute.python(cold);
            }
        }
        while (true) {
            if (current != null) {
                if (handleOverheadDue) {
                    handleOverheadDue = false;
                    long h = spec.costs().handle().sample(random);
                    if (h > 0) {
                        return Step.Compute.python(h);
                    }
                }
                Step s = current.next(this, t);
                if (s != null) {
                    return s;
                }
                finishCallback();
                continue;
            }
            if (afterSelect) {
                afterSelect = false;
                collectEvents();
                ntodo = ready.size();
                continue;
            }
            if (ntodo > 0) {
                ntodo--;
                current = ready.poll();
                currentStart = sim.now();
                handleOverheadDue = true;
                continue;
            }
            Step select = select();
            if (select != null) {
                return select;
            }
        }
    }

    private Step select() {
        afterSelect = true;
        iterations++;
        if (listener != null) {
            listener.beforeSelect(this);
        }
        long timeout = selectTimeout();
        if (timeout > 0 && !beforeSleepPaid) {
            // L7: the Python between the last callback and a sleeping epoll_wait; the selector's
            // timeout, rounded up to whole milliseconds, is then computed again, later.
            long cost = spec.costs().beforeSleep().sample(random);
            if (cost > 0) {
                beforeSleepPaid = true;
                afterSelect = false;
                iterations--;
                return Step.Compute.python(cost);
            }
        }
        beforeSleepPaid = false;
        if (timeout == 0) {
            long cost = spec.costs().select().sample(random);
            return cost > 0 ? new Step.ReleasedCompute(cost) : null;
        }
        if (timeout > 0) {
            cpuTimers.arm(selectTimer, sim.now() + timeout);
        }
        selectEnteredAt = sim.now();
        return waker.park();
    }

    /** -1: no timeout; 0: poll; else until the first timer, rounded up as epoll does. */
    private long selectTimeout() {
        if (!ready.isEmpty() || !ioEvents.isEmpty() || selfPipeSignalled) {
            return 0;
        }
        Timer first = timers.peek();
        if (first == null) {
            return -1;
        }
        long timeout = Math.max(0, first.when - sim.now());
        long res = spec.selectorResolutionNanos();
        if (timeout > 0 && res > 0) {
            timeout = (timeout + res - 1) / res * res;
        }
        return timeout;
    }

    /** L6: the selector's timeout expired; the loop thread runs after the timer wake-up. */
    private long onSelectTimer(long notBefore) {
        long at = Math.max(sim.now() + spec.costs().timerWakeup().sample(random), notBefore);
        wokenByTimer = waker.isIdle();
        waker.wake(at - sim.now());
        return at;
    }

    private void collectEvents() {
        cpuTimers.cancel(selectTimer);
        while (!ioEvents.isEmpty()) {
            ready.add(ioEvents.poll());
        }
        if (selfPipeSignalled) {
            selfPipeSignalled = false;
            ready.add(readFromSelf);
        }
        while (!timers.isEmpty() && timers.peek().when <= sim.now()) {
            ready.add(timers.poll().callback);
        }
    }

    private void finishCallback() {
        long took = sim.now() - currentStart;
        current = null;
        if (took >= spec.slowCallbackThresholdNanos()) {
            // L4: asyncio debug mode logs "Executing <Handle ...> took 0.300 seconds".
            slowCallbacks++;
            observer.slowCallback(process.name(), took, sim.now());
        }
    }

    /** The server's hook into the selector: accept backlogged connections before waiting. */
    @FunctionalInterface
    public interface SelectListener {
        void beforeSelect(EventLoop loop);
    }

    /** {@code _read_from_self}: one {@code recv} syscall on the self-pipe. */
    private final class SelfPipeReader implements LoopCallback {
        private boolean reading;

        @Override
        public Step next(EventLoop loop, PyThread t) {
            if (!reading) {
                reading = true;
                long cost = spec.costs().selfPipeRead().sample(random);
                if (cost > 0) {
                    return new Step.ReleasedCompute(cost);
                }
            }
            reading = false;
            return null;
        }
    }

    private record Timer(long when, long sequence, LoopCallback callback) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            return when != o.when ? Long.compare(when, o.when) : Long.compare(sequence, o.sequence);
        }
    }

    /**
     * L4: {@code while True: t0 = loop.time(); await asyncio.sleep(P); lag = loop.time() - t0 - P},
     * as loopmon and aiodebug do. The sleep's timer sets a future; the probe resumes one iteration
     * after the timer callback, like any task.
     */
    private final class Heartbeat implements LoopCallback {
        private final long period;
        private long due = -1;
        private final LoopCallback wakeup = (l, t) -> {
            l.callSoon(this);
            return null;
        };

        Heartbeat(long period) {
            this.period = period;
        }

        @Override
        public Step next(EventLoop loop, PyThread t) {
            if (due >= 0) {
                long lag = sim.now() - due;
                if (lag < 0) {
                    throw new IllegalStateException("negative loop lag " + lag + " in " + process.name());
                }
                observer.loopLag(process.name(), lag, sim.now());
            }
            due = sim.now() + period;
            callLater(period, wakeup);
            return null;
        }
    }
}
