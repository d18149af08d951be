package dev.gilsim.interpreter;

import static dev.gilsim.Steps.cpu;
import static dev.gilsim.interpreter.TestWorld.exact;
import static dev.gilsim.Steps.io;
import static dev.gilsim.interpreter.TestWorld.once;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.interpreter.TestWorld.Recorder.Mark;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cores and the OS (model.md section 4) and the free-threaded build (G10). */
class CoresAndBuildsTest {

    /**
     * C1, C3 and the GIL: two 10 ms CPU-bound threads in one process take turns (a 0-5, b 5-10,
     * a 10-15, b 15-20), and the waiting one uses no core: on one core the timeline is the same
     * as on two, and a third process blocked in I/O changes nothing.
     */
    @Test
    void aProcessRefusesASecondThreadOfTheSameNameButNotAnotherProcesssThread() {
        TestWorld w = TestWorld.twoCores();
        Interpreter p1 = w.process("p1", exact());
        w.thread(p1, "a", once(cpu(millis(1))));
        w.thread(w.process("p2", exact()), "a", once(cpu(millis(1))));
        assertThrows(IllegalArgumentException.class, () -> w.thread(p1, "a", once(cpu(millis(1)))));
        assertEquals(1, p1.threads().size());
    }

    @Test
    void threadsWaitingForTheGilOrBlockedInIoUseNoCore() {
        for (int cores : new int[] {1, 2}) {
            TestWorld w = new TestWorld(cores, millis(3));
            Interpreter p = w.process("app", exact());
            w.thread(p, "a", once(cpu(millis(10))));
            w.thread(p, "b", once(cpu(millis(10))));
            w.thread(w.process("io", exact()), "reader", once(io(millis(30))));
            w.runFor(millis(40));

            assertTrue(w.recorder.states.contains(millis(15) + " a DONE"), "cores=" + cores);
            assertTrue(w.recorder.states.contains(millis(20) + " b DONE"), "cores=" + cores);
        }
    }

    /** C3: each process has its own GIL, so two processes run Python in parallel on two cores. */
    @Test
    void processesRunInParallelUpToTheCoreCount() {
        TestWorld w = TestWorld.twoCores();
        w.thread(w.process("p1", exact()), "a", once(cpu(millis(10))));
        w.thread(w.process("p2", exact()), "b", once(cpu(millis(10))));
        w.runFor(millis(30));

        assertTrue(w.recorder.states.contains(millis(10) + " a DONE"));
        assertTrue(w.recorder.states.contains(millis(10) + " b DONE"));
    }

    /**
     * C2: one core, 3 ms slices. Process p1 has a and b, process p2 has x, all CPU-bound.
     * <pre>
     *  0  a takes p1's GIL and the core; b waits for the GIL; x holds p2's GIL but waits for the core
     *  3  a's slice ends: x runs; a is descheduled but keeps the GIL
     *  5  b times out and asks a to drop; a is not running, so it cannot see the request
     *  6  x's slice ends; a runs again and, at its first check point (at once), drops: b takes at 6
     * </pre>
     */
    @Test
    void descheduledHolderKeepsTheGilUntilItRunsAgain() {
        TestWorld w = new TestWorld(1, millis(3));
        Interpreter p1 = w.process("p1", exact());
        w.thread(p1, "a", once(cpu(millis(10))));
        w.thread(p1, "b", once(cpu(millis(10))));
        w.thread(w.process("p2", exact()), "x", once(cpu(millis(10))));
        w.runFor(millis(7));

        assertEquals(List.of(new Mark(millis(5), "b")), w.recorder.dropRequests);
        assertEquals(List.of(new Mark(millis(6), "a")), w.recorder.forcedDrops);
        assertEquals(List.of(new Mark(millis(6), "b")), w.recorder.acquisitionsBy("b"));
        assertTrue(w.recorder.states.contains(millis(3) + " a HOLDING_DESCHEDULED"));
    }

    /** G10: no GIL, so two threads run in parallel on two cores, each 1.4 times slower. */
    @Test
    void freeThreadedBuildRunsThreadsInParallelButSlower() {
        TestWorld w = TestWorld.twoCores();
        Interpreter p = w.process("app", exact().withBuild(Build.FREE_THREADED));
        w.thread(p, "a", once(cpu(millis(10))));
        w.thread(p, "b", once(cpu(millis(10))));
        w.runFor(millis(30));

        assertTrue(w.recorder.states.contains(millis(14) + " a DONE"));
        assertTrue(w.recorder.states.contains(millis(14) + " b DONE"));
        assertEquals(List.of(), w.recorder.acquisitions);
    }

    /**
     * C2 and G10 on one core: a and b each need 14 ms and alternate 3 ms slices: a runs 0-3, 6-9,
     * 12-15, 18-21 and 24-26 (done), b runs 3-6, 9-12, 15-18, 21-24 and 26-28 (done).
     */
    @Test
    void oversubscribedCoreIsSharedInRoundRobinSlices() {
        TestWorld w = new TestWorld(1, millis(3));
        Interpreter p = w.process("app", exact().withBuild(Build.FREE_THREADED));
        w.thread(p, "a", once(cpu(millis(10))));
        w.thread(p, "b", once(cpu(millis(10))));
        w.runFor(millis(30));

        assertTrue(w.recorder.states.contains(millis(26) + " a DONE"), w.recorder.states.toString());
        assertTrue(w.recorder.states.contains(millis(28) + " b DONE"), w.recorder.states.toString());
    }
}
