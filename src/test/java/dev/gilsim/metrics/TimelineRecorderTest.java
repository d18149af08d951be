package dev.gilsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.HandWorked;
import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.Machine;
import dev.gilsim.interpreter.ProgramRunner;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.ThreadState;
import dev.gilsim.interpreter.WakeupPolicyKind;
import dev.gilsim.kernel.Distribution;
import dev.gilsim.kernel.RandomStreams;
import dev.gilsim.kernel.Simulator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineRecorderTest {
    private static final long MS = 1_000_000L;

    /** A spinner and a 1 ms sleeper, FIFO wake-ups with no latency: a timeline worked by hand. */
    private static Timeline record(Window window, int cap, long runFor) {
        Simulator sim = new Simulator();
        TimelineRecorder recorder = new TimelineRecorder(window, cap);
        Machine machine = new Machine(sim, new RandomStreams(1), HandWorked.machine(2, 3 * MS, 0), recorder);
        GilSettings gil = HandWorked.gil(5 * MS, 5_000, new Distribution.Constant(0), new Distribution.Constant(0),
                WakeupPolicyKind.FIFO, Build.GIL, 1.4);
        Interpreter app = machine.newInterpreter("app", gil);
        PyThread spinner = app.newThread("spinner", new ProgramRunner(repeat(new ProgramStep.Cpu(null))));
        PyThread sleeper = app.newThread("sleeper", new ProgramRunner(repeat(
                new ProgramStep.Sleep(new Distribution.Constant(MS)),
                new ProgramStep.Cpu(new Distribution.Constant(20_000)))));
        recorder.register(spinner);
        recorder.register(sleeper);
        spinner.start(0);
        sleeper.start(0);
        sim.runUntil(runFor);
        recorder.finish(runFor);
        return recorder.timeline();
    }

    private static ProgramStep.Repeat repeat(ProgramStep... steps) {
        return new ProgramStep.Repeat(ProgramStep.Repeat.FOREVER, List.of(steps));
    }

    static void assertTiles(Timeline t) {
        for (int lane = 0; lane < t.lanes().size(); lane++) {
            long at = t.start();
            for (Timeline.Segment s : t.segments()) {
                if (s.lane() == lane) {
                    assertEquals(at, s.start(), "lane " + lane + " has a gap or an overlap");
                    assertTrue(s.end() > s.start());
                    at = s.end();
                }
            }
            assertEquals(t.end(), at, "lane " + lane + " does not reach the window's end");
        }
    }

    @Test
    void segmentsOfEachThreadTileTheWindow() {
        Timeline t = record(new Window(2 * MS, 30 * MS), 1000, 50 * MS);
        assertEquals(List.of(new Timeline.Lane("app", "spinner"), new Timeline.Lane("app", "sleeper")), t.lanes());
        assertEquals(2 * MS, t.start());
        assertEquals(30 * MS, t.end());
        assertFalse(t.truncated());
        assertTiles(t);
    }

    @Test
    void marksTheFirstDropRequestOneIntervalAfterTheSleeperQueued() {
        // At 0 the spinner takes the GIL and the sleeper, started second, finds it locked and waits.
        // G2: at 5 ms its timed wait expires with no switch, so it asks the spinner to drop; the
        // spinner's Python has a check point every 5 us of CPU time, and 5 ms is one, so it drops at
        // once (G5): a request on the sleeper's lane aimed at lane 0, a forced drop on lane 0.
        Timeline t = record(new Window(0, 20 * MS), 1000, 20 * MS);
        Timeline.Mark first = t.marks().get(0);
        assertEquals(new Timeline.Mark(Timeline.MarkKind.DROP_REQUEST, 1, 0, 5 * MS), first);
        assertEquals(new Timeline.Mark(Timeline.MarkKind.FORCED_DROP, 0, 0, 5 * MS), t.marks().get(1));
        Timeline.Segment spinnerFirst = t.segments().get(0);
        assertEquals(new Timeline.Segment(0, ThreadState.HOLDING, 0, 5 * MS), spinnerFirst);
    }

    /**
     * A thread alone runs a step labelled "parse" (1 ms of Python), then an unlabelled 1 ms one: its
     * holding segment splits where the label ends, though its state does not change.
     */
    @Test
    void aLabelledStepIsItsOwnSegmentCarryingTheLabel() {
        Simulator sim = new Simulator();
        TimelineRecorder recorder = new TimelineRecorder(new Window(0, 3 * MS));
        Machine machine = new Machine(sim, new RandomStreams(1), HandWorked.machine(2, 3 * MS, 0), recorder);
        Interpreter app = machine.newInterpreter("app", HandWorked.gil(5 * MS, 5_000, new Distribution.Constant(0),
                new Distribution.Constant(0), WakeupPolicyKind.FIFO, Build.GIL, 1.4));
        PyThread t = app.newThread("worker", new ProgramRunner(new ProgramStep.Repeat(1, List.of(
                new ProgramStep.Labelled("parse", new ProgramStep.Cpu(new Distribution.Constant(MS))),
                new ProgramStep.Cpu(new Distribution.Constant(MS))))));
        recorder.register(t);
        t.start(0);
        sim.runUntil(3 * MS);
        recorder.finish(3 * MS);

        assertEquals(List.of(new Timeline.Segment(0, ThreadState.HOLDING, 0, MS, "parse"),
                new Timeline.Segment(0, ThreadState.HOLDING, MS, 2 * MS, null),
                new Timeline.Segment(0, ThreadState.DONE, 2 * MS, 3 * MS, null)), recorder.timeline().segments());
    }

    @Test
    void capCutsTheWindowShortButKeepsTheTiling() {
        Timeline t = record(new Window(0, 1000 * MS), 40, 1000 * MS);
        assertTrue(t.truncated());
        assertTrue(t.end() < 1000 * MS);
        assertTrue(t.segments().size() <= 40 + t.lanes().size());
        assertTiles(t);
        assertTrue(t.marks().stream().allMatch(m -> m.at() <= t.end()));
    }

    @Test
    void aRunEndingBeforeTheWindowEndsShortensIt() {
        Timeline t = record(new Window(0, 100 * MS), 1000, 30 * MS);
        assertEquals(30 * MS, t.end());
        assertTiles(t);
    }
}
