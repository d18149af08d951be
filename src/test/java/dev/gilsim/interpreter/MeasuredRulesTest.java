package dev.gilsim.interpreter;

import static dev.gilsim.Steps.cpu;
import static dev.gilsim.Steps.cpuForever;
import static dev.gilsim.interpreter.TestWorld.forever;
import static dev.gilsim.interpreter.TestWorld.once;
import static dev.gilsim.Steps.sleep;
import static dev.gilsim.Steps.syscall;
import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilsim.HandWorked;
import dev.gilsim.interpreter.TestWorld.Recorder.Mark;
import dev.gilsim.kernel.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules that measurements of real CPython added to the model (docs/model.md, section 9), each
 * on a timeline worked out by hand: C4 timer expiries, C5 halt polling, C6 the forced dropper's
 * return, C7 cold starts, C8 the zero sleep, G11 the requester.
 */
class MeasuredRulesTest {
    private static final long SLACK = micros(50);
    private static final long WAKE = micros(20);

    /** FIFO, a constant 20 us wake-up, check points every 5 us, no G11. */
    private static GilSettings gil() {
        return HandWorked.gil(millis(5), micros(5), Distribution.constant(WAKE), Distribution.constant(0),
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
        TestWorld w = new TestWorld(HandWorked.machine(2, millis(3), SLACK), 1);
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
        TestWorld w = new TestWorld(HandWorked.machine(2, millis(3), SLACK, 0, Distribution.constant(0),
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
        TestWorld w = new TestWorld(HandWorked.machine(2, millis(3), SLACK, micros(200), Distribution.constant(micros(2)), null),
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
     * C6: the forced dropper comes back 30 us after the hand-off, so a short syscall the new holder
     * makes before then has nobody to signal, and the holder takes the GIL back. Halt polling 200
     * us with a 2 us polled wake-up; "io" arrives at 1 ms and runs 10 us, a 5 us syscall, 10 us.
     * <pre>
     * 1       io finds the GIL held: timed wait until 6.05 (5 ms and the slack)
     * 6.07    blocked 5.05 ms: 20 us wake-up; io asks; the spinner (6070 us of CPU) drops at once
     *         and blocks until someone takes the GIL; FIFO signals io, blocked 0 us: polled, 2 us
     * 6.072   io takes the GIL; the spinner will be back at 6.102
     * 6.082   io's syscall releases the GIL: no waiter to signal
     * 6.087   io returns and takes the free GIL again (G7); 10 us more, then it sleeps at 6.097
     * 6.102   the spinner returns and takes the free GIL
     * </pre>
     */
    @Test
    void aForcedDropperStillOnItsWayBackLetsTheNewHolderKeepTheGilOverASyscall() {
        TestWorld w = new TestWorld(HandWorked.machine(2, millis(3), SLACK, micros(200), Distribution.constant(micros(2)),
                null, Distribution.constant(micros(30)), 0), 1);
        Interpreter p = w.process("app", gil());
        w.thread(p, "spinner", forever(cpuForever()));
        w.thread(p, "io", once(cpu(micros(10)), syscall(micros(5)), cpu(micros(10)), sleep(millis(100))), millis(1));
        w.runFor(millis(7));

        assertEquals(List.of(new Mark(millis(6.07), "io")), w.recorder.dropRequests);
        assertEquals(List.of(new Mark(0, "spinner"), new Mark(millis(6.072), "io"), new Mark(millis(6.087), "io"),
                new Mark(millis(6.102), "spinner")), w.recorder.acquisitions);
    }

    /**
     * C6 off: the same timeline with the dropper woken like any thread blocked for microseconds
     * (polled, 2 us). It is back and waiting at 6.074, so io's syscall at 6.082 signals it; it
     * takes the GIL at 6.084, before io returns at 6.087 to find it held.
     */
    @Test
    void aForcedDropperBackBeforeTheSyscallTakesTheGilFromIt() {
        TestWorld w = new TestWorld(HandWorked.machine(2, millis(3), SLACK, micros(200), Distribution.constant(micros(2)),
                null), 1);
        Interpreter p = w.process("app", gil());
        w.thread(p, "spinner", forever(cpuForever()));
        w.thread(p, "io", once(cpu(micros(10)), syscall(micros(5)), cpu(micros(10)), sleep(millis(100))), millis(1));
        w.runFor(millis(7));

        assertEquals(List.of(new Mark(0, "spinner"), new Mark(millis(6.072), "io"), new Mark(millis(6.084), "spinner")),
                w.recorder.acquisitions);
    }

    /**
     * C7: a syscall that is the first step after 400 us idle takes 1 us x sqrt(400) = 20 us longer,
     * long enough for a thread arriving meanwhile to take the free GIL (G7). Halt polling 200 us.
     * <pre>
     * 0       io takes the GIL, runs 10 us, sleeps 330 us from 0.01 (off its core from then)
     * 0.41    the sleep's timer: 0.34 + 0.05 slack + 20 us (slept 380 us: no polling); io takes the
     *         free GIL, and its syscall releases it: 2 us and the cold start, 20 us: until 0.432
     * 0.42    "other" arrives, finds the GIL free and takes it
     * 0.432   io returns to a held GIL: timed wait until 5.482, awake at 5.502, asks; other (5082 us
     *         of CPU) drops at its next check point, 5.505; io, blocked 3 us, wakes polled at 5.507
     * 5.517   io sleeps after 10 us; other, waiting since 5.507, wakes polled and takes it at 5.519
     * </pre>
     */
    @Test
    void aColdSyscallAfterAnIdleSpellLetsAnArrivingThreadTakeTheGil() {
        TestWorld w = syscallAfterASleep(micros(1), millis(6));

        assertEquals(List.of(new Mark(0, "io"), new Mark(micros(410), "io"), new Mark(micros(420), "other"),
                new Mark(millis(5.507), "io"), new Mark(millis(5.519), "other")), w.recorder.acquisitions);
        assertEquals(List.of(micros(70), millis(5.075)), w.recorder.returnDelays);
    }

    /**
     * C7 off: the same syscall takes its 2 us and io has the GIL back at 0.412; "other" arrives at
     * 0.42 to a held GIL and gets it only when io sleeps at 0.422, after its 2 us polled wake-up.
     */
    @Test
    void withoutColdStartsTheSyscallReturnsBeforeTheOtherThreadArrives() {
        TestWorld w = syscallAfterASleep(0, millis(1));

        assertEquals(List.of(new Mark(0, "io"), new Mark(micros(410), "io"), new Mark(micros(412), "io"),
                new Mark(micros(424), "other")), w.recorder.acquisitions);
    }

    /** The C7 timelines: halt polling 200 us (2 us polled); io sleeps, then syscalls; other arrives. */
    private static TestWorld syscallAfterASleep(long coldStart, long runFor) {
        TestWorld w = new TestWorld(HandWorked.machine(2, millis(3), SLACK, micros(200), Distribution.constant(micros(2)),
                null, null, coldStart), 1);
        Interpreter p = w.process("app", gil());
        w.thread(p, "io", once(cpu(micros(10)), sleep(micros(330)), syscall(micros(2)), cpu(micros(10)),
                sleep(millis(100))));
        w.thread(p, "other", forever(cpuForever()), micros(420));
        w.runFor(runFor);
        return w;
    }

    /**
     * C7 for a GIL-holding step (cold_start_holding_gil): io's first Python after 400 us idle runs
     * 1 us x sqrt(400) = 20 us longer, holding the GIL, so a thread arriving meanwhile waits.
     * <pre>
     * 0       io takes the GIL, runs 10 us, sleeps 330 us from 0.01 (off its core from then)
     * 0.41    the sleep's timer (0.34 + 0.05 slack + 20 us); io takes the free GIL and runs its
     *         10 us of Python and 20 us of cold start: until 0.44
     * 0.425   "other" arrives to a held GIL and waits
     * 0.44    io sleeps; other, blocked 15 us, wakes polled in 2 us and takes the GIL at 0.442
     * </pre>
     */
    @Test
    void aColdGilHoldingStepKeepsAnArrivingThreadWaiting() {
        TestWorld w = pythonAfterASleep(true);

        assertEquals(List.of(new Mark(0, "io"), new Mark(micros(410), "io"), new Mark(micros(442), "other")),
                w.recorder.acquisitions);
    }

    /** The same off (the default): io sleeps at 0.42 and "other" finds the GIL free at 0.425. */
    @Test
    void withoutColdPythonTheArrivingThreadFindsTheGilFree() {
        TestWorld w = pythonAfterASleep(false);

        assertEquals(List.of(new Mark(0, "io"), new Mark(micros(410), "io"), new Mark(micros(425), "other")),
                w.recorder.acquisitions);
    }

    private static TestWorld pythonAfterASleep(boolean coldHolding) {
        Distribution polled = Distribution.constant(micros(2));
        TestWorld w = new TestWorld(new OsSettings(2, millis(3), SLACK, micros(200), polled, null, null, micros(1),
                coldHolding, false, Distribution.constant(0), false, 0, 0), 1);
        Interpreter p = w.process("app", gil());
        w.thread(p, "io", once(cpu(micros(10)), sleep(micros(330)), cpu(micros(10)), sleep(millis(100))));
        w.thread(p, "other", forever(cpuForever()), micros(425));
        w.runFor(millis(1));
        return w;
    }

    /**
     * L5 through G8: what a GIL-releasing call did is done when the call ends, not when its
     * thread has the GIL back. "io" takes the GIL at 0 and sends (100 us, GIL released); the
     * spinner arrives at 10 us and takes the free GIL; the send is done at 100 us, and io, back
     * to a held GIL, waits until its timed wait asks (100 + 5,000 + 50 slack + 20 wake-up) and
     * the spinner drops at its next check point: io runs again at 5.19 ms.
     */
    @Test
    void aReleasedCallIsDoneWhenItEndsThoughItsThreadWaitsForTheGil() {
        TestWorld w = new TestWorld(HandWorked.machine(2, millis(3), SLACK), 1);
        Interpreter p = w.process("app", gil());
        long[] doneAt = {-1};
        StepSource sender = new StepSource() {
            private int step;

            @Override
            public Step next(PyThread t) {
                return switch (step++) {
                    case 0 -> new Step.ReleasedCompute(micros(100), () -> doneAt[0] = w.sim.now());
                    case 1 -> Step.Compute.python(micros(10));
                    default -> Step.EXIT;
                };
            }
        };
        p.newThread("io", sender).start(0);
        w.thread(p, "spinner", forever(cpuForever()), micros(10));
        w.runFor(millis(6));

        assertEquals(micros(100), doneAt[0]);
        assertEquals(List.of(new Mark(0, "io"), new Mark(micros(10), "spinner"), new Mark(millis(5.19), "io")),
                w.recorder.acquisitions.subList(0, 3));
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

    /**
     * C8 from 3.11: {@code time.sleep(0)} is clock_nanosleep, a timed sleep that waits the 50 us
     * slack and a 20 us wake-up, and the spinner takes the GIL it released.
     * <pre>
     * 0       io takes the GIL and runs 10 us; the spinner arrives at 5 us and waits
     * 0.01    io sleeps 0: FIFO signals the spinner, which takes the GIL at 0.03
     * 0.08    io's timer (0.01 + 50 us slack + 20 us); the GIL is held: wait until 5.13
     * 5.15    io asks; the spinner (5120 us of CPU, a multiple of 5 us) drops; io holds at 5.17
     * 5.18    io exits; the spinner, back from its forced drop at 5.19, takes the free GIL
     * </pre>
     */
    @Test
    void fromPython311AZeroSleepWaitsTheTimerSlack() {
        TestWorld w = zeroSleepBesideASpinner(-1);

        assertEquals(List.of(new Mark(0, "io"), new Mark(micros(30), "spinner"), new Mark(millis(5.17), "io"),
                new Mark(millis(5.19), "spinner")), w.recorder.acquisitions);
        assertEquals(List.of(millis(5.16)), w.recorder.returnDelays);
    }

    /**
     * C8 before 3.11: {@code time.sleep(0)} is select() with a zero timeout, a 2 us syscall that
     * never sleeps, so io is back before the spinner it signalled and takes the GIL again (G7).
     * <pre>
     * 0.01    io sleeps 0: FIFO signals the spinner (awake at 0.03); io's syscall ends at 0.012
     * 0.012   io takes the free GIL, runs 10 us and exits at 0.022
     * 0.03    the spinner wakes to a free GIL and takes it
     * </pre>
     */
    @Test
    void beforePython311AZeroSleepIsASyscallThatReturnsAtOnce() {
        TestWorld w = zeroSleepBesideASpinner(micros(2));

        assertEquals(List.of(new Mark(0, "io"), new Mark(micros(12), "io"), new Mark(micros(30), "spinner")),
                w.recorder.acquisitions);
        assertEquals(List.of(0L), w.recorder.returnDelays);
    }

    /** The C8 timelines: io runs 10 us, sleeps 0, runs 10 us; a spinner arrives at 5 us. */
    private static TestWorld zeroSleepBesideASpinner(long zeroSleepSyscall) {
        TestWorld w = new TestWorld(HandWorked.machine(2, millis(3), SLACK), 1);
        Interpreter p = w.process("app", HandWorked.gil(millis(5), micros(5), Distribution.constant(WAKE),
                Distribution.constant(0), WakeupPolicyKind.FIFO, Build.GIL, 1.4, 0.0, zeroSleepSyscall));
        w.thread(p, "io", once(cpu(micros(10)), sleep(0), cpu(micros(10))));
        w.thread(p, "spinner", forever(cpuForever()), micros(5));
        w.runFor(millis(5.5));
        return w;
    }

    private static GilSettings gilWithoutLatency(double requesterWins) {
        return HandWorked.gil(millis(5), micros(5), Distribution.constant(0), Distribution.constant(0),
                WakeupPolicyKind.FIFO, Build.GIL, 1.4, requesterWins);
    }
}
