package dev.gilsim.scenario;

import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;
import static dev.gilsim.kernel.Durations.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.asyncio.AsyncStep;
import dev.gilsim.executor.ExecutorSpec;
import dev.gilsim.executor.StartMethod;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.kernel.Distribution;
import dev.gilsim.server.ArrivalSpec;
import dev.gilsim.server.Dispatch;
import dev.gilsim.server.EndpointKind;
import dev.gilsim.server.LimitSpec;
import dev.gilsim.server.ServerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The servers section: every field, its default, and every kind of bad input. */
class ServerReaderTest {
    private static final String ONE_SERVER = """
            name: s
            duration: 1s
            servers:
              - name: api
                arrivals: [{burst: 3, at: 10ms}]
                endpoints: [{name: work, kind: def, steps: [{io: 5ms}]}]
            """;

    /**
     * Whether a value is a default is tracked from where it was read: a scenario that happens to
     * be called defaults.yaml is a scenario like any other (its server's implicit pools were taken
     * for defaults and stripped, so it failed to load).
     */
    @Test
    void aScenarioNamedDefaultsYamlIsReadAsAScenario() {
        Scenario s = new ScenarioLoader().load("defaults.yaml", ONE_SERVER, List.of()).first();
        assertEquals("api", s.servers().get(0).spec().name());
    }

    /**
     * A machine profile's values are defaults too: a profile giving job queues two workers leaves
     * a server without a job queue alone (it used to be told its job queue lacked submit and status).
     */
    @Test
    void aProfilesValuesAreDefaultsNotTheScenarios(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("p.yaml");
        Files.writeString(profile, "server:\n  jobs:\n    workers: 2\n");
        Scenario s = new ScenarioLoader(Defaults.withProfile(profile)).load("s.yaml", ONE_SERVER, List.of()).first();
        assertNull(s.servers().get(0).spec().jobs());
    }

    /**
     * A scenario called defaults.yaml gets no default's pass through validation: its job queue
     * with only workers is refused as in any other file (by file name it was taken for a default
     * and silently ignored).
     */
    @Test
    void aScenarioNamedDefaultsYamlIsValidatedAsAScenario() {
        InputException e = assertThrows(InputException.class, () -> new ScenarioLoader().load("defaults.yaml",
                ONE_SERVER + "    jobs: {workers: 2}\n", List.of()));
        assertTrue(e.getMessage().startsWith("defaults.yaml:7:"), e.getMessage());
        assertTrue(e.getMessage().contains("a job queue needs submit, status and steps too"), e.getMessage());
    }

    private static final String SERVER = """
            name: web
            duration: 2s
            servers:
              - name: api
                executors:
                  - {name: pool, kind: thread_pool, max_workers: 4}
                  - {name: procs, kind: process_pool, per_request: true}
                endpoints:
                  - name: pow
                    kind: async
                    steps:
                      - run_in_executor: {executor: pool, steps: [{native: 300ms}]}
                  - name: sync
                    kind: def
                    weight: 3
                    limit: {concurrency: 2, queue: 0}
                    steps: [{cpu: 1ms}, {io: 2ms}]
                  - name: sleepy
                    kind: async
                    steps: [{await_sleep: 5s}, {await_io: 1ms}, {to_thread: [{sleep: 1ms}]}]
                arrivals:
                  - {rate: 100/s}
                  - {interval: 1s, start: 500ms, endpoint: pow}
                  - {burst: 10, at: 1s, endpoint: sleepy}
                  - {clients: 4, think: 100ms}
            """;

    private final ScenarioLoader loader = new ScenarioLoader();

    private Scenario load(String text, String... sets) {
        return loader.load("s.yaml", text, List.of(sets)).first();
    }

    private String error(String text, String... sets) {
        return assertThrows(InputException.class, () -> loader.load("s.yaml", text, List.of(sets))).getMessage();
    }

    private static ServerSpec api(Scenario s) {
        return s.servers().get(0).spec();
    }

    @Test
    void labelsNameHandlerStepsOnTheLoopAndInExecutorsButNotAwaits() {
        String labelled = """
                name: web
                duration: 2s
                servers:
                  - name: api
                    endpoints:
                      - name: crunch
                        kind: async
                        steps:
                          - {cpu: 1ms, label: validate}
                          - run_in_executor: {executor: default, steps: [{native: 3ms, label: pow}]}
                """;
        List<ProgramStep> steps = api(load(labelled)).endpoint("crunch").steps();
        assertEquals(new ProgramStep.Labelled("validate", new ProgramStep.Cpu(Distribution.constant(millis(1)))),
                steps.get(0));
        assertEquals(new AsyncStep.RunInExecutor("default", List.of(new ProgramStep.Labelled("pow",
                new ProgramStep.Native(Distribution.constant(millis(3)), false)))), steps.get(1));
        assertTrue(error(labelled.replace("{cpu: 1ms, label: validate}", "{await_io: 1ms, label: db}"))
                .contains("steps[0].label: an await runs on no thread, so no timeline can show its label"));
    }

    @Test
    void bindsEveryPartOfAServer() {
        Scenario s = load(SERVER);
        assertTrue(s.processes().isEmpty());
        ServerSpec api = api(s);
        assertEquals(1, api.workers());
        assertEquals(Dispatch.LIFO, api.dispatch());
        assertEquals(List.of(new ArrivalSpec.Poisson(100, 0), new ArrivalSpec.FixedInterval(seconds(1), millis(500),
                "pow"), new ArrivalSpec.Burst(10, seconds(1), "sleepy"),
                new ArrivalSpec.ClosedLoop(4, Distribution.constant(millis(100)), 0)), api.arrivals());
        assertEquals(EndpointKind.SYNC, api.endpoint("sync").kind());
        assertEquals(3, api.endpoint("sync").weight());
        assertEquals(new LimitSpec(2, 0), api.endpoint("sync").limit());
        assertEquals(List.of(new AsyncStep.RunInExecutor("pool", List.of(new ProgramStep.Native(
                Distribution.constant(millis(300)), false)))), api.endpoint("pow").steps());
        assertEquals(3, api.endpoint("sleepy").steps().size());
        assertEquals(new ExecutorSpec.ThreadPool("pool", 4, false, Distribution.constant(micros(50))),
                api.executors().get(0));
        ExecutorSpec.ProcessPool procs = (ExecutorSpec.ProcessPool) api.executors().get(1);
        assertTrue(procs.perRequest());
        assertNull(procs.maxWorkers(), "left to the CPU count");
        // 3.12 on Linux forks; defaults.yaml's process_start says 4 ms in all.
        assertEquals(StartMethod.FORK, procs.startMethod());
        assertEquals(millis(4), procs.costs().parentStart().sample(null) + procs.costs().childBoot().sample(null));
        assertEquals(millis(10), api.loop().heartbeatPeriodNanos());
        assertEquals(millis(100), api.loop().slowCallbackThresholdNanos());
        assertEquals(Distribution.constant(micros(60)), api.http().parse());
        assertNull(api.jobs());
        assertNull(api.limit());
    }

    @Test
    void python314DefaultsToForkserver() {
        ExecutorSpec.ProcessPool procs = (ExecutorSpec.ProcessPool) api(load(SERVER, "python.version=3.14"))
                .executors().get(1);
        assertEquals(StartMethod.FORKSERVER, procs.startMethod());
    }

    @Test
    void setAndVariantsReachTheNewFieldsIncludingDefaults() {
        Scenario s = load(SERVER, "servers.api.loop.heartbeat=off", "servers.api.workers=4",
                "servers.api.executors.pool.per_request=true", "servers.api.http.parse=1ms",
                "servers.api.limit={concurrency: 100}");
        assertNull(api(s).loop().heartbeatPeriodNanos());
        assertEquals(4, api(s).workers());
        assertTrue(api(s).executors().get(0).perRequest());
        assertEquals(Distribution.constant(millis(1)), api(s).http().parse());
        assertEquals(LimitSpec.queueAbove(100), api(s).limit());
        // A variant may change an executor's kind: the old kind's defaults do not follow it.
        Scenario p = load(SERVER, "servers.api.executors.pool.kind=process_pool");
        assertTrue(api(p).executors().get(0) instanceof ExecutorSpec.ProcessPool);
    }

    @Test
    void implicitDefaultAndAnyioExecutorsExistWithTheirDefaultsAfterTheDeclaredOnes() {
        List<ExecutorSpec> executors = api(load(SERVER)).executors();
        assertEquals(4, executors.size());
        // Appended, so that executors.0 and executors.1 still name what the file declares.
        assertEquals("pool", executors.get(0).name());
        // defaults.yaml: a 50 us thread start-up; anyio's 40 tokens and 10 s idle retirement.
        assertEquals(new ExecutorSpec.ThreadPool("default", null, false, Distribution.constant(micros(50))),
                executors.get(2));
        assertEquals(new ExecutorSpec.AnyioLimiter("anyio", 40, seconds(10), Distribution.constant(micros(50))),
                executors.get(3));
    }

    @Test
    void setAndVariantsReachTheImplicitExecutors() {
        Scenario s = load(SERVER, "servers.api.executors.anyio.tokens=10", "servers.api.executors.default.max_workers=3");
        assertEquals(new ExecutorSpec.AnyioLimiter("anyio", 10, seconds(10), Distribution.constant(micros(50))),
                api(s).executors().get(3));
        assertEquals(new ExecutorSpec.ThreadPool("default", 3, false, Distribution.constant(micros(50))),
                api(s).executors().get(2));
        Scenario v = loader.load("s.yaml", SERVER + """
                variants:
                  - name: few
                    set: {servers.api.executors.anyio.tokens: 2}
                """, List.of()).first();
        assertEquals(2, ((ExecutorSpec.AnyioLimiter) api(v).executors().get(3)).tokens());
    }

    @Test
    void aDeclaredAnyioExecutorIsNotDuplicated() {
        Scenario s = load(SERVER.replace("- {name: procs, kind: process_pool, per_request: true}",
                "- {name: anyio, kind: anyio, tokens: 5}"));
        List<String> names = api(s).executors().stream().map(ExecutorSpec::name).toList();
        assertEquals(List.of("pool", "anyio", "default"), names);
        assertEquals(5, ((ExecutorSpec.AnyioLimiter) api(s).executors().get(1)).tokens());
    }

    @Test
    void serverPythonSettingsApplyToItsProcesses() {
        Scenario s = load(SERVER, "servers.api.python={switch_interval: 1ms}");
        assertEquals(millis(1), s.servers().get(0).gil().switchIntervalNanos());
        assertEquals(millis(5), s.python().switchIntervalNanos());
    }

    @Test
    void jobsAndBackgroundThreads() {
        Scenario s = load(SERVER, "servers.api.jobs={submit: pow, status: sleepy, workers: 3, steps: [{cpu: 1s}]}",
                "servers.api.threads=[{name: spinner, count: 2, steps: [{cpu: forever}]}]");
        assertEquals(3, api(s).jobs().workers());
        assertEquals(Distribution.constant(seconds(1)), api(s).jobs().pollInterval());
        assertEquals(List.of("spinner-1", "spinner-2"), api(s).backgroundThreads().stream()
                .map(t -> t.name()).toList());
    }

    @Test
    void badInputIsLocatedAndSaysWhatWasExpected() {
        assertEquals("s.yaml:12:41: servers[0].endpoints[0].steps[0].run_in_executor.executor: unknown executor "
                + "'pool' (expected one of anyio, default, other, procs (declare it under the server's executors))",
                error(SERVER.replace("{name: pool, kind: thread_pool, max_workers: 4}",
                        "{name: other, kind: thread_pool}")));
        assertTrue(error(SERVER, "servers.api.endpoints.sync.steps=[{await_sleep: 1s}]")
                .contains("servers[0].endpoints[1].steps[0].await_sleep: a def endpoint (it runs in a worker thread)"
                        + " cannot await"));
        assertTrue(error(SERVER, "servers.api.endpoints.pow.kind=sync").contains("'sync' is not an endpoint kind"
                + " (expected async (async def, runs on the loop) or def"));
        assertTrue(error(SERVER, "servers.api.arrivals.0.endpoint=nope").contains("unknown endpoint 'nope'"));
        assertTrue(error(SERVER, "servers.api.arrivals.0={rate: 5/s, burst: 3}").contains(
                "more than one arrival kind [rate, burst]"));
        assertTrue(error(SERVER, "servers.api.workers=100000").contains("must be at most 256"));
        assertTrue(error(SERVER, "servers.api.executors.pool.max_workers=0").contains("must be at least 1"));
        assertTrue(error(SERVER, "servers.api.executors.pool.kind=thread-pool").contains(
                "did you mean 'thread_pool'?"));
        assertTrue(error(SERVER, "servers.api.executors.procs.start_method=vfork").contains(
                "'vfork' is not a start method"));
        assertTrue(error(SERVER, "servers.api.loop.heartbeet=5ms").contains("unknown field 'heartbeet' "
                + "(did you mean 'heartbeat'?)"));
        assertTrue(error(SERVER, "servers.api.loop.heartbeat=10us").contains("is shorter than 100us"));
        assertTrue(error(SERVER, "servers.api.arrivals.0.rate=0/s").contains("rate"));
        assertTrue(error(SERVER, "servers.api.arrivals.3.clients=1000000").contains("must be at most 100000"));
        assertTrue(error(SERVER, "servers.api.jobs={submit: pow, status: pow, steps: [{cpu: 1s}]}")
                .contains("is the submit endpoint too"));
        String dup = error(SERVER + """
                processes:
                  - name: api
                    threads: [{name: t, steps: [{cpu: 1ms}]}]
                """);
        assertTrue(dup.contains("duplicate name 'api'"), dup);
        assertFalse(error(SERVER, "servers.api.endpoints=[]").isEmpty());
    }
}
