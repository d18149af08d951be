package dev.gilsim.interpreter;

import static dev.gilsim.Steps.cpu;
import static dev.gilsim.Steps.cpuForever;
import static dev.gilsim.Steps.syscall;
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
 * G13 (docs/model.md, sections 3 and 9): a waiter that lost a release's race and waits again
 * catches the next release's signal awake if it comes within the awake window of that new wait,
 * and runs the awake return later, not a wake-up later. Timelines by hand: 2 cores, no timer
 * slack, halt polling 200 us with a 5 us polled wake-up, a 2 us window and a 1 us return; "io"
 * loops on 2 us of Python and a 1.2 us syscall, and a CPU-bound thread arrives at 1 us.
 */
class AwakeWindowTest {
    private static List<Mark> convoy(long windowNanos) {
        OsSettings os = new OsSettings(2, millis(3), 0, micros(200), Distribution.constant(micros(5)), null, null, 0,
                false, false, Distribution.constant(0), false, 0, 0, 1.0, false, 0, windowNanos,
                Distribution.constant(micros(1)), 0, 0);
        TestWorld w = new TestWorld(os, 1);
        Interpreter p = w.process("app", HandWorked.gil(millis(5), micros(5), Distribution.constant(micros(20)),
                Distribution.constant(0), WakeupPolicyKind.FIFO, Build.GIL, 1.4, 0.0));
        w.thread(p, "io", forever(cpu(micros(2)), syscall(micros(1.2))));
        w.thread(p, "spinner", forever(cpuForever()), micros(1));
        w.runFor(micros(10));
        return w.recorder.acquisitions;
    }

    /**
     * <pre>
     * 0     io takes the GIL; the spinner arrives at 1 and waits
     * 2     io's syscall releases it and signals the spinner, whose wait is a first one, not a
     *       lost race's: it was blocked 1 us, so it wakes polled, at 7
     * 3.2   io is back and takes the free GIL; its next release, at 5.2, has no waiter; it takes
     *       the GIL again at 6.4
     * 7     the spinner runs, finds the GIL held (it lost the race) and waits again
     * 8.4   io releases: the spinner began its wait 1.4 us ago, inside the 2 us window, so it
     *       takes the signal awake and runs 1 us later
     * 9.4   the spinner takes the free GIL; io, back at 9.6, waits
     * </pre>
     */
    @Test
    void aWaiterThatLostARaceCatchesTheNextReleaseAwake() {
        assertEquals(List.of(new Mark(0, "io"), new Mark(micros(3.2), "io"), new Mark(micros(6.4), "io"),
                new Mark(micros(9.4), "spinner")), convoy(micros(2)));
    }

    /**
     * Without the window the 8.4 signal wakes the spinner polled, at 13.4, and io takes the GIL
     * back at 9.6: its releases come every 3.2 us and the spinner looks every 6.4, each time
     * 0.6 us into one of io's holds, so it loses every race.
     */
    @Test
    void withoutTheWindowTheWokenWaiterArrivesTooLate() {
        assertEquals(List.of(new Mark(0, "io"), new Mark(micros(3.2), "io"), new Mark(micros(6.4), "io"),
                new Mark(micros(9.6), "io")), convoy(0));
    }
}
