package dev.gilsim.asyncio;

/** What event loops tell the metrics layer; {@code process} is the interpreter's name. */
public interface LoopObserver {
    LoopObserver NONE = new LoopObserver() {
    };

    /** L4: one heartbeat: actual minus intended wake-up, never negative. */
    default void loopLag(String process, long lag, long now) {
    }

    /** L4: a callback ran for at least {@code slow_callback_duration} (wall time, GIL waits included). */
    default void slowCallback(String process, long duration, long now) {
    }
}
