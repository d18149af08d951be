package dev.gilsim.asyncio;

import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.Step;

/**
 * An {@code asyncio.Task}: runs its coroutine as a ready callback until the coroutine awaits; when
 * the awaited future is set (a timer's or an I/O callback, a worker's threadsafe callback), the
 * task's wake-up is scheduled with {@code call_soon}, so it resumes one loop iteration later (L3).
 */
public final class Task implements LoopCallback {
    private final EventLoop loop;
    private final Coroutine body;
    private boolean awaiting;
    private boolean done;
    /** The awaited future's done-callback: it runs in some iteration and schedules the task. */
    private final LoopCallback resolver;

    public Task(EventLoop loop, Coroutine body) {
        this.loop = loop;
        this.body = body;
        this.resolver = (l, t) -> {
            l.callSoon(this);
            return null;
        };
    }

    public EventLoop loop() {
        return loop;
    }

    public boolean isDone() {
        return done;
    }

    /** True from {@link #suspend()} until the task's callback returns: its coroutine is awaiting. */
    public boolean isAwaiting() {
        return awaiting;
    }

    /** Called by the coroutine as it awaits. */
    public void suspend() {
        awaiting = true;
    }

    /** The callback that sets the awaited future: post it as a timer, I/O or threadsafe callback. */
    public LoopCallback resolver() {
        return resolver;
    }

    /** The awaited future was set by code already running on the loop (a semaphore's release). */
    public void wakeSoon() {
        loop.callSoon(this);
    }

    @Override
    public Step next(EventLoop l, PyThread thread) {
        if (done) {
            throw new IllegalStateException("a finished task ran again");
        }
        Step s = body.resume(this, thread);
        if (s != null) {
            return s;
        }
        if (awaiting) {
            awaiting = false;
        } else {
            done = true;
        }
        return null;
    }
}
