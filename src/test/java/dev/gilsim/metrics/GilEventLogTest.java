package dev.gilsim.metrics;

import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilsim.HandWorked;
import dev.gilsim.Steps;
import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.Machine;
import dev.gilsim.interpreter.ProgramRunner;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.interpreter.WakeupPolicyKind;
import dev.gilsim.kernel.Distribution;
import dev.gilsim.kernel.RandomStreams;
import dev.gilsim.kernel.Simulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GilEventLogTest {
    /**
     * A holder and a waiter, no latencies, check points every 5 us (G2 to G6), the log's window
     * from 0.5 to 7 ms:
     * <pre>
     * 0       a takes the GIL and spins (before the window: not logged)
     * 1       b finds it held and begins a timed wait
     * 6       b's wait times out with the same holder: it asks, and waits again; a, at a check
     *         point (6000 us of CPU), lets go; the signal wakes b, which takes the GIL; a, back
     *         from its handoff, begins a wait of its own
     * </pre>
     */
    @Test
    void theLogHoldsEveryWaitRequestReleaseAndTakeInTheWindowInOrder() {
        Simulator sim = new Simulator();
        GilEventLog log = new GilEventLog(new Window(micros(500), millis(7)));
        Machine machine = new Machine(sim, new RandomStreams(1), HandWorked.machine(2, millis(3), 0), log);
        GilSettings gil = HandWorked.gil(millis(5), micros(5), Distribution.constant(0), Distribution.constant(0),
                WakeupPolicyKind.FIFO, Build.GIL, 1.4, 0.0);
        Interpreter p = machine.newInterpreter("app", gil);
        ProgramStep.Repeat spin = new ProgramStep.Repeat(ProgramStep.Repeat.FOREVER, List.of(Steps.cpuForever()));
        p.newThread("a", new ProgramRunner(spin)).start(0);
        p.newThread("b", new ProgramRunner(spin)).start(millis(1));
        sim.runUntil(millis(7));

        List<String> rows = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            rows.add(log.time(i) / 1000 + "us " + log.kind(i).csv() + " " + log.thread(i));
        }
        assertEquals(List.of("1000us wait app/b", "6000us timeout app/b", "6000us request app/b",
                "6000us wait app/b", "6000us release app/a", "6000us woken app/b", "6000us take app/b",
                "6000us wait app/a"), rows);
    }
}
