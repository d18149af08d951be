package dev.gilsim.interpreter;

import dev.gilsim.kernel.Event;
import dev.gilsim.kernel.Simulator;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A Python thread: it takes its interpreter's GIL, runs the steps its source hands it, and lets
 * go of the GIL when a step blocks or when a waiter's drop request reaches a check point.
 *
 * <p>All of a thread's events are allocated once and rescheduled, and its continuations are cached
 * method references, so running a thread allocates nothing per step beyond the step itself.
 */
public final class PyThread {
    private final int id;
    private final String name;
    private final Interpreter interpreter;
    private final Simulator sim;
    private final Cores cores;
    private final Gil gil;
    private final GilObserver observer;
    private final RandomGenerator random;
    private final StepSource source;
    private ThreadState state = ThreadState.NOT_STARTED;
    private boolean wakeupPreferred;
    /** The label: of the step the thread is on (null: none), until its source hands out the next. */
    private String stepLabel;

    // Owned by Gil.
    long savedSwitchNumber;
    boolean wakeTimedOut;
    /** The GIL wait's timer fired and the thread has not run yet. */
    boolean gilTimerFired;
    boolean dropRequested;
    long wantedGilSince;
    /** When the thread last began to block (a GIL wait, a handoff, a park): C5 needs it. */
    long blockedSince;
    /** Where this thread sits in its GIL's {@link GilWaiters}; -1 when not waiting. */
    int waiterSlot = -1;
    long queuedSince; // C13: when its expired GIL wait began to queue behind the holder
    final CpuTimers.Timer gilTimeout;
    final Event gilWake;
    final Event handoffWake = new Event(EventOrder.WAKE, this::onHandoff);

    // Owned by Cores.
    final Event sliceEnd;
    /** The core the thread computes on, -1 when it has none; the one it last ran on (C9). */
    int core = -1;
    int lastCore = -1;
    long sliceStart;

    /** The compute step in progress, on a core or waiting for one. */
    private final CoreStint stint;
    private Runnable resumeAfterDrop;
    private Step pendingStep;
    /** What a released compute in progress does when it ends, before the GIL is re-taken. */
    private Runnable releasedDone;
    private Step.Compute pendingCompute;
    private Runnable afterGil;
    private Runnable afterHandoff;
    private final OffGil offGil;

    private final Runnable advance = this::advance;
    private final Runnable startPendingCompute = this::startPendingCompute;
    private final Runnable resumeCompute = this::resumeStint;
    private final Runnable startReleased = this::startReleased;
    private final Runnable afterReleasedCompute = this::afterReleasedCompute;
    private final Runnable returnFromBlocking = this::returnFromBlocking;
    private final Runnable finishDropOverhead = this::finishDropOverhead;
    private final Runnable takeGilAfterHandoff = this::takeGilAfterHandoff;

    PyThread(int id, String name, Interpreter interpreter, StepSource source, RandomGenerator random) {
        this.id = id;
        this.name = name;
        this.interpreter = interpreter;
        this.sim = interpreter.machine().simulator();
        this.cores = interpreter.machine().cores();
        this.gil = interpreter.gil();
        this.observer = interpreter.machine().observer();
        this.random = random;
        this.source = source;
        this.gilTimeout = gil == null ? null
                : interpreter.machine().timers().newTimer(this, EventOrder.GIL_TIMEOUT, notBefore -> gil.onTimeout(this, notBefore));
        this.gilWake = gil == null ? null : new Event(EventOrder.WAKE, () -> gil.onWake(this));
        this.sliceEnd = new Event(EventOrder.TIME_SLICE, () -> cores.onSliceEnd(this));
        this.stint = new CoreStint(this, interpreter, this::onStintEnd);
        this.offGil = new OffGil(this, interpreter, () -> takeGil(returnFromBlocking));
    }

    /** 0, 1, 2... in creation order across the whole machine. */
    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** {@code process/thread}, unique within a run. */
    public String qualifiedName() {
        return interpreter.name() + "/" + name;
    }

    /** The core the thread last ran on (C9), or -1 before it ever ran. */
    public int lastCore() {
        return lastCore;
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    public ThreadState state() {
        return state;
    }

    /** The thread's own random stream, for the durations its steps draw. */
    public RandomGenerator random() {
        return random;
    }

    public boolean isWakeupPreferred() {
        return wakeupPreferred;
    }

    /** Marks the thread for wake-up policies that prefer some threads (a what-if, G6). */
    public void setWakeupPreferred(boolean preferred) {
        this.wakeupPreferred = preferred;
    }

    /**
     * Names the step the source is handing out: a {@link StepSource} calls this from
     * {@link StepSource#next} for a step the scenario labelled; every other step has none.
     */
    public void labelStep(String label) {
        this.stepLabel = label;
    }

    /** The label: of the step the thread is on, or null. */
    public String stepLabel() {
        return stepLabel;
    }

    public boolean isParked() {
        return offGil.isParked();
    }

    /** A new thread starts by taking the GIL, as CPython's thread bootstrap does. */
    public void start(long at) {
        sim.at(at, EventOrder.STEP, () -> takeGil(advance));
    }

    /**
     * Wakes the thread from a {@link Step.Park}; if it is not parked yet, its next park returns at
     * once, as a self-pipe written before {@code epoll_wait} does.
     */
    public void unpark() {
        unpark(-1);
    }

    /**
     * As {@link #unpark()}, with the wake-up latency given ({@code latencyNanos >= 0}) instead of
     * drawn: a caller that knows its wake-up path better than G6's signal does (a timer).
     */
    public void unpark(long latencyNanos) {
        offGil.unpark(latencyNanos);
    }

    // ---- between steps, holding the GIL ----

    private void advance() {
        String before = stepLabel;
        stepLabel = null;
        Step step = source.next(this);
        if (!java.util.Objects.equals(before, stepLabel)) {
            observer.stepLabel(this, stepLabel, sim.now());
        }
        if (step instanceof Step.Compute c) {
            if (dropRequested) {
                // G4: the bytecode between two steps has a check point; a request that arrived
                // during a GIL-holding native call is honoured here, once the call returned.
                pendingCompute = c;
                forcedDrop(startPendingCompute);
                return;
            }
            startCompute(c);
        } else if (step instanceof Step.Exit) {
            exit();
        } else {
            pendingStep = step;
            releaseThen(startReleased);
        }
    }

    private void startReleased() {
        Step step = pendingStep;
        pendingStep = null;
        if (step instanceof Step.ReleasedCompute r) {
            releasedDone = r.whenDone();
            startCompute(r.workNanos(), false, false, afterReleasedCompute);
        } else if (step instanceof Step.Block b) {
            block(b);
        } else if (step instanceof Step.Park p) {
            park(p);
        } else {
            throw new IllegalStateException("unexpected step " + step);
        }
    }

    private void exit() {
        if (gil != null) {
            // The final release never waits for a handoff (drop_gil with final_release).
            gil.release(this, false);
        }
        leaveCore();
        setState(ThreadState.DONE);
    }

    // ---- compute on a core ----

    private void startCompute(Step.Compute c) {
        long work = c.python() ? interpreter.pythonWork(c.workNanos()) : c.workNanos();
        startCompute(work, true, c.python(), advance);
    }

    private void startPendingCompute() {
        Step.Compute c = pendingCompute;
        pendingCompute = null;
        startCompute(c);
    }

    private void startCompute(long work, boolean holdsGil, boolean interruptible, Runnable done) {
        stint.start(work, holdsGil, interruptible, holdsGil && !interruptible && done == advance, done);
    }

    private void resumeStint() {
        stint.resume();
    }

    void onCoreGranted() {
        stint.onCoreGranted();
    }

    void onPreempted() {
        stint.onPreempted();
    }

    private void onStintEnd() {
        if (stint.onEnd()) {
            stint.done().run();
        } else {
            forcedDrop(resumeCompute);
        }
    }

    /** Called by the GIL when a waiter's request targets this holder. */
    void onDropRequested() {
        stint.onDropRequested();
    }

    private void leaveCore() {
        stint.leaveCore();
    }

    // ---- letting go of the GIL ----

    private void forcedDrop(Runnable resume) {
        resumeAfterDrop = resume;
        long overhead = interpreter.settings().dropOverhead().sample(random);
        if (overhead > 0) {
            stint.stash();
            startCompute(overhead, true, false, finishDropOverhead);
            return;
        }
        dropNow();
    }

    private void finishDropOverhead() {
        stint.unstash();
        dropNow();
    }

    /** G5: drop, signal one waiter, and block until another thread has taken the GIL. */
    private void dropNow() {
        leaveCore();
        setState(ThreadState.GIL_WAIT);
        wantedGilSince = sim.now();
        afterGil = resumeAfterDrop;
        resumeAfterDrop = null;
        gil.release(this, true);
        afterHandoff = takeGilAfterHandoff;
        gil.awaitHandoff(this);
    }

    /** G8: a voluntary release; with a request pending, the releaser too waits for the handoff. */
    private void releaseThen(Runnable then) {
        if (gil == null) {
            then.run();
            return;
        }
        if (gil.release(this, false)) {
            leaveCore();
            setState(ThreadState.GIL_WAIT);
            afterHandoff = then;
            gil.awaitHandoff(this);
        } else {
            then.run();
        }
    }

    private void onHandoff() {
        Runnable next = afterHandoff;
        afterHandoff = null;
        next.run();
    }

    private void takeGilAfterHandoff() {
        if (gil.take(this)) {
            onGilTaken();
        }
    }

    // ---- taking the GIL ----

    private void takeGil(Runnable then) {
        wantedGilSince = sim.now();
        if (gil == null) {
            then.run();
            return;
        }
        afterGil = then;
        if (gil.take(this)) {
            onGilTaken();
        } else {
            leaveCore();
            setState(ThreadState.GIL_WAIT);
        }
    }

    void onGilTaken() {
        Runnable next = afterGil;
        afterGil = null;
        next.run();
    }

    // ---- blocking without the GIL ----

    private void block(Step.Block b) {
        if (b.sleep() && b.durationNanos() == 0 && interpreter.settings().zeroSleepReturnsAtOnce()) {
            // C8: before 3.11 time.sleep(0) is select() with a zero timeout: a syscall that never
            // sleeps, so no timer slack and no wake-up; the thread only lets go of the GIL.
            releasedDone = null;
            startCompute(interpreter.machine().os().syscallNanos(interpreter.settings().zeroSleepSyscallNanos()), false,
                    false, afterReleasedCompute);
            return;
        }
        leaveCore();
        setState(ThreadState.IO);
        offGil.block(b.durationNanos(), b.sleep());
    }

    private void park(Step.Park p) {
        if (!offGil.park(p.timeoutNanos())) {
            // An unpark came first (a self-pipe written before epoll_wait): back at once, on its core.
            takeGil(returnFromBlocking);
            return;
        }
        leaveCore();
        setState(ThreadState.BLOCKED);
    }

    private void afterReleasedCompute() {
        Runnable done = releasedDone;
        releasedDone = null;
        if (done != null) {
            done.run();
        }
        offGil.returnedNow();
        takeGil(returnFromBlocking);
    }

    private void returnFromBlocking() {
        observer.returnedFromBlocking(this, sim.now() - offGil.returnDue(), sim.now());
        advance();
    }

    /** Also called by the thread's {@link CoreStint}, which knows its state while it computes. */
    void setState(ThreadState next) {
        if (next != state) {
            ThreadState from = state;
            state = next;
            observer.threadState(this, from, next, sim.now());
        }
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
