package dev.gilsim.interpreter;

import dev.gilsim.Steps;
import static dev.gilsim.kernel.Durations.micros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.gilsim.kernel.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A thread's program hands out a step of fixed duration as the same object at every pass of its
 * place, and makes a step of drawn duration anew each time; a labelled fixed step still names
 * itself on the thread each time it runs.
 */
class ProgramRunnerTest {

    @Test
    void fixedStepsAreMadeOncePerPlaceAndDrawnStepsEachTime() {
        TestWorld world = TestWorld.twoCores();
        Interpreter app = world.process("app", TestWorld.exact());
        ProgramStep fixed = new ProgramStep.Labelled("work", new ProgramStep.Syscall(Distribution.constant(micros(13))));
        ProgramStep drawn = new ProgramStep.Io(new Distribution.Exponential(micros(10)));
        // An inner repeat, left and entered again, keeps its place's step too.
        ProgramStep.Repeat inner = new ProgramStep.Repeat(2, List.of(Steps.cpu(micros(10))));
        ProgramRunner runner = new ProgramRunner(TestWorld.forever(fixed, drawn, inner));
        PyThread t = app.newThread("t", runner);

        Step firstFixed = runner.next(t);
        assertEquals("work", t.stepLabel());
        Step firstDrawn = runner.next(t);
        Step firstInner = runner.next(t);
        assertSame(firstInner, runner.next(t), "the second pass of the inner repeat");
        t.labelStep(null);
        assertSame(firstFixed, runner.next(t));
        assertEquals("work", t.stepLabel(), "labelled again on the second pass");
        assertNotSame(firstDrawn, runner.next(t));
        assertSame(firstInner, runner.next(t), "the inner repeat entered again");
        assertEquals(new Step.ReleasedCompute(micros(13)), firstFixed);
    }
}
