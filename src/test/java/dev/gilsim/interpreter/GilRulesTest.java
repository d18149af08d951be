package dev.gilsim.interpreter;

import static dev.gilsim.Steps.cpu;
import static dev.gilsim.Steps.cpuForever;
import static dev.gilsim.interpreter.TestWorld.exact;
import static dev.gilsim.interpreter.TestWorld.forever;
import static dev.gilsim.Steps.io;
import static dev.gilsim.Steps.nativeHolding;
import static dev.gilsim.interpreter.TestWorld.once;
import static dev.gilsim.Steps.sleep;
import static dev.gilsim.Steps.syscall;
import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.HandWorked;
import dev.gilsim.interpreter.TestWorld.Recorder.Mark;
import dev.gilsim.kernel.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GIL rules of model.md section 3, each on a timeline worked out by hand. */
class GilRulesTest {

    /**
     * G2, G4, G9. FIFO, no wake-up latency, check points every 700 us of CPU time. Thread "cpu"
     * spins from 0; "sleeper" loops on sleep(1ms).
     * <pre>
     *  0      cpu takes the GIL; sleeper waits (timed, 5ms)
     *  5.0    sleeper times out, same holder: drop request. cpu has 5000us of work: 5000 % 700 = 100,
     *         next check point 600us on
     *  5.6    cpu drops (G5); sleeper takes, sleeps until 6.6; cpu takes the free GIL again
     *  6.6    sleeper returns, waits until 11.6
     * 11.6    request; cpu has 5600 + 6000 = 11600us: 11600 % 700 = 400, check point at 11.9
     * 11.9    cpu drops; sleeper holds the GIL 5.3 ms after its sleep ended
     * 18.2    and so on: every cycle is 1 + 5 + 0.3 ms, every return waits 5.3 ms
     * </pre>
     */
    @Test
    void returningSleeperWaitsOneIntervalThenTheNextCheckPoint() {
        TestWorld w = TestWorld.twoCores();
        Interpreter p = w.process("app", exact(micros(700)));
        w.thread(p, "cpu", forever(cpuForever()));
        w.thread(p, "sleeper", forever(sleep(millis(1))));
        w.runFor(millis(25));

        assertEquals(List.of(millis(5.6), millis(11.9), millis(18.2), millis(24.5)),
                w.recorder.times(w.recorder.forcedDrops));
        assertEquals(List.of(millis(5.3), millis(5.3), millis(5.3)), w.recorder.returnDelays);
        assertEquals(List.of(millis(5), millis(11.6), millis(17.9), millis(24.2)),
                w.recorder.times(w.recorder.dropRequests));
    }

    /**
     * The worked example: FIFO, zero latency, one CPU-bound thread, one thread sleeping
     * 1 ms in a loop: every return waits exactly one switch interval plus at most one check-point
     * spacing (here 5 us) before it holds the GIL again.
     */
    @Test
    void everyReturnWaitsOneIntervalPlusAtMostOneCheckPointSpacing() {
        TestWorld w = TestWorld.twoCores();
        Interpreter p = w.process("app", exact(micros(5)));
        w.thread(p, "cpu", forever(cpuForever()));
        w.thread(p, "sleeper", forever(sleep(millis(1))));
        w.runFor(millis(1000));

        assertTrue(w.recorder.returnDelays.size() > 150);
        for (long d : w.recorder.returnDelays) {
            assertTrue(d >= millis(5) && d <= millis(5) + micros(5), "return delay " + d);
        }
    }

    /**
     * G4: a native call that holds the GIL has no check points. "pow" starts a 300 ms native call
     * at 0; "other" arrives at 0 and asks every 5 ms (5, 10, ..., 295: 59 requests, since at 300 ms
     * the call's end, an earlier-ordered event, wins the tie with the 60th timeout). The request is
     * honoured at the step boundary right after the call: at 300 ms.
     */
    @Test
    void nativeCallHoldingTheGilIgnoresDropRequestsUntilItReturns() {
        TestWorld w = TestWorld.twoCores();
        Interpreter p = w.process("app", exact());
        w.thread(p, "pow", once(nativeHolding(millis(300)), cpu(millis(10))));
        w.thread(p, "other", forever(cpu(millis(1))));
        w.runFor(millis(301));

        assertEquals(59, w.recorder.dropRequests.size());
        assertEquals(List.of(new Mark(millis(300), "pow")), w.recorder.forcedDrops);
        assertEquals(List.of(new Mark(0, "pow"), new Mark(millis(300), "other")),
                w.recorder.acquisitions.subList(0, 2));
    }

    /**
     * G1, G3, G6. "holder" spins from 0; w1 arrives at 1 ms, w2 at 2 ms. With FIFO and no latency:
     * <pre>
     *  6   w1 times out, asks, and begins a new wait: the waiters are now [w2, w1]
     *  6   holder drops; FIFO wakes w2: w1's request was spent on another waiter
     * 11   w1 times out, but the holder changed during its wait (switch number 1 then 2): no request
     * 11   the holder, queued since its handoff at 6, asks; w2 drops; FIFO wakes w1 (waiting since 11)
     * </pre>
     */
    @Test
    void fifoSpendsOneWaitersRequestOnAnotherAndAChangedHolderMeansNoRequest() {
        TestWorld w = TestWorld.twoCores();
        Interpreter p = w.process("app", exact());
        w.thread(p, "holder", forever(cpuForever()));
        w.thread(p, "w1", forever(cpuForever()), millis(1));
        w.thread(p, "w2", forever(cpuForever()), millis(2));
        w.runFor(millis(12));

        assertEquals(List.of(new Mark(0, "holder"), new Mark(millis(6), "w2"), new Mark(millis(11), "w1")),
                w.recorder.acquisitions);
        assertEquals(List.of(new Mark(millis(6), "w1"), new Mark(millis(11), "holder")),
                w.recorder.dropRequests);
    }

    /** G6: the same start as above, but LIFO wakes the most recent waiter, w1 itself. */
    @Test
    void lifoWakesTheMostRecentWaiter() {
        TestWorld w = TestWorld.twoCores();
        Interpreter p = w.process("app", exact().withWakeupPolicy(WakeupPolicyKind.LIFO));
        w.thread(p, "holder", forever(cpuForever()));
        w.thread(p, "w1", forever(cpuForever()), millis(1));
        w.thread(p, "w2", forever(cpuForever()), millis(2));
        w.runFor(millis(7));

        assertEquals(List.of(new Mark(0, "holder"), new Mark(millis(6), "w1")), w.recorder.acquisitions);
    }

    /** G6: under "random" every waiter wins sometimes; nothing prefers the longest waiter. */
    @Test
    void randomPolicyWakesEveryWaiterSometimes() {
        int w1 = 0;
        int w2 = 0;
        for (long seed = 1; seed <= 40; seed++) {
            TestWorld w = new TestWorld(2, millis(3), seed);
            Interpreter p = w.process("app", exact().withWakeupPolicy(WakeupPolicyKind.RANDOM));
            w.thread(p, "holder", forever(cpuForever()));
            w.thread(p, "w1", forever(cpuForever()), millis(1));
            w.thread(p, "w2", forever(cpuForever()), millis(2));
            w.runFor(millis(7));
            String winner = w.recorder.acquisitions.get(1).thread();
            if (winner.equals("w1")) {
                w1++;
            } else {
                w2++;
            }
        }
        assertTrue(w1 >= 8 && w2 >= 8, "w1 won " + w1 + ", w2 won " + w2);
    }

    /**
     * G5 with a 50 us wake-up latency, two spinners a and b, FIFO:
     * <pre>
     *  0       a takes; b waits until 5
     *  5.000   b times out; it runs again at 5.050, asks; a drops at once (5050us is a check point)
     *  5.100   b, signalled at 5.050, takes; a, blocked until then, is woken for 5.150
     *  5.150   a re-enters take_gil (it could not re-take the GIL it was asked to drop): waits to 10.150
     * 10.200   a asks; b drops; a takes at 10.250. Each turn lasts interval + 3 wake-ups = 5.15 ms
     * </pre>
     */
    @Test
    void forcedDropperWaitsForTheHandoffThenQueuesWithAFreshTimer() {
        TestWorld w = TestWorld.twoCores();
        Interpreter p = w.process("app", exact().withWakeupLatency(Distribution.constant(micros(50))));
        w.thread(p, "a", forever(cpuForever()));
        w.thread(p, "b", forever(cpuForever()));
        w.runFor(millis(21));

        assertEquals(List.of(new Mark(0, "a"), new Mark(millis(5.1), "b"), new Mark(millis(10.25), "a"),
                new Mark(millis(15.4), "b"), new Mark(millis(20.55), "a")), w.recorder.acquisitions);
        assertEquals(List.of(new Mark(millis(5.05), "a"), new Mark(millis(10.2), "b"),
                new Mark(millis(15.35), "a"), new Mark(millis(20.5), "b")), w.recorder.forcedDrops);
    }

    /**
     * G7. With a 50 us wake-up latency, "io" alternates 100 us of bytecode and 2 us syscalls;
     * "cpu" waits. Each syscall (the first at 100 us) signals cpu, but io is back after 2 us and
     * takes the free GIL
     * first; cpu, running 50 us after its signal, finds it locked and, since it was signalled
     * rather than timed out, starts a fresh interval without asking (G3). It never gets the GIL.
     */
    @Test
    void threadReturningFromAShortSyscallBargesAheadOfTheWokenWaiter() {
        TestWorld w = TestWorld.twoCores();
        Interpreter p = w.process("app", exact().withWakeupLatency(Distribution.constant(micros(50))));
        w.thread(p, "io", forever(cpu(micros(100)), syscall(micros(2))));
        w.thread(p, "cpu", forever(cpuForever()));
        w.runFor(millis(20));

        assertEquals(new Mark(micros(102), "io"), w.recorder.acquisitions.get(1));
        assertEquals(List.of(), w.recorder.acquisitionsBy("cpu"));
        assertEquals(List.of(), w.recorder.dropRequests);
        assertEquals(0, p.gil().switchNumber() - 1, "only the io thread ever held the GIL");
    }

    /**
     * G8. "h" runs a 10 ms GIL-holding native call, then 1 ms of I/O; "w" arrives at 1 ms. With a
     * 50 us wake-up latency: w times out at 6, runs at 6.05 and asks; h cannot notice inside the
     * call. At 10 h releases for its I/O with the request pending, so it too waits for the
     * handoff: w, signalled at 10, takes at 10.05; only then (10.10) does h's I/O begin.
     */
    @Test
    void voluntaryReleaseWithARequestPendingWaitsForTheHandoff() {
        TestWorld w = TestWorld.twoCores();
        Interpreter p = w.process("app", exact().withWakeupLatency(Distribution.constant(micros(50))));
        w.thread(p, "h", once(nativeHolding(millis(10)), io(millis(1)), cpu(millis(1))));
        w.thread(p, "w", forever(cpuForever()), millis(1));
        w.runFor(millis(11.5));

        assertEquals(List.of(new Mark(millis(6.05), "w")), w.recorder.dropRequests);
        assertEquals(List.of(new Mark(millis(10), "h")), w.recorder.voluntaryDrops);
        assertEquals(List.of(), w.recorder.forcedDrops);
        assertEquals(new Mark(millis(10.05), "w"), w.recorder.acquisitions.get(1));
        assertTrue(w.recorder.states.contains(millis(10.1) + " h IO"), w.recorder.states.toString());
        assertTrue(w.recorder.states.contains(millis(11.1) + " h GIL_WAIT"), w.recorder.states.toString());
    }

    /** G8 without a request: the releaser takes the free GIL back at once; no switch is counted. */
    @Test
    void voluntaryReleaserRetakesAFreeGilWithoutASwitch() {
        TestWorld w = TestWorld.twoCores();
        Interpreter p = w.process("app", exact());
        w.thread(p, "h", once(io(millis(1)), cpu(millis(1)), sleep(millis(1)), cpu(millis(1))));
        w.runFor(millis(5));

        assertEquals(List.of(new Mark(0, "h"), new Mark(millis(1), "h"), new Mark(millis(3), "h")),
                w.recorder.acquisitions);
        assertEquals(1, p.gil().switchNumber());
        assertEquals(List.of(0L, 0L), w.recorder.returnDelays);
    }

    /**
     * G4's optional cost: pending work found at the check point (GC, signal handlers) runs before
     * the drop. With 100 us of it: b asks at 5 ms, a sees the request at once (5 ms is a check
     * point) but drops only at 5.1 ms, when b takes the GIL; a then waits until 10.1 ms and asks.
     */
    @Test
    void pendingWorkAtTheCheckPointDelaysTheDrop() {
        TestWorld w = TestWorld.twoCores();
        GilSettings s = exact();
        Interpreter p = w.process("app", HandWorked.gil(s.switchIntervalNanos(), s.checkIntervalNanos(), s.wakeupLatency(),
                Distribution.constant(micros(100)), s.wakeupPolicy(), s.build(), s.freeThreadedSlowdown()));
        w.thread(p, "a", forever(cpuForever()));
        w.thread(p, "b", forever(cpuForever()));
        w.runFor(millis(11));

        assertEquals(List.of(new Mark(millis(5), "b"), new Mark(millis(10.1), "a")), w.recorder.dropRequests);
        assertEquals(List.of(new Mark(millis(5.1), "a"), new Mark(millis(10.2), "b")), w.recorder.forcedDrops);
        assertEquals(new Mark(millis(5.1), "b"), w.recorder.acquisitions.get(1));
    }
}
