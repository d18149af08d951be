package dev.gilsim.interpreter;

import static dev.gilsim.Steps.cpu;
import static dev.gilsim.Steps.cpuForever;
import static dev.gilsim.Steps.sleep;
import static dev.gilsim.Steps.syscall;
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
 * C12: a host whose syscalls are slower keeps the GIL released longer at each one, so a thread
 * arriving meanwhile takes it (measured: a pipe write and read takes 3.3 us on the AMD VM against
 * 1.1 to 1.4 on the Intel one, docs/model.md section 9). Halt polling 200 us (2 us polled), a
 * 50 us timer slack, a 20 us wake-up, check points every 5 us.
 */
class SyscallScaleTest {
    /**
     * Syscalls as given: io takes the GIL at 0, runs 10 us and sleeps 330 us; its timer fires at
     * 0.39 (slack) and it runs 20 us later, 0.41, and takes the free GIL; its 2 us syscall releases
     * it until 0.412, when io takes it back. "other" arrives at 0.415 to a held GIL and gets it
     * when io sleeps at 0.422, after its 2 us polled wake-up: 0.424.
     */
    @Test
    void aSyscallAsGivenReturnsBeforeTheArrivingThreadComes() {
        TestWorld w = syscallWithAThreadArrivingAt(micros(415), 1.0);

        assertEquals(List.of(new Mark(0, "io"), new Mark(micros(410), "io"), new Mark(micros(412), "io"),
                new Mark(micros(424), "other")), w.recorder.acquisitions);
    }

    /**
     * The same on a host five times slower: the syscall runs 10 us, 0.41 to 0.42, so "other",
     * arriving at 0.415, finds the GIL free and takes it at once (G7), and io comes back to a held
     * GIL.
     */
    @Test
    void aSlowerHostsSyscallLetsTheArrivingThreadTakeTheGil() {
        TestWorld w = syscallWithAThreadArrivingAt(micros(415), 5.0);

        assertEquals(List.of(new Mark(0, "io"), new Mark(micros(410), "io"), new Mark(micros(415), "other")),
                w.recorder.acquisitions);
    }

    @Test
    void aScaledSyscallIsRoundedToTheNanosecondAndAScaleOfOneChangesNothing() {
        OsSettings m = HandWorked.machine(2, millis(3), 0);
        assertEquals(351, m.syscallNanos(351));
        assertEquals(1_011, m.withSyscallScale(2.88).syscallNanos(351));
    }

    private static TestWorld syscallWithAThreadArrivingAt(long arrival, double scale) {
        OsSettings machine = HandWorked.machine(2, millis(3), micros(50), micros(200), Distribution.constant(micros(2)),
                null).withSyscallScale(scale);
        TestWorld w = new TestWorld(machine, 1);
        Interpreter p = w.process("app", HandWorked.gil(millis(5), micros(5), Distribution.constant(micros(20)),
                Distribution.constant(0), WakeupPolicyKind.FIFO, Build.GIL, 1.4, 0.0));
        w.thread(p, "io", once(cpu(micros(10)), sleep(micros(330)), syscall(micros(2)), cpu(micros(10)),
                sleep(millis(100))));
        w.thread(p, "other", forever(cpuForever()), arrival);
        w.runFor(millis(1));
        return w;
    }
}
