package dev.gilsim.interpreter;

import static dev.gilsim.Steps.cpu;
import static dev.gilsim.Steps.sleep;
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
 * C9: a timer sits on the core that armed it, and a core's timers whose deadlines have passed
 * fire with the one that expires; their threads then run one at a time, the last deadline first.
 * Timelines by hand: 50 us of timer slack, a 20 us timer wake-up, bursts 10 us apart.
 */
class TimerCoalescingTest {
    private static final long SLACK = micros(50);
    private static final Distribution WAKE = Distribution.constant(micros(20));

    private static GilSettings gil() {
        return HandWorked.gil(millis(5), micros(5), WAKE, Distribution.constant(0), WakeupPolicyKind.FIFO,
                Build.GIL, 1.4, 0.0);
    }

    /**
     * Two sleepers of one process, both arming on core 0 (no core is busy):
     * <pre>
     * 0       a takes the GIL and sleeps 1 ms: deadline 1.00, expiry 1.05 (the slack)
     * 0.03    b takes the GIL and sleeps 1 ms: deadline 1.03, expiry 1.08
     * 1.05    a's timer expires; b's deadline has passed: both fire, in deadline order
     * 1.07    a runs (20 us wake-up), takes the GIL, computes 5 us
     * 1.08    b runs, 10 us after a (not at 1.10, its own expiry and wake-up), takes the free GIL
     * </pre>
     */
    @Test
    void timersOnOneCoreFireTogetherInDeadlineOrder() {
        TestWorld w = new TestWorld(HandWorked.coalescingMachine(2, SLACK, WAKE, micros(10)), 1);
        Interpreter p = w.process("app", gil());
        w.thread(p, "a", once(sleep(millis(1)), cpu(micros(5))));
        w.thread(p, "b", once(sleep(millis(1)), cpu(micros(5))), micros(30));
        w.runFor(millis(2));

        assertEquals(List.of(new Mark(0, "a"), new Mark(micros(30), "b"), new Mark(millis(1.07), "a"),
                new Mark(millis(1.08), "b")), w.recorder.acquisitions);
        assertEquals(List.of(micros(70), micros(50)), w.recorder.returnDelays);
    }

    /**
     * Without C9 the same timers fire on their own: a at 1.05 + 0.02, b at 1.08 + 0.02.
     */
    @Test
    void withoutCoalescingEachTimerFiresAtItsOwnExpiry() {
        TestWorld w = new TestWorld(HandWorked.machine(2, millis(3), SLACK, 0, Distribution.constant(0), WAKE), 1);
        Interpreter p = w.process("app", gil());
        w.thread(p, "a", once(sleep(millis(1)), cpu(micros(5))));
        w.thread(p, "b", once(sleep(millis(1)), cpu(micros(5))), micros(30));
        w.runFor(millis(2));

        assertEquals(List.of(new Mark(millis(1.07), "a"), new Mark(millis(1.10), "b")),
                w.recorder.acquisitions.subList(2, 4));
    }

    /**
     * A timer is armed on a free core: while another process's thread computes on core 0, a's
     * sleep arms on core 1; b, arming after that computation ended, lands on core 0. Their timers
     * sit on different cores and fire on their own, as without C9:
     * <pre>
     * 0       x (another process) computes 20 us on core 0; a sleeps 1 ms, its timer on core 1
     * 0.03    b sleeps 1 ms, its timer on core 0 (free again, the lowest)
     * 1.05    a's timer: a runs at 1.07;  1.08: b's timer, b runs at 1.10
     * </pre>
     */
    @Test
    void timersArmedOnDifferentCoresFireOnTheirOwn() {
        TestWorld w = new TestWorld(HandWorked.coalescingMachine(2, SLACK, WAKE, micros(10)), 1);
        Interpreter other = w.process("other", gil());
        w.thread(other, "x", once(cpu(micros(20))));
        Interpreter p = w.process("app", gil());
        w.thread(p, "a", once(sleep(millis(1)), cpu(micros(5))));
        w.thread(p, "b", once(sleep(millis(1)), cpu(micros(5))), micros(30));
        w.runFor(millis(2));

        assertEquals(new Mark(millis(1.07), "a"), w.recorder.acquisitionsBy("a").get(1));
        assertEquals(new Mark(millis(1.10), "b"), w.recorder.acquisitionsBy("b").get(1));
    }

    /**
     * A burst runs its timers in deadline order, then arming order, whichever's event fired: at
     * one deadline a sleep's expiry event comes before a GIL wait's (event order), yet the GIL
     * waiter armed first runs first. h holds the app's GIL from 0 on core 0; g waits for it from
     * 0 on core 1 (deadline 5); s, of another process, then sleeps 5 ms on core 1 (deadline 5).
     * <pre>
     * 5.05    both expire: s's event fires first, and g's timer is in its burst
     * 5.07    g runs (20 us wake-up): h has held the GIL throughout, so g asks for the drop
     * 5.08    s runs, 10 us after g, and takes its own process's free GIL
     * </pre>
     */
    @Test
    void aBurstRunsItsTimersInArmingOrderAtOneDeadlineWhicheverEventFired() {
        TestWorld w = new TestWorld(HandWorked.coalescingMachine(2, SLACK, WAKE, micros(10)), 1);
        Interpreter p = w.process("app", gil());
        w.thread(p, "h", once(cpu(millis(20))));
        w.thread(p, "g", once(cpu(micros(5))));
        Interpreter other = w.process("other", gil());
        w.thread(other, "s", once(sleep(millis(5)), cpu(micros(5))));
        w.runFor(millis(6));

        assertEquals(List.of(new Mark(millis(5.07), "g")), w.recorder.dropRequests);
        assertEquals(new Mark(millis(5.08), "s"), w.recorder.acquisitionsBy("s").get(1));
    }

    /**
     * C10: a GIL waiter whose timer fired and that has not run yet keeps its place, and a release
     * meanwhile signals it; nobody else is woken. h holds the GIL and computes 5.06 ms, then
     * sleeps; w1 waits from 0, w2 from 1 ms; w1 takes the GIL and spins.
     * <pre>
     * 5.05    w1's timer (5 + 0.05 slack): it runs at 5.07
     * 5.06    h lets go: the signal goes to w1, the oldest, though its timer fired; w2 sleeps on
     * 5.07    w1 runs, signalled, and takes the free GIL
     * 6.05    w2's timer: it runs at 6.07; the holder changed in its wait, so it waits again
     * 11.14   its next wait (from 6.07) ends at 11.12 + 0.02: it asks w1 to drop
     * </pre>
     * Without C10 the release at 5.06 signals w2, which runs at 5.08, finds w1 holding the GIL
     * (w1 came back at 5.07 from its timeout) and waits again from 5.08: it asks at 10.15.
     */
    @Test
    void aWaiterWhoseTimerFiredTakesTheSignalOfAReleaseBeforeItRuns() {
        assertEquals(List.of(new Mark(millis(11.14), "w2")), expiredWaiterRun(true).dropRequests);
        assertEquals(List.of(new Mark(millis(10.15), "w2")), expiredWaiterRun(false).dropRequests);
    }

    private static TestWorld.Recorder expiredWaiterRun(boolean c10) {
        TestWorld w = new TestWorld(HandWorked.expiredWaitTakesSignal(SLACK, WAKE, c10), 1);
        Interpreter p = w.process("app", gil());
        w.thread(p, "h", once(cpu(micros(5060)), sleep(millis(10))));
        w.thread(p, "w1", TestWorld.forever(dev.gilsim.Steps.cpuForever()));
        w.thread(p, "w2", TestWorld.forever(dev.gilsim.Steps.cpuForever()), millis(1));
        w.runFor(millis(12));
        assertEquals(new Mark(millis(5.07), "w1"), w.recorder.acquisitionsBy("w1").get(0));
        return w.recorder;
    }
}
