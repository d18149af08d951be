package dev.gilsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * `probes/condlog/condlog.py`'s `condvar_groups`, the replay that G12 rests on (docs/model.md,
 * section 9), on a trace written by hand, in nanoseconds. b waits from 0 and s from 1 ms; b times
 * out at 5 ms, waits again and a releases 1 us later: G1 is empty, so the groups switch (G1 is s
 * and b) and b, the asker, is woken. a waits from 5.1 ms in G2, times out at 10.1 ms, waits again,
 * and b releases: s is still in G1, so no switch, and s is woken. Then a, in G2, reports a
 * wake-up, which the rule forbids: one of three.
 */
class CondvarGroupsReplayTest {
    private static final String TRACE = "[(0, 'wait', 'b', 0), (1000000, 'wait', 's', 1),"
            + " (5000000, 'timeout', 'b', 0), (5000200, 'wait', 'b', 0), (5001000, 'release', 'a', 1),"
            + " (5050000, 'woken', 'b', 0), (5100000, 'wait', 'a', 1), (10100000, 'timeout', 'a', 1),"
            + " (10100200, 'wait', 'a', 1), (10101000, 'release', 'b', 0), (10150000, 'woken', 's', 1),"
            + " (10200000, 'woken', 'a', 1)]";

    @Test
    void theReplaySignalsGroupOneAndCountsAWakeUpFromGroupTwo() throws Exception {
        String out = CondlogReplay.json("condlog.condvar_groups(" + TRACE + ")");
        assertEquals("{\"winner_by_group_case\": {\"no switch (asker in G2), one waiter\": {\"oldest\": 1},"
                + " \"switched, asker in G1, 2-3 waiters\": {\"asker\": 1}}, \"woken_from_g2_share\": 0.333}", out);
    }
}
