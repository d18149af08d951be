package dev.gilsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.HandWorked;
import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.Machine;
import dev.gilsim.interpreter.ProgramRunner;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.WakeupPolicyKind;
import dev.gilsim.kernel.Distribution;
import dev.gilsim.kernel.RandomStreams;
import dev.gilsim.kernel.Simulator;
import java.util.List;
import org.junit.jupiter.api.Test;

class GilMetricsTest {
    private static final long US = 1_000L;

    /**
     * A loop whose call is two syscalls labelled "op" (2 and 3 us) and whose own Python is 5 us,
     * beside a thread that arrives at 1 us and holds the GIL in a 20 us native call. FIFO, no
     * wake-up latency, no slack:
     * <pre>
     * 0     io takes the GIL; its op begins with a 2 us syscall that releases the GIL
     * 1     "native" takes the free GIL until 21
     * 2     io's syscall returns to a held GIL and waits
     * 21    native exits and signals io, which takes the GIL and makes its 3 us syscall
     * 24    io has the GIL back and starts its unlabelled Python: the op took 24 us
     * 29    the next op, 29 to 34, then 39 to 44, 49 to 54, 59 to 64 ...
     * </pre>
     */
    private static ThreadMetrics io(Window window) {
        Simulator sim = new Simulator();
        GilMetrics metrics = new GilMetrics(window);
        Machine machine = new Machine(sim, new RandomStreams(1), HandWorked.machine(2, 3_000 * US, 0), metrics);
        GilSettings gil = HandWorked.gil(5_000 * US, 5 * US, new Distribution.Constant(0),
                new Distribution.Constant(0), WakeupPolicyKind.FIFO, Build.GIL, 1.4);
        Interpreter app = machine.newInterpreter("app", gil);
        PyThread io = app.newThread("io", new ProgramRunner(new ProgramStep.Repeat(ProgramStep.Repeat.FOREVER, List.of(
                new ProgramStep.Labelled("op", new ProgramStep.Syscall(new Distribution.Constant(2 * US))),
                new ProgramStep.Labelled("op", new ProgramStep.Syscall(new Distribution.Constant(3 * US))),
                new ProgramStep.Cpu(new Distribution.Constant(5 * US))))));
        PyThread holder = app.newThread("native", new ProgramRunner(new ProgramStep.Repeat(1, List.of(
                new ProgramStep.Native(new Distribution.Constant(20 * US), false)))));
        metrics.register(io);
        metrics.register(holder);
        io.start(0);
        holder.start(US);
        sim.runUntil(window.end());
        metrics.finish();
        return metrics.threads().get(0);
    }

    @Test
    void aLabelledCallIsTimedFromItsFirstStepToTheNextStepGilWaitsIncluded() {
        LatencyRecorder ops = io(new Window(0, 60 * US)).labelTimes("op");

        assertEquals(4, ops.count(), "0-24, 29-34, 39-44, 49-54; 59-64 ends after the window");
        assertTrue(ops.histogram().valuesAreEquivalent(24 * US, ops.histogram().getMaxValue()));
        assertTrue(ops.histogram().valuesAreEquivalent(5 * US, ops.histogram().getMinValue()));
    }

    @Test
    void aLabelledCallThatBeganBeforeTheWindowIsNotCounted() {
        ThreadMetrics io = io(new Window(10 * US, 60 * US));

        assertEquals(3, io.labelTimes("op").count());
        assertTrue(io.labelTimes("op").histogram().valuesAreEquivalent(5 * US,
                io.labelTimes("op").histogram().getMaxValue()));
        assertEquals(0, io.labelTimes("parse").count(), "a label that never ran has no times");
    }
}
