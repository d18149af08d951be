package dev.gilsim.interpreter;

import static dev.gilsim.Steps.cpu;
import static dev.gilsim.Steps.cpuForever;
import static dev.gilsim.Steps.sleep;
import static dev.gilsim.interpreter.TestWorld.exact;
import static dev.gilsim.interpreter.TestWorld.forever;
import static dev.gilsim.interpreter.TestWorld.once;
import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilsim.HandWorked;
import dev.gilsim.interpreter.TestWorld.Recorder.Mark;
import dev.gilsim.kernel.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * C11: when a waiter other than the asker takes the GIL, it runs on the forced dropper's core, and
 * the dropper, woken by the take, waits in that core's run queue: until another core goes idle
 * and pulls it (no sooner than the migration cost after it dropped), until the holder lets go, or
 * at the latest until the holder's slice ends. Timelines by hand, with the rule applied at every
 * such hand-off (share 1), FIFO, a 50 us wake-up latency, a 10 us hand-off wake-up (C6), check
 * points every 5 us, 3 ms slices.
 */
class DropperQueuedBehindNewHolderTest {
    private static final Distribution WAKE = Distribution.constant(micros(50));

    private static TestWorld world(double share) {
        return new TestWorld(share == 1.0
                ? HandWorked.droppersQueuedBehindNewHolder(micros(500), Distribution.constant(micros(10)))
                : HandWorked.machine(2, millis(3), 0, 0, Distribution.constant(0), null,
                        Distribution.constant(micros(10)), 0), 1);
    }

    /** The process, with spinners a and b from 0. */
    private static Interpreter spinnersAAndB(TestWorld w) {
        Interpreter p = w.process("app", exact().withWakeupLatency(WAKE));
        w.thread(p, "a", forever(cpuForever()));
        w.thread(p, "b", forever(cpuForever()));
        return p;
    }

    /**
     * Three spinners, a from 0, b waiting from 0, c waiting from 1 ms, and s, which arrives at 6 ms;
     * 500 us of migration cost.
     * <pre>
     *  5.050   b times out (5 + 0.05) and asks; a drops at once. The signal goes to c, the oldest
     *  5.100   c takes: not the asker, so a is queued behind c (at the latest to 5.1 + 3 + 0.01)
     *  6.000   s arrives and waits, to 11.000: its core goes idle and pulls a, off its core for 0.95 ms
     *  6.010   a is back and waits, to 11.010 (it runs at 11.060)
     * 10.100   b times out; the GIL changed hands in its wait, so it waits again
     * 11.050   s times out and asks; c drops; b, the oldest still waiting, is signalled
     * 11.060   a runs after its timeout, finds the GIL free and takes it
     * </pre>
     * Without the rule a is back at 5.110, asks at 10.160, and s, the oldest, takes at 10.210.
     */
    @Test
    void aDropperQueuedBehindTheNewHolderComesBackWhenAnotherCorePullsIt() {
        assertEquals(List.of(new Mark(0, "a"), new Mark(millis(5.1), "c"), new Mark(millis(11.06), "a")),
                withLateArrival(world(1.0)).acquisitions);
        assertEquals(List.of(new Mark(0, "a"), new Mark(millis(5.1), "c"), new Mark(millis(10.21), "s")),
                withLateArrival(world(0)).acquisitions);
    }

    /**
     * Still cache-hot, it is not pulled: the same threads with 1.5 ms of migration cost. s's wait
     * at 6.000 leaves a queued (0.95 ms); a runs when c's slice ends, 5.100 + 3 + 0.010 = 8.110,
     * and waits; at 11.050 it is the oldest waiter, is signalled and takes at 11.100.
     */
    @Test
    void aCacheHotDropperIsNotPulledAndRunsWhenTheHoldersSliceEnds() {
        TestWorld w = new TestWorld(HandWorked.droppersQueuedBehindNewHolder(micros(1500),
                Distribution.constant(micros(10))), 1);
        Interpreter p = spinnersAAndB(w);
        w.thread(p, "c", forever(cpuForever()), millis(1));
        w.thread(p, "s", forever(cpuForever()), millis(6));
        w.runFor(millis(8.1));
        assertEquals(2, p.gil().waiterCount(), "b and s wait; a is still queued");
        w.runFor(millis(8.11));
        assertEquals(3, p.gil().waiterCount(), "a is back and waits");
        w.runFor(millis(11.2));
        assertEquals(List.of(new Mark(0, "a"), new Mark(millis(5.1), "c"), new Mark(millis(11.1), "a")),
                w.recorder.acquisitions);
    }

    private static TestWorld.Recorder withLateArrival(TestWorld w) {
        Interpreter p = spinnersAAndB(w);
        w.thread(p, "c", forever(cpuForever()), millis(1));
        w.thread(p, "s", forever(cpuForever()), millis(6));
        w.runFor(millis(11.2));
        return w.recorder;
    }

    /**
     * The asker that wins was woken by its timeout on the other core, so the dropper is not
     * queued: two spinners take turns exactly as without the rule (G5: a drops at 5.050, b takes
     * at 5.100, a is back at 5.110 and asks at 10.160; b drops, a takes at 10.210).
     */
    @Test
    void anAskerThatWinsLeavesTheDropperItsCore() {
        TestWorld w = world(1.0);
        Interpreter p = spinnersAAndB(w);
        w.runFor(millis(10.3));

        assertEquals(List.of(new Mark(0, "a"), new Mark(millis(5.1), "b"), new Mark(millis(10.21), "a")),
                w.recorder.acquisitions);
    }

    /**
     * The holder lets go of the dropper's core: c takes at 5.100 as above, computes 2 ms and
     * sleeps. a, queued only 2 ms and not pulled yet, runs at once: back at 7.110, it finds the GIL
     * free and takes it before b, signalled at 7.100, runs at 7.150.
     */
    @Test
    void aHolderThatLetsGoFreesItsQueuedDropper() {
        TestWorld w = world(1.0);
        Interpreter p = spinnersAAndB(w);
        w.thread(p, "c", once(cpu(millis(2)), sleep(millis(100))), millis(1));
        w.runFor(millis(7.2));

        assertEquals(List.of(new Mark(0, "a"), new Mark(millis(5.1), "c"), new Mark(millis(7.11), "a")),
                w.recorder.acquisitions);
    }
}
