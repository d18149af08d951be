package dev.gilsim.scenario;

import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.asyncio.AsyncStep;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.interpreter.Step;
import dev.gilsim.kernel.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One vocabulary of steps, read by one reader, for thread programs, handlers, executor functions
 * and jobs (model.md section 2): what each place may hold, and where it refuses what it may not.
 */
class StepReaderTest {
    private static final String SERVER = """
            name: s
            duration: 1s
            servers:
              - name: api
                executors: [{name: pool, kind: thread_pool, max_workers: 2}]
                arrivals: [{burst: 1, at: 0, endpoint: work}]
                endpoints:
                  - name: work
                    kind: async
                    steps: [{cpu: 1ms}]
            """;

    private final ScenarioLoader loader = new ScenarioLoader();

    private List<ProgramStep> handler(String steps) {
        Scenario s = loader.load("s.yaml", SERVER, List.of("servers.api.endpoints.work.steps=" + steps)).first();
        return s.servers().get(0).spec().endpoints().get(0).steps();
    }

    private String error(String... sets) {
        return assertThrows(InputException.class, () -> loader.load("s.yaml", SERVER, List.of(sets))).getMessage();
    }

    private static Distribution ms(long n) {
        return Distribution.constant(millis(n));
    }

    @Test
    void aHandlerRepeatsStepsAwaitsIncludedAsAThreadProgramDoes() {
        List<ProgramStep> steps = handler("[{repeat: {times: 3, steps: [{cpu: 1ms}, {await_io: 2ms}]}}]");
        assertEquals(List.of(new ProgramStep.Repeat(3, List.of(new ProgramStep.Cpu(ms(1)),
                new AsyncStep.AwaitIo(ms(2))))), steps);
    }

    @Test
    void aFunctionRunInAnExecutorRepeatsToo() {
        List<ProgramStep> steps = handler("[{run_in_executor: {executor: pool, steps: "
                + "[{repeat: {times: 2, steps: [{native: 3ms, label: pow}]}}]}}]");
        ProgramStep.Labelled pow = new ProgramStep.Labelled("pow", new ProgramStep.Native(ms(3), false));
        assertEquals(List.of(new AsyncStep.RunInExecutor("pool", List.of(new ProgramStep.Repeat(2, List.of(pow))))),
                steps);
    }

    @Test
    void aPlainFunctionCannotAwaitEvenInsideARepeat() {
        String m = error("servers.api.endpoints.work.kind=def",
                "servers.api.endpoints.work.steps=[{repeat: {times: 2, steps: [{await_sleep: 1ms}]}}]");
        assertTrue(m.contains("a def endpoint (it runs in a worker thread) cannot await"), m);
        assertTrue(m.contains("steps[0].repeat.steps[0].await_sleep"), m);
    }

    @Test
    void onlyAThreadsProgramRunsForever() {
        String m = error("servers.api.endpoints.work.steps=[{repeat: {times: forever, steps: [{cpu: 1ms}]}}]");
        assertTrue(m.contains("must finish, so it cannot repeat forever"), m);
        String cpu = error("servers.api.endpoints.work.steps=[{cpu: forever}]");
        assertTrue(cpu.contains("steps[0].cpu"), cpu);
    }

    @Test
    void anExecutorNamedInsideARepeatMustExist() {
        String m = error("servers.api.endpoints.work.steps=[{repeat: {times: 2, steps: "
                + "[{run_in_executor: {executor: nope, steps: [{cpu: 1ms}]}}]}}]");
        assertTrue(m.contains("unknown executor 'nope'"), m);
        assertTrue(m.contains("steps[0].repeat.steps[0].run_in_executor.executor"), m);
    }

    @Test
    void anUnknownStepIsSuggestedFromEveryKindButListedForItsPlace() {
        assertTrue(error("servers.api.endpoints.work.steps=[{await_iox: 1ms}]").contains("did you mean 'await_io'?"));
        String inThread = error("servers.api.threads=[{name: t, steps: [{sleeep: 1ms}]}]");
        assertTrue(inThread.contains("did you mean 'sleep'?"), inThread);
        String listed = error("servers.api.threads=[{name: t, steps: [{frobnicate: 1ms}]}]");
        assertTrue(listed.contains("one of cpu, native, gc, io, sleep, syscall, repeat"), listed);
    }

    /**
     * A collection pass holds the GIL with no check points, as a long native call does (G4): to
     * the thread it is GIL-holding C work of its drawn length, in thread programs and handlers alike.
     */
    @Test
    void aGcPassHoldsTheGilWithNoCheckPoints() {
        List<ProgramStep> steps = handler("[{gc: 20ms, label: gen2}]");
        ProgramStep.Gc gc = new ProgramStep.Gc(ms(20));
        assertEquals(List.of(new ProgramStep.Labelled("gen2", gc)), steps);
        assertEquals(Step.Compute.nativeHolding(millis(20)), gc.toStep(null));
        assertFalse(gc.releasesGil());
        assertEquals("gc 20ms \"gen2\"", ProgramStep.describe(steps));
        Scenario s = loader.load("s.yaml", SERVER, List.of("servers.api.threads=[{name: t, steps: [{gc: 5ms}]}]")).first();
        assertEquals(List.of(new ProgramStep.Gc(ms(5))), s.servers().get(0).spec().backgroundThreads().get(0).program().steps());
    }

    @Test
    void everyStepDescribesItselfInOneVocabulary() {
        List<ProgramStep> steps = handler("[{sleep: 1ms}, {native: 2ms}, {native: {duration: 2ms, releases_gil: true}},"
                + " {repeat: {times: 2, steps: [{io: 1ms, label: db}]}}, {await_sleep: 5ms}]");
        assertEquals("time.sleep 1ms, native holding the GIL 2ms, native releasing the GIL 2ms, "
                + "2 times: [io 1ms \"db\"], await asyncio.sleep 5ms", ProgramStep.describe(steps));
    }
}
