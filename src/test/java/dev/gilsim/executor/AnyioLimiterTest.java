package dev.gilsim.executor;

import static dev.gilsim.executor.PoolWorld.io;
import static dev.gilsim.kernel.Durations.millis;
import static dev.gilsim.kernel.Durations.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilsim.executor.PoolWorld.Done;
import dev.gilsim.kernel.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/** E2: anyio's CapacityLimiter and its worker threads. */
class AnyioLimiterTest {

    /**
     * E2, anyio's 40 tokens, thread start free. At 1 ms two calls (5 ms and 10 ms of blocking I/O) start anyio-0 and anyio-1.
     * anyio-0 is idle from 6, anyio-1 from 11. At 20 ms a call goes to the most recently idle
     * thread, anyio-1, not the longest idle. At 20 s both threads have been idle over 10 s: the
     * submit retires them (oldest first) and starts anyio-2.
     */
    @Test
    void reusesTheMostRecentlyIdleThreadAndRetiresThreadsIdleTenSeconds() {
        PoolWorld w = new PoolWorld(2);
        AnyioLimiter pool = (AnyioLimiter) w.pool(new ExecutorSpec.AnyioLimiter("anyio",
                40, seconds(10), Distribution.constant(0)));
        w.submitAt(millis(1), pool, io(millis(5)), io(millis(10)));
        w.submitAt(millis(20), pool, io(millis(1)));
        w.submitAt(seconds(20), pool, io(millis(1)));
        w.sim.runUntil(seconds(21));

        assertEquals(List.of(new Done(millis(6), "anyio-0"), new Done(millis(11), "anyio-1"),
                new Done(millis(21), "anyio-1"), new Done(seconds(20) + millis(1), "anyio-2")), w.done);
        assertEquals(3, pool.threadsStarted());
        assertEquals(1, pool.liveThreads());
        pool.checkInvariants();
    }

    /**
     * E2 with one token: the second call waits in the limiter's FIFO queue until the first call's
     * awaiting side resumes and returns the token (here at once, at 6); it then runs on the same,
     * now idle, thread: 6 to 16.
     */
    @Test
    void callsBeyondTheTokensWaitForAReturnedToken() {
        PoolWorld w = new PoolWorld(2);
        AnyioLimiter pool = (AnyioLimiter) w.pool(new ExecutorSpec.AnyioLimiter("anyio", 1, seconds(10),
                Distribution.constant(0)));
        w.submitAt(millis(1), pool, io(millis(5)), io(millis(10)));
        w.sim.runUntil(millis(50));

        assertEquals(List.of(new Done(millis(6), "anyio-0"), new Done(millis(16), "anyio-0")), w.done);
        assertEquals(1, pool.threadsStarted());
    }
}
