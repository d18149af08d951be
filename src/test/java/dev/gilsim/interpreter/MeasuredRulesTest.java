package dev.gilsim.interpreter;

import static dev.gilsim.interpreter.TestWorld.cpu;
import static dev.gilsim.interpreter.TestWorld.cpuForever;
import static dev.gilsim.interpreter.TestWorld.forever;
import static dev.gilsim.interpreter.TestWorld.once;
import static dev.gilsim.interpreter.TestWorld.sleep;
import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilsim.interpreter.TestWorld.Recorder.Mark;
import dev.gilsim.kernel.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules that measurements of real CPython added to the model (docs/model.md, section 9), each
 * on a timeline worked out by hand: C4 timer expiries, C5 halt polling, G11 the requester.
 */
class MeasuredRulesTest {
    private static final long SLACK = micros(50);
    private static final long WAKE = micros(20);

    /** FIFO, a constant 20 us wake-up, check points every 5 us, no G11. */
    private static GilSettings gil() {
        return new GilSettings(millis(5), micros(5), Distribution.constant(WAKE), Distribution.constant(0),
                WakeupPolicyKind.FIFO, Build.GIL, 1.4, 0.0);
    }

    /**
     * C4: a sleep's timer and a timed GIL wait both end late by the 50 us timer slack, and the
     * thread then needs its 20 us wake-up. No halt polling.
     * <pre>
     * 0       sleeper takes the GIL and sleeps 1 ms; spinner takes the free GIL
     * 1.07    the sleep's timer: 1 + 0.05 slack + 0.02 wake-up; the GIL is held: wait until 6.12
     * 6.12    the wait's timeout (1.07 + 5 + 0.05 slack); the sleeper runs at 6.14 and asks
     * 6.14    the spinner is at 6140 us of CPU, a multiple of 5 us: it drops at once; FIFO signals
     *         the sleeper, which runs 20 us later
     * 6.16    the sleeper holds the GIL: 5.16 ms after its sleep was due
     * </pre>
     */
    @Test
    void timerExpiriesEndLateByTheSlackAndAWakeUp() {
        TestWorld w = new TestWorld(new OsSettings(2, millis(3), SLACK), 1);
        Interpreter p = w.process("app", gil());
        w.thread(p, "sleeper", once(sleep(millis(1)), cpu(micros(10))));
        w.thread(p, "spinner", forever(cpuForever()));
        w.runFor(millis(7));

        assertEquals(List.of(new Mark(0, "sleeper"), new Mark(0, "spinner"), new Mark(millis(6.16), "sleeper")),
                w.recorder.acquisitions.subList(0, 3));
        assertEquals(List.of(new Mark(millis(6.14), "sleeper")), w.recorder.dropRequests);
        assertEquals(List.of(millis(5.16)), w.recorder.returnDelays);
    }

    /**
     * C4 with its own timer wake-up (30 us) beside G6's signal wake-up (20 us): the timeline above,
     * where every timer now costs 30 us and only the handoff's signal 20.
     * <pre>
     * 1.08    the sleep's timer: 1 + 0.05 slack + 0.03; the GIL is held: wait until 6.13
     * 6.16    the wait's timeout, 6.13 + 0.03: the sleeper asks; the spinner (6160 us of CPU, a
     *         multiple of 5 us) drops at once; the signal reaches the sleeper 20 us later
     * 6.18    the sleeper holds the GIL: 5.18 ms after its sleep was due
     * </pre>
     */
    @Test
    void timersWakeThreadsAfterTheTimerWakeUpAndSignalsAfterTheSignalOne() {
        TestWorld w = new TestWorld(new OsSettings(2, millis(3), SLACK, 0, Distribution.constant(0),
                Distribution.constant(micros(30))), 1);
        Interpreter p = w.process("app", gil());
        w.thread(p, "sleeper", once(sleep(millis(1)), cpu(micros(10))));
        w.thread(p, "spinner", forever(cpuForever()));
        w.runFor(millis(7));

        assertEquals(List.of(new Mark(millis(6.16), "sleeper")), w.recorder.dropRequests);
        assertEquals(new Mark(millis(6.18), "sleeper"), w.recorder.acquisitions.get(2));
        assertEquals(List.of(millis(5.18)), w.recorder.returnDelays);
    }

    /**
     * C5: with 200 us of halt polling, a thread that blocked for less than that wakes in the
     * polled 2 us; a longer block pays the full 20 us.
     * <pre>
     * 0       sleeper takes the GIL, sleeps 100 us; spinner takes the free GIL
     * 0.152   timer: 0.1 + 0.05 slack; blocked 150 us, under 200: polled wake-up, 2 us
     * 5.202   the GIL wait times out (0.152 + 5 + 0.05); blocked 5.05 ms: 20 us wake-up
     * 5.222   the sleeper asks; the spinner is 2 us past a check point, so drops at 5.225
     * 5.225   FIFO signals the sleeper, blocked 3 us since it asked: polled, it runs at 5.227
     * </pre>
     */
    @Test
    void aThreadBlockedShorterThanTheHaltPollingWindowWakesFast() {
        TestWorld w = new TestWorld(new OsSettings(2, millis(3), SLACK, micros(200), Distribution.constant(micros(2)), null),
                1);
        Interpreter p = w.process("app", gil());
        w.thread(p, "sleeper", once(sleep(micros(100)), cpu(micros(10))));
        w.thread(p, "spinner", forever(cpuForever()));
        w.runFor(millis(6));

        assertEquals(List.of(new Mark(millis(5.222), "sleeper")), w.recorder.dropRequests);
        assertEquals(List.of(new Mark(millis(5.225), "spinner")), w.recorder.forcedDrops);
        assertEquals(new Mark(millis(5.227), "sleeper"), w.recorder.acquisitions.get(2));
        assertEquals(List.of(millis(5.127)), w.recorder.returnDelays);
    }

    /**
     * G11, the FIFO timeline of GilRulesTest with the requester always winning: at 6 w1 times out
     * and asks; the holder drops at once; the signal wakes w1, the requester, not w2, the oldest
     * waiter. At 11 the holder, queued since its handoff at 6, asks in turn and wins the same way.
     */
    @Test
    void aRequestedDropGoesToTheRequesterWhenItWins() {
        TestWorld w = TestWorld.twoCores();
        Interpreter p = w.process("app", gilWithoutLatency(1.0));
        w.thread(p, "holder", forever(cpuForever()));
        w.thread(p, "w1", forever(cpuForever()), millis(1));
        w.thread(p, "w2", forever(cpuForever()), millis(2));
        w.runFor(millis(12));

        assertEquals(List.of(new Mark(millis(6), "w1"), new Mark(millis(11), "holder")), w.recorder.dropRequests);
        assertEquals(List.of(new Mark(0, "holder"), new Mark(millis(6), "w1"), new Mark(millis(11), "holder")),
                w.recorder.acquisitions);
    }

    /** G11 with the requester never winning is plain FIFO: w1's request is spent on w2. */
    @Test
    void aRequesterThatLosesLeavesTheChoiceToTheWakeupPolicy() {
        TestWorld w = TestWorld.twoCores();
        Interpreter p = w.process("app", gilWithoutLatency(0.0));
        w.thread(p, "holder", forever(cpuForever()));
        w.thread(p, "w1", forever(cpuForever()), millis(1));
        w.thread(p, "w2", forever(cpuForever()), millis(2));
        w.runFor(millis(7));

        assertEquals(List.of(new Mark(0, "holder"), new Mark(millis(6), "w2")), w.recorder.acquisitions);
    }

    /**
     * G11 applies to requested drops only: "sleeper" releases the GIL for its sleep at 6.01
     * without any request pending, and FIFO, not the requester rule, picks who gets it.
     * <pre>
     * 0     holder spins; sleeper arrives at 1, w2 at 2 (both wait)
     * 6     sleeper asks and wins (requester_wins 1): holds from 6, runs 10 us, sleeps 1 ms
     * 6.01  a voluntary release, no request: FIFO wakes w2, waiting since 2
     * </pre>
     */
    @Test
    void aVoluntaryReleaseWithoutARequestFollowsTheWakeupPolicy() {
        TestWorld w = TestWorld.twoCores();
        Interpreter p = w.process("app", gilWithoutLatency(1.0));
        w.thread(p, "holder", forever(cpuForever()));
        w.thread(p, "sleeper", forever(cpu(micros(10)), sleep(millis(1))), millis(1));
        w.thread(p, "w2", forever(cpuForever()), millis(2));
        w.runFor(millis(6.5));

        assertEquals(List.of(new Mark(0, "holder"), new Mark(millis(6), "sleeper"), new Mark(millis(6.01), "w2")),
                w.recorder.acquisitions);
    }

    private static GilSettings gilWithoutLatency(double requesterWins) {
        return new GilSettings(millis(5), micros(5), Distribution.constant(0), Distribution.constant(0),
                WakeupPolicyKind.FIFO, Build.GIL, 1.4, requesterWins);
    }
}
