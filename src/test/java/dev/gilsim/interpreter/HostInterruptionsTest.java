package dev.gilsim.interpreter;

import static dev.gilsim.Steps.cpu;
import static dev.gilsim.Steps.nativeHolding;
import static dev.gilsim.interpreter.TestWorld.once;
import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.HandWorked;
import dev.gilsim.interpreter.TestWorld.Recorder.Mark;
import dev.gilsim.kernel.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * C14 (docs/model.md, sections 4 and 9): the host takes a running thread's core now and then (the
 * kernel's timer tick, a hypervisor's exits), once per {@code interrupt_every} of CPU time on
 * average and {@code interrupt_cost} each, so every compute step is stretched by the whole
 * interruptions that land in it. Measured on the Intel host: 20 to 35 us about 250 times a second.
 */
class HostInterruptionsTest {
    private static final long COST = micros(25);

    /** 2 cores, no slack, polling or cold starts: only the interruptions. */
    private static TestWorld world(long everyNanos) {
        return new TestWorld(new OsSettings(2, millis(3), 0, 0, Distribution.constant(0), null, null, 0, false, false,
                Distribution.constant(0), false, 0, 0, 1.0, false, 0, 0, null, everyNanos, COST), 1);
    }

    private static Interpreter interpreter(long everyNanos) {
        return world(everyNanos).process("app", gil());
    }

    /** What {@code steps} steps of {@code work} each add, one draw a step. */
    private static long[] extras(long work, int steps) {
        Interpreter p = interpreter(millis(4));
        long[] out = new long[steps];
        for (int i = 0; i < steps; i++) {
            out[i] = p.interruptions(work);
        }
        return out;
    }

    private static GilSettings gil() {
        return HandWorked.gil(millis(5), micros(5), Distribution.constant(micros(20)), Distribution.constant(0),
                WakeupPolicyKind.FIFO, Build.GIL, 1.4, 0.0);
    }

    /**
     * 100,000 steps of 40 us each at one interruption per 4 ms: 4 s of CPU time, so 1,000
     * interruptions of 25 us are expected (a Poisson count: 1,000 give or take 32). A step's given
     * duration holds the average already (0.01 interruptions, 250 ns), so a step without one is
     * 250 ns shorter and a step with k of them k x 25 us - 250 ns longer; the sum stays near 0.
     */
    @Test
    void shortStepsAreInterruptedOncePerIntervalOfTheirCpuTimeOnAverage() {
        long count = 0;
        long extra = 0;
        for (long e : extras(micros(40), 100_000)) {
            assertEquals(0, (e + 250) % COST, "a step's extra: " + e);
            count += (e + 250) / COST;
            extra += e;
        }
        assertTrue(count > 870 && count < 1130, count + " interruptions");
        assertTrue(Math.abs(extra) < 130 * COST, "the extra time of all steps: " + extra);
    }

    /**
     * A 400 ms call has 100 interruptions on average (the normal approximation: 100 give or take
     * 10); its given duration holds them, so it ends (k - 100) x 25 us away from it.
     */
    @Test
    void aLongCallJittersAroundItsGivenDuration() {
        long total = 0;
        long spread = 0;
        for (long e : extras(millis(400), 100)) {
            assertEquals(0, e % COST);
            total += e / COST;
            spread = Math.max(spread, Math.abs(e / COST));
        }
        assertTrue(Math.abs(total) < 300, total + " interruptions off the average in 100 calls");
        assertTrue(spread >= 5 && spread <= 45, "the farthest call: " + spread + " interruptions off");
    }

    @Test
    void aLoopWithoutEndAndAMachineWithoutInterruptionsAreNeverStretched() {
        assertEquals(0, interpreter(millis(4)).interruptions(Long.MAX_VALUE));
        assertEquals(0, interpreter(0).interruptions(millis(400)));
    }

    /**
     * In a run: a thread makes a 2 ms native call that holds the GIL (no check point, so a drop
     * request waits for it) and exits; a second one, waiting for the GIL since 1 us, takes it 20 us
     * (its wake-up) after the call returns. With interruptions every 1 us of CPU time (2,000
     * expected, 50 ms of them, which the 2 ms already hold), the call returns a whole number of
     * 25 us interruptions away from 2 ms, as far as the Poisson draw is from 2,000.
     */
    @Test
    void aStepEndsAsFarFromItsGivenDurationAsItsInterruptionsAreFromTheirAverage() {
        assertEquals(List.of(new Mark(0, "a"), new Mark(millis(2.02), "b")), handOff(0));
        long at = handOff(micros(1)).get(1).time();
        assertEquals(0, (at - millis(2.02)) % COST);
        long off = (at - millis(2.02)) / COST;
        assertTrue(off != 0 && Math.abs(off) < 250, off + " interruptions off the average");
    }

    private static List<Mark> handOff(long everyNanos) {
        TestWorld w = world(everyNanos);
        Interpreter p = w.process("app", gil());
        w.thread(p, "a", once(nativeHolding(millis(2))));
        w.thread(p, "b", once(cpu(micros(10))), micros(1));
        w.runFor(millis(100));
        return w.recorder.acquisitions;
    }
}
