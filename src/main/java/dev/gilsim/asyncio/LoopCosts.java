package dev.gilsim.asyncio;

import dev.gilsim.kernel.Distribution;
import java.util.Objects;

/**
 * The event loop's own overheads, small but each a point where the GIL changes hands.
 *
 * @param select {@code epoll_wait(0)} when callbacks are ready: a syscall, the GIL released (G8)
 * @param handle Python run per callback ({@code Handle._run}, the task's {@code __step})
 * @param selfPipeWrite the caller's {@code send} in {@code call_soon_threadsafe} (L1, L3)
 * @param selfPipeRead the loop's {@code _read_from_self} after a self-pipe wake-up
 * @param timerWakeup L6: from the selector's timeout (plus timer slack) to the loop thread running
 * @param beforeSleep L7: Python between the last callback and an {@code epoll_wait} that sleeps
 * @param afterTimer L7: cold Python the loop runs first when its selector's timeout woke it
 */
public record LoopCosts(Distribution select, Distribution handle, Distribution selfPipeWrite,
        Distribution selfPipeRead, Distribution timerWakeup, Distribution beforeSleep, Distribution afterTimer) {

    public LoopCosts {
        Objects.requireNonNull(select, "select");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(selfPipeWrite, "selfPipeWrite");
        Objects.requireNonNull(selfPipeRead, "selfPipeRead");
        Objects.requireNonNull(timerWakeup, "timerWakeup");
        Objects.requireNonNull(beforeSleep, "beforeSleep");
        Objects.requireNonNull(afterTimer, "afterTimer");
    }
}
