package dev.gilsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * `probes/condlog/condlog.py`'s `first_waits`, the count behind the overloaded server's long
 * waits (docs/model.md, section 9), on a trace written by hand, in nanoseconds. The loop lets go
 * of the GIL at 50 us, a takes it at 60 us, b (signalled by that release, the GIL taken again)
 * begins a new wait at 70.5 us, and the loop arrives at 80 us: it times out once and takes the GIL
 * at 5.1 ms. It lets go again at 5.2 ms, b takes it, the loop arrives at 5.22 ms alone and is
 * signalled when b lets go: no timeout. Half the arrivals took one timed wait, half none, and half
 * had another thread waiting afresh beside them.
 */
class FirstWaitsReplayTest {
    private static final String TRACE = "[(0, 'take', 'loop', 0), (50000, 'release', 'loop', 0),"
            + " (60000, 'take', 'a', 1), (70000, 'woken', 'b', 1), (70500, 'wait', 'b', 1),"
            + " (80000, 'wait', 'loop', 0), (5080000, 'timeout', 'loop', 0), (5080500, 'wait', 'loop', 0),"
            + " (5090000, 'release', 'a', 1), (5100000, 'take', 'loop', 0), (5200000, 'release', 'loop', 0),"
            + " (5210000, 'take', 'b', 1), (5220000, 'wait', 'loop', 0), (5300000, 'release', 'b', 1),"
            + " (5300500, 'woken', 'loop', 0), (5301000, 'take', 'loop', 0)]";

    @Test
    void theReplayCountsTimedWaitsBeforeTheTakeAndFreshWaitsBesideTheArrival() throws Exception {
        String out = CondlogReplay.json("condlog.first_waits(" + TRACE + ", 'loop')");
        assertEquals("{\"others_rewaiting_near_arrival\": 0.5, \"took_it_after_timeouts\": {\"0\": 0.5, \"1\": 0.5}}",
                out);
    }
}
