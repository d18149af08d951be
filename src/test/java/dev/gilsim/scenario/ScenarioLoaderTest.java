package dev.gilsim.scenario;

import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.interpreter.PythonVersion;
import dev.gilsim.interpreter.RequesterWins;
import dev.gilsim.interpreter.WakeupPolicyKind;
import dev.gilsim.kernel.Distribution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
    private static final String MINIMAL = """
            name: tiny
            duration: 1s
            processes:
              - name: app
                threads:
                  - name: spinner
                    steps:
                      - cpu: forever
            """;

    private final ScenarioLoader loader = new ScenarioLoader();

    private Scenario load(String text, String... sets) {
        return loader.load("s.yaml", text, List.of(sets)).first();
    }

    private String error(String text, String... sets) {
        return assertThrows(InputException.class, () -> loader.load("s.yaml", text, List.of(sets))).getMessage();
    }

    @Test
    void leftOutFieldsTakeTheDefaultsFile() {
        Scenario s = load(MINIMAL);
        assertEquals(millis(5), s.python().switchIntervalNanos());
        assertEquals(PythonVersion.V3_12, s.version());
        assertEquals(micros(3), s.python().checkIntervalNanos());
        assertEquals(WakeupPolicyKind.FIFO, s.python().wakeupPolicy());
        assertEquals(new Distribution.LogNormal(micros(25), 0.6), s.python().wakeupLatency());
        assertEquals(new RequesterWins(0.4, 0.1, micros(200)), s.python().requesterWins());
        assertEquals(2, s.machine().cores());
        assertEquals(millis(500), s.warmupNanos());
        assertEquals(1, s.seed());
        assertEquals("base", s.variant());
    }

    @Test
    void pythonVersionSelectsVersionDependentDefaults() {
        assertEquals(100, load(MINIMAL, "python.version=3.9").python().checkIntervalNanos());
        Scenario ft = load(MINIMAL, "python.version=\"3.14\"", "python.build=free-threaded");
        assertEquals(Build.FREE_THREADED, ft.python().build());
        assertEquals(1.08, ft.python().freeThreadedSlowdown());
        assertEquals(1.4, load(MINIMAL, "python.version=3.13", "python.build=free-threaded").python()
                .freeThreadedSlowdown());
    }

    @Test
    void aZeroSleepIsASyscallBefore311AndATimedSleepFrom311() {
        for (String v : List.of("3.8", "3.9", "3.10")) {
            assertEquals(350, load(MINIMAL, "python.version=\"" + v + "\"").python().zeroSleepSyscallNanos(), v);
        }
        for (String v : List.of("3.11", "3.12", "3.13", "3.14")) {
            assertFalse(load(MINIMAL, "python.version=\"" + v + "\"").python().zeroSleepReturnsAtOnce(), v);
        }
    }

    @Test
    void stepsBindToProgramSteps() {
        Scenario s = load("""
                name: steps
                duration: 1s
                processes:
                  - name: app
                    threads:
                      - name: t
                        count: 2
                        start: 10ms
                        repeat: 3
                        steps:
                          - native: 300ms
                          - native: {duration: 2ms, releases_gil: true}
                          - io: {exponential: {mean: 5ms}}
                          - sleep: {uniform: {min: 1ms, max: 2ms}}
                          - syscall:
                          - repeat: {times: forever, steps: [{cpu: 1ms}]}
                """);
        List<ThreadSpec> threads = s.processes().get(0).threads();
        assertEquals(List.of("t-1", "t-2"), threads.stream().map(ThreadSpec::name).toList());
        assertEquals(millis(10), threads.get(0).startNanos());
        ProgramStep.Repeat p = threads.get(0).program();
        assertEquals(3, p.times());
        assertEquals(new ProgramStep.Native(Distribution.constant(millis(300)), false), p.steps().get(0));
        assertEquals(new ProgramStep.Native(Distribution.constant(millis(2)), true), p.steps().get(1));
        assertEquals(new ProgramStep.Io(new Distribution.Exponential(millis(5))), p.steps().get(2));
        assertEquals(new ProgramStep.Sleep(new Distribution.Uniform(millis(1), millis(2))), p.steps().get(3));
        assertEquals(new ProgramStep.Syscall(Distribution.constant(micros(2))), p.steps().get(4));
        assertEquals(ProgramStep.Repeat.FOREVER, ((ProgramStep.Repeat) p.steps().get(5)).times());
    }

    @Test
    void aLabelNamesTheOneStepBesideIt() {
        Scenario s = load(MINIMAL.replace("- cpu: forever", "- {cpu: 2ms, label: \"  parse JSON \"}\n          - {io: 1ms}"));
        ProgramStep.Repeat p = s.processes().get(0).threads().get(0).program();
        assertEquals(new ProgramStep.Labelled("parse JSON", new ProgramStep.Cpu(Distribution.constant(millis(2)))),
                p.steps().get(0));
        assertEquals(new ProgramStep.Io(Distribution.constant(millis(1))), p.steps().get(1));
    }

    @Test
    void aLabelOnARepeatOrWithoutAStepOrEmptyIsRefusedWhereItStands() {
        assertEquals("s.yaml:8:55: processes[0].threads[0].steps[0].label: a label names one step, not a repeat"
                + " (expected label: on the steps inside the repeat)",
                error(MINIMAL.replace("- cpu: forever", "- {repeat: {times: 2, steps: [{cpu: 1ms}]}, label: x}")));
        assertTrue(error(MINIMAL.replace("- cpu: forever", "- {label: alone}"))
                .contains("a step needs a kind besides its label"));
        assertTrue(error(MINIMAL.replace("- cpu: forever", "- {cpu: 1ms, label: \"\"}")).contains("the label is empty"));
        assertTrue(error(MINIMAL.replace("- cpu: forever", "- {cpu: 1ms, label: " + "x".repeat(61) + "}"))
                .contains("longer than 60 characters"));
    }

    @Test
    void variantsOverrideFieldsByPathAndShareTheSeed() {
        List<Scenario> vs = loader.load("s.yaml", MINIMAL + """
                variants:
                  - name: fast
                    set:
                      python.switch_interval: 1ms
                  - name: two
                    description: two spinners
                    set:
                      processes.app.threads.spinner.count: 2
                """, List.of()).variants();
        assertEquals(List.of("fast", "two"), vs.stream().map(Scenario::variant).toList());
        assertEquals(millis(1), vs.get(0).python().switchIntervalNanos());
        assertEquals(millis(5), vs.get(1).python().switchIntervalNanos());
        assertEquals(2, vs.get(1).processes().get(0).threads().size());
        assertEquals(vs.get(0).seed(), vs.get(1).seed());
    }

    @Test
    void commandLineSetOverridesTheFile() {
        Scenario s = load(MINIMAL, "python.switch_interval=250us", "seed=9", "machine.cores=8");
        assertEquals(micros(250), s.python().switchIntervalNanos());
        assertEquals(9, s.seed());
        assertEquals(8, s.machine().cores());
    }

    @Test
    void perProcessPythonSettingsOverrideTheGlobalOnes() {
        Scenario s = load(MINIMAL + """
                  - name: other
                    python: {switch_interval: 1ms}
                    threads: [{name: x, steps: [{cpu: 1ms}]}]
                """);
        assertEquals(millis(5), s.processes().get(0).gil().switchIntervalNanos());
        assertEquals(millis(1), s.processes().get(1).gil().switchIntervalNanos());
    }

    @Test
    void unknownFieldIsLocatedAndSuggestsTheClosest() {
        assertEquals("s.yaml:4:3: python.swich_interval: unknown field 'swich_interval' (did you mean "
                + "'switch_interval'?)", error(MINIMAL.replace("processes:", "python:\n  swich_interval: 1ms\nprocesses:")));
    }

    @Test
    void unknownStepSuggestsTheClosestKind() {
        assertEquals("s.yaml:8:13: processes[0].threads[0].steps[0].cpuu: unknown step 'cpuu' (did you mean 'cpu'?)",
                error(MINIMAL.replace("- cpu: forever", "- cpuu: forever")));
    }

    @Test
    void malformedYamlIsLocated() {
        String msg = error("name: x\nduration: [1s\n");
        assertEquals(true, msg.startsWith("s.yaml:3:1: duration: invalid YAML: expected ',' or ']'"), msg);
    }

    @Test
    void negativeOrZeroDurationsAreRefused() {
        String negative = error(MINIMAL.replace("duration: 1s", "duration: -1s"));
        assertEquals("s.yaml:2:11: duration:", negative.substring(0, 22), negative);
        String zero = error(MINIMAL, "python.switch_interval=0");
        assertEquals("--set:1:24: python.switch_interval:", zero.substring(0, 35), zero);
    }

    @Test
    void aNameThatWouldDriveTheTerminalIsEchoedEscapedOnOneLine() {
        String clear = error(MINIMAL.replace("name: tiny", "name: \"\\e[2Jx\\ny\""));
        assertTrue(clear.startsWith("s.yaml:1:7: name: '\\x1b[2Jx\\ny' is not a valid name"), clear);
        String huge = error(MINIMAL.replace("name: tiny", "name: " + "n".repeat(100_000)));
        assertTrue(huge.startsWith("s.yaml:1:7: name: '" + "n".repeat(57) + "...' is not a valid name"),
                huge.substring(0, 100));
        assertTrue(huge.length() < 300, "length " + huge.length());
    }

    @Test
    void aThreadRepeatingItsStepsNoTimesIsRefusedWhereItSaysSo() {
        assertEquals("s.yaml:7:17: processes[0].threads[0].repeat: a thread that repeats its steps 0 times does "
                + "nothing (expected 1 or more, or forever; count: 0 for no thread at all)",
                error(MINIMAL.replace("steps:", "repeat: 0\n        steps:")));
        assertEquals("--set:1:38: processes[0].threads[0].repeat: a thread that repeats its steps 0 times does "
                + "nothing (expected 1 or more, or forever; count: 0 for no thread at all)",
                error(MINIMAL, "processes.app.threads.spinner.repeat=0"));
    }

    @Test
    void missingFieldNamesThePath() {
        assertEquals("s.yaml:1:1: processes: missing required field (expected a list of processes, or a list of servers, or both)",
                error("name: x\nduration: 1s\n"));
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        String msg = error(MINIMAL, "machine.cores=many");
        assertEquals("--set:1:15: machine.cores:", msg.substring(0, 26), msg);
    }

    @Test
    void absurdSizesAreRefused() {
        String msg = error(MINIMAL, "machine.cores=100000");
        assertEquals(true, msg.contains("machine.cores") && msg.contains("1024"), msg);
        String threads = error(MINIMAL.replace("- name: spinner", "- name: spinner\n        count: 20000"));
        assertEquals(true, threads.contains("count") && threads.contains("10000"), threads);
        String longRun = error(MINIMAL, "duration=1000h");
        assertEquals(true, longRun.startsWith("--set:1:10: duration: is longer than a day"), longRun);
    }

    @Test
    void unknownReferencesAreRefused() {
        String set = error(MINIMAL, "processes.ap.threads.spinner.count=2");
        assertEquals("--set:1:11: processes: no item named 'ap' (did you mean 'app'?)", set);
        String variant = error(MINIMAL + """
                variants:
                  - name: v
                    set:
                      processes.app.threads.spiner.count: 2
                """);
        assertEquals(true, variant.contains("no item named 'spiner' (did you mean 'spinner'?)"), variant);
    }

    @Test
    void freeThreadedBuildNeedsPython313() {
        assertEquals("--set:1:14: python.build: Python 3.12 has no free-threaded build (expected version 3.13 or "
                + "later)", error(MINIMAL, "python.build=free-threaded"));
    }

    @Test
    void warmupMustBeShorterThanTheRun() {
        String msg = error(MINIMAL, "warmup=2s");
        assertEquals("--set:1:8: warmup: must be shorter than the duration (1s)", msg);
    }

    @Test
    void foreverLoopWithoutTimeIsRefused() {
        String msg = error(MINIMAL.replace("- cpu: forever", "- cpu: 0").replace("steps:", "repeat: forever\n        steps:"));
        assertEquals(true, msg.contains("a forever loop needs a step that takes time"), msg);
    }

    @Test
    void everyShippedScenarioLoads() throws Exception {
        List<Path> shipped;
        try (var files = Files.list(Path.of("scenarios"))) {
            shipped = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        // An empty or misplaced folder must not pass: the README's scenarios, seeds and sweeps are there.
        List<String> names = shipped.stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.size() >= 16, "only " + names);
        assertTrue(names.containsAll(List.of("sleeper-beside-cpu.yaml", "convoy-effect.yaml",
                "pow-thread-pool-vs-process-pool.yaml", "job-queue-polling.yaml", "free-threaded.yaml",
                "switch-interval-sweep.yaml", "thread-pool-size-sweep.yaml")), names.toString());
        for (Path f : shipped) {
            // Named after its file, so output/<name>/ and golden/<name>.json are found from the file name.
            String file = f.getFileName().toString();
            String name = file.substring(0, file.length() - ".yaml".length());
            assertEquals(name, loader.load(f, List.of()).name(), f.toString());
        }
    }

    @Test
    void aProcessNamedLikeAServersProcessIsRefused() {
        String msg = error(MINIMAL.replace("- name: app", "- name: api-0") + """
                servers:
                  - name: api
                    endpoints: [{name: ping, kind: async, steps: [{cpu: 1ms}]}]
                    arrivals: [{rate: 10/s}]
                """);
        assertEquals(true, msg.startsWith("s.yaml:10:11: servers[0].name: server 'api' names its processes api-0, "
                + "api-1, ..., which clashes with the process 'api-0'"), msg);
    }

    @Test
    void aJobQueueWithOnlyWorkersIsRefusedRatherThanIgnored() {
        String msg = error(MINIMAL + """
                servers:
                  - name: api
                    endpoints: [{name: ping, kind: async, steps: [{cpu: 1ms}]}]
                    arrivals: [{rate: 10/s}]
                    jobs: {workers: 4}
                """);
        assertEquals(true, msg.contains("servers[0].jobs.workers: a job queue needs submit, status and steps too"), msg);
    }

    private static final String SERVER_BESIDE_PROCESS = MINIMAL + """
            servers:
              - name: api
                workers: 4
                executors: [{name: pool, kind: thread_pool, max_workers: 10}]
                endpoints: [{name: ping, kind: async, steps: [{cpu: 100us}]}]
                threads: [{name: bg, count: 100, steps: [{cpu: forever}]}]
            """;

    @Test
    void theThreadBudgetCountsEveryThreadAScenarioCanCreateAcrossProcessesWorkersAndPools() {
        // Per worker: the loop, 100 background threads, the pool's 10, the implicit default pool's
        // min(32, 2 + 4) = 6 and anyio's 40 tokens: 157; four workers 628, and the process's spinner.
        assertEquals(1, load(SERVER_BESIDE_PROCESS).processes().size());
        String msg = assertThrows(InputException.class,
                () -> loader.withMaxThreads(628).load("s.yaml", SERVER_BESIDE_PROCESS, List.of())).getMessage();
        assertEquals("s.yaml:11:14: servers[0].workers: up to 629 threads in all (157 per worker x 4 workers, and the "
                + "rest), more than the budget of 628 (expected fewer threads, or a bigger budget with --max-threads)", msg);
        loader.withMaxThreads(629).load("s.yaml", SERVER_BESIDE_PROCESS, List.of());
    }

    @Test
    void plainProcessesBeyondTheBudgetAreRefusedAtTheCountThatCrossesIt() {
        String msg = error(MINIMAL.replace("- name: spinner", "- name: spinner\n        count: 6000")
                + "      - {name: more, count: 4001, steps: [{cpu: forever}]}\n");
        assertEquals("s.yaml:10:29: processes[0].threads[1].count: 10,001 threads in all, more than the budget of "
                + "10,000 (expected fewer threads, or a bigger budget with --max-threads)", msg);
    }

    @Test
    void aScenarioCanPointTheTimelineAtItsActionAndAMistakeInItIsLocated() {
        Scenario s = load(MINIMAL + "timeline: {start: 300ms, end: 350ms}\n");
        assertEquals(300_000_000L, s.timelineStartNanos());
        assertEquals(350_000_000L, s.timelineEndNanos());
        Scenario dflt = load(MINIMAL);
        assertEquals(dflt.warmupNanos(), dflt.timelineStartNanos(), "the end of the warm-up, by default");
        assertEquals(dflt.warmupNanos() + 200_000_000L, dflt.timelineEndNanos(), "defaults.yaml's span of 200 ms");
        Scenario startOnly = load(MINIMAL + "timeline: {start: 900ms}\n");
        assertEquals(1_000_000_000L, startOnly.timelineEndNanos(), "200 ms, cut at the run's end");
        assertEquals("s.yaml:9:19: timeline.start: is after the run ends (1s) (expected a time within the run)",
                error(MINIMAL + "timeline: {start: 2s}\n"));
        assertEquals("s.yaml:9:31: timeline.end: must come after start (300ms)",
                error(MINIMAL + "timeline: {start: 300ms, end: 100ms}\n"));
    }
}
