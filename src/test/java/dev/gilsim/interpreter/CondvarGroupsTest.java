package dev.gilsim.interpreter;

import static dev.gilsim.Steps.cpuForever;
import static dev.gilsim.interpreter.TestWorld.forever;
import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilsim.HandWorked;
import dev.gilsim.interpreter.TestWorld.Recorder.Mark;
import dev.gilsim.kernel.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * G12 and C13 (docs/model.md, sections 3, 4 and 9): glibc's condition variable signals only G1,
 * the waiters present when its groups last switched, and a GIL waiter whose timer fires on the
 * holder's core may wait behind the holder there, keeping its place (C10). Together they are how
 * a thread that lost one switch to the asker takes the next one, as the AMD host's traces show.
 * Timelines by hand: 2 cores with per-core timers (C9, bursts 0 apart), no timer slack, a 50 us
 * wake-up for a signal and a timeout alike, a 100 us return of a forced or queued thread (C6),
 * 5 ms slices, check points every 5 us, FIFO, and an asker that wins every switch it is in G1 for.
 */
class CondvarGroupsTest {
    private static TestWorld world(boolean groups, double timeoutBehindHolder) {
        return world(groups, timeoutBehindHolder, millis(5));
    }

    private static TestWorld world(boolean groups, double timeoutBehindHolder, long sliceNanos) {
        OsSettings os = new OsSettings(2, sliceNanos, 0, 0, Distribution.constant(0), null,
                Distribution.constant(micros(100)), 0, false, true, Distribution.constant(0), true, 0, millis(10), 1.0,
                groups, timeoutBehindHolder, 0, null, 0, 0);
        return new TestWorld(os, 1);
    }

    /**
     * Spinners a and b from 0 (a on core 0 holds, b waits on core 1), s from 2 ms (it waits on
     * core 1 too, the free one).
     * <pre>
     *  5.000  b's timer fires; it runs at 5.050 and asks; a drops at once. G1 is empty, so the
     *         groups switch: G1 is s and b. b, the asker, is signalled and takes at 5.100, on core 1
     *  5.200  a, the forced dropper, is back (100 us after the take) and waits on core 0, to 10.200
     *  7.000  s's timer fires on core 1, where b holds: s waits behind b there (C13), to 12.000 at
     *         the latest, and keeps its place in G1 (C10)
     * 10.200  a's timer fires; it runs at 10.250 and asks; b drops and leaves core 1, so s runs
     *         100 us later, at 10.350. s is still in G1, so the groups do not switch and the signal
     *         is s's, not the asker's: a waits on. s takes the GIL at 10.350.
     * </pre>
     */
    @Test
    void aWaiterLeftInGroupOneTakesTheNextSignalAheadOfTheAsker() {
        assertEquals(List.of(new Mark(0, "a"), new Mark(millis(5.1), "b"), new Mark(millis(10.35), "s")),
                threeSpinners(world(true, 1.0)));
    }

    /**
     * Without the groups the asker wins the same release: signalled at 10.250, a takes at 10.300;
     * s, back at 10.350, finds the GIL held, and its wait is over (the GIL changed hands during
     * it), so it only waits again.
     */
    @Test
    void withoutTheGroupsTheAskerWinsThatSignal() {
        assertEquals(List.of(new Mark(0, "a"), new Mark(millis(5.1), "b"), new Mark(millis(10.3), "a")),
                threeSpinners(world(false, 1.0)));
    }

    /**
     * Without C13 s runs 50 us after its timer, at 7.050, and leaves G1 for a new wait in G2. At
     * 10.250 G1 is empty, the groups switch, and a, the asker, is in G1 with s: a takes at 10.300.
     */
    @Test
    void aWaiterThatRunsAtItsTimeoutLeavesGroupOneAndTheAskerWins() {
        TestWorld w = world(true, 0);
        assertEquals(List.of(new Mark(0, "a"), new Mark(millis(5.1), "b"), new Mark(millis(10.3), "a")),
                threeSpinners(w));
    }

    /**
     * With 3 ms slices s waits behind b only until b's slice ends, 7.000 + 3 = 10.000: it runs,
     * its wait timed out with the GIL changed hands, and it waits again, in G2. At 10.250 G1 is
     * empty, the groups switch, and a, the asker, takes at 10.300.
     */
    @Test
    void aQueuedTimeoutRunsWhenTheHoldersSliceEnds() {
        assertEquals(List.of(new Mark(0, "a"), new Mark(millis(5.1), "b"), new Mark(millis(10.3), "a")),
                threeSpinners(world(true, 1.0, millis(3))));
    }

    private static List<Mark> threeSpinners(TestWorld w) {
        Interpreter p = w.process("app", HandWorked.gil(millis(5), micros(5), Distribution.constant(micros(50)),
                Distribution.constant(0), WakeupPolicyKind.FIFO, Build.GIL, 1.4, 1.0));
        w.thread(p, "a", forever(cpuForever()));
        w.thread(p, "b", forever(cpuForever()));
        w.thread(p, "s", forever(cpuForever()), millis(2));
        w.runFor(millis(10.5));
        return w.recorder.acquisitions;
    }
}
