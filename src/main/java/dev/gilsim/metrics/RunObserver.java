package dev.gilsim.metrics;

import dev.gilsim.interpreter.GilObserver;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.ThreadState;

/**
 * Everything a run records from the interpreter model, told in one call: the figures, the
 * timeline and the return delays over time. Each field has its concrete class, so every call is
 * a direct one the compiler inlines (an observer's empty default costs nothing); a tree of
 * wrappers around the interface cost each state change two or three type checks and calls, at
 * every event of a run. Each is told every event, in the same order, so a new override in any of
 * them is reached with no change here.
 */
public final class RunObserver implements GilObserver {
    private final GilMetrics metrics;
    private final TimelineRecorder timeline;
    private final ReturnDelaySeries returnDelays;
    /** Null unless the run keeps its GIL events ({@code run --gil-events}). */
    private final GilEventLog events;

    public RunObserver(GilMetrics metrics, TimelineRecorder timeline, ReturnDelaySeries returnDelays) {
        this(metrics, timeline, returnDelays, null);
    }

    public RunObserver(GilMetrics metrics, TimelineRecorder timeline, ReturnDelaySeries returnDelays,
            GilEventLog events) {
        this.metrics = metrics;
        this.timeline = timeline;
        this.returnDelays = returnDelays;
        this.events = events;
    }

    @Override
    public void threadState(PyThread thread, ThreadState from, ThreadState to, long now) {
        metrics.threadState(thread, from, to, now);
        timeline.threadState(thread, from, to, now);
        returnDelays.threadState(thread, from, to, now);
    }

    @Override
    public void stepLabel(PyThread thread, String label, long now) {
        metrics.stepLabel(thread, label, now);
        timeline.stepLabel(thread, label, now);
        returnDelays.stepLabel(thread, label, now);
    }

    @Override
    public void gilAcquired(PyThread thread, long waited, long now) {
        if (events != null) {
            events.gilAcquired(thread, waited, now);
        }
        metrics.gilAcquired(thread, waited, now);
        timeline.gilAcquired(thread, waited, now);
        returnDelays.gilAcquired(thread, waited, now);
    }

    @Override
    public void dropRequested(PyThread requester, PyThread holder, long now) {
        if (events != null) {
            events.dropRequested(requester, holder, now);
        }
        metrics.dropRequested(requester, holder, now);
        timeline.dropRequested(requester, holder, now);
        returnDelays.dropRequested(requester, holder, now);
    }

    @Override
    public void forcedDrop(PyThread holder, long now) {
        if (events != null) {
            events.forcedDrop(holder, now);
        }
        metrics.forcedDrop(holder, now);
        timeline.forcedDrop(holder, now);
        returnDelays.forcedDrop(holder, now);
    }

    @Override
    public void voluntaryDrop(PyThread holder, long now) {
        if (events != null) {
            events.voluntaryDrop(holder, now);
        }
        metrics.voluntaryDrop(holder, now);
        timeline.voluntaryDrop(holder, now);
        returnDelays.voluntaryDrop(holder, now);
    }

    @Override
    public void returnedFromBlocking(PyThread thread, long delay, long now) {
        metrics.returnedFromBlocking(thread, delay, now);
        timeline.returnedFromBlocking(thread, delay, now);
        returnDelays.returnedFromBlocking(thread, delay, now);
    }

    @Override
    public void coresBusy(int busy, long now) {
        metrics.coresBusy(busy, now);
        timeline.coresBusy(busy, now);
        returnDelays.coresBusy(busy, now);
    }

    @Override
    public void gilWaitBegan(PyThread thread, long now) {
        if (events != null) {
            events.gilWaitBegan(thread, now);
        }
        metrics.gilWaitBegan(thread, now);
        timeline.gilWaitBegan(thread, now);
        returnDelays.gilWaitBegan(thread, now);
    }

    @Override
    public void gilWaitEnded(PyThread thread, boolean timedOut, long now) {
        if (events != null) {
            events.gilWaitEnded(thread, timedOut, now);
        }
        metrics.gilWaitEnded(thread, timedOut, now);
        timeline.gilWaitEnded(thread, timedOut, now);
        returnDelays.gilWaitEnded(thread, timedOut, now);
    }
}
