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
 * at the latest for the scheduler's period (two slices). Timelines by hand, with the rule applied
 * at every such hand-off (share 1), FIFO, a 50 us wake-up latency, a 10 us hand-off wake-up (C6),
 * check points every 5 us, 500 us of migration cost, 3 ms slices.
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
     * Three spinners: a from 0, b waiting from 0, c waiting from 1 ms.
     * <pre>
     *  5.050   b times out (5 + 0.05) and asks; a drops at once. The signal goes to c, the oldest
     *  5.100   c takes: not the asker, so a is queued behind c (at the latest 5.1 + 6 + 0.01)
     * 10.100   b times out; the GIL changed hands, so it waits again: its core goes idle and
     *          pulls a, queued 5.05 ms (more than 0.5)
     * 10.110   a is back and waits, to 15.110, when its timer fires; it runs at 15.160
     * 15.150   b times out (its wait from 10.1 saw no switch) and asks; c drops
     * 15.160   a runs, finds the GIL free and takes it: c held it 10.06 ms, a switch an interval late
     * </pre>
     * Without the rule a is back at 5.110, asks at 10.160, and b, the oldest, takes at 10.210.
     */
    @Test
    void aDropperQueuedBehindTheNewHolderComesBackWhenAnotherCorePullsItAndTheSwitchSlips() {
        assertEquals(List.of(new Mark(0, "a"), new Mark(millis(5.1), "c"), new Mark(millis(15.16), "a")),
                spinners(1.0).acquisitions);
        assertEquals(List.of(new Mark(0, "a"), new Mark(millis(5.1), "c"), new Mark(millis(10.21), "b")),
                spinners(0).acquisitions);
    }

    private static TestWorld.Recorder spinners(double share) {
        TestWorld w = world(share);
        Interpreter p = spinnersAAndB(w);
        w.thread(p, "c", forever(cpuForever()), millis(1));
        w.runFor(millis(15.21));
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

    /**
     * Still cache-hot, it is not pulled; at the latest it runs after the scheduler's period. The
     * spinners of the first timeline with 7 ms of migration cost: b's wait at 10.100 does not pull
     * a (queued 5.05 ms), which comes back at 5.100 + 6 + 0.010 = 11.110.
     */
    @Test
    void aCacheHotDropperIsNotPulledAndRunsAfterTheSchedulersPeriod() {
        TestWorld w = new TestWorld(HandWorked.droppersQueuedBehindNewHolder(millis(7),
                Distribution.constant(micros(10))), 1);
        Interpreter p = spinnersAAndB(w);
        w.thread(p, "c", forever(cpuForever()), millis(1));
        w.runFor(millis(11.1));
        assertEquals(1, p.gil().waiterCount(), "only b waits; a is still queued");
        w.runFor(millis(11.11));
        assertEquals(2, p.gil().waiterCount(), "a is back and waits");
    }
}
