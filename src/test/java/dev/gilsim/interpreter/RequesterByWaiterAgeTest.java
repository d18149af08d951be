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
 * G11 by the other waiters' age (traced, docs/model.md section 9): the thread that asked for a
 * drop takes the GIL in one share against a longest other waiter that has waited 200 us or more,
 * and in another against one that began waiting less than 200 us ago. Here the shares are 1 and
 * 0, so each timeline is certain. FIFO, 20 us wake-ups, check points every 5 us, no timer slack.
 */
class RequesterByWaiterAgeTest {
    private static final RequesterWins ALWAYS_AGAINST_OLD_NEVER_AGAINST_YOUNG =
            new RequesterWins(1, 0, micros(200));

    /**
     * <pre>
     * 0       holder takes the GIL
     * 0.1     asker arrives and waits until 5.1
     * 1       other arrives and waits until 6
     * 5.1     asker's timeout; it runs at 5.12, asks, and waits again; holder (5120 us of CPU)
     *         drops at once; the longest other waiter, other, has waited 4.12 ms: the asker wins
     * 5.14    asker takes the GIL, 20 us after the signal
     * </pre>
     */
    @Test
    void theAskerWinsAgainstAnOldWaiterInItsShare() {
        TestWorld w = askerBeside(millis(1));

        assertEquals(List.of(new Mark(0, "holder"), new Mark(millis(5.14), "asker")), w.recorder.acquisitions);
    }

    /**
     * The same, other arriving at 5: at the drop (5.12) it has waited 120 us, less than 200, so
     * the asker's share is 0 and FIFO wakes other, the older wait (the asker's began at 5.12).
     */
    @Test
    void theAskerLosesToAYoungWaiterInItsShare() {
        TestWorld w = askerBeside(millis(5));

        assertEquals(List.of(new Mark(0, "holder"), new Mark(millis(5.14), "other")), w.recorder.acquisitions);
    }

    private static TestWorld askerBeside(long otherArrives) {
        TestWorld w = new TestWorld(HandWorked.machine(2, millis(3), 0), 1);
        Interpreter p = w.process("app", HandWorked.gil(millis(5), micros(5), Distribution.constant(micros(20)),
                ALWAYS_AGAINST_OLD_NEVER_AGAINST_YOUNG));
        w.thread(p, "holder", forever(cpuForever()));
        w.thread(p, "asker", forever(cpuForever()), micros(100));
        w.thread(p, "other", forever(cpuForever()), otherArrives);
        w.runFor(millis(5.15));
        return w;
    }
}
