package dev.gilsim.report;

import dev.gilsim.results.RunData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.run.RunResult;
import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ScenarioFile;
import dev.gilsim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 10: report.html says what was simulated, and what the variants change stands out. */
class HtmlReportTest {
    private static final String SCENARIO = """
            name: report
            duration: 300ms
            warmup: 100ms
            servers:
              - name: api
                workers: 2
                executors: [{name: pool, kind: thread_pool, max_workers: 3}]
                endpoints:
                  - {name: ping, kind: async, steps: [{cpu: 200us}, {await_io: 2ms}]}
                  - {name: crunch, kind: def, weight: 0, steps: [{cpu: 1ms}]}
                arrivals: [{rate: 50/s, endpoint: ping}]
            variants:
              - {name: fast, set: {python.switch_interval: 1ms}}
              - {name: slow, set: {python.switch_interval: 20ms}}
            """;

    private static String html() {
        ScenarioFile file = new ScenarioLoader().load("report.yaml", SCENARIO, List.of());
        List<RunResult> results = file.variants().stream().map(Scenario::brief).map(s -> Simulation.run(s)).toList();
        return HtmlReport.render(RunData.of(results, null), List.of());
    }

    @Test
    void theParameterTableNamesEveryServerSettingHighlightsTheRowsTheVariantsChangeAndWritesSharedValuesOnce() {
        String h = html();
        assertTrue(h.contains("<tr class=\"differs\"><td><code>servers.api.python.switch_interval</code></td>"
                + "<td class=\"text\">1ms</td><td class=\"text\">20ms</td></tr>"), h);
        // A value both variants share is written once, across their two columns.
        String shared = "</code></td><td class=\"text\" colspan=\"2\">";
        assertTrue(h.contains("<tr><td><code>servers.api.workers" + shared + "2</td>"), h);
        assertTrue(h.contains("<code>servers.api.endpoints.ping" + shared + "async def, weight 1: "
                + "cpu 200us, await io 2ms</td>"), h);
        assertTrue(h.contains("<code>servers.api.endpoints.crunch" + shared + "def, weight 0: cpu 1ms</td>"), h);
        assertTrue(h.contains("<td class=\"text\" colspan=\"2\">thread pool, max_workers 3</td>"), h);
        // The implicit pools, resolved: min(32, 2 cores + 4) = 6 for the loop's default executor.
        assertTrue(h.contains("<code>servers.api.executors.default" + shared + "thread pool, "
                + "max_workers 6 (the default)</td>"), h);
        assertTrue(h.contains("<code>servers.api.arrivals.0" + shared + "Poisson, 50/s from 0 to ping"), h);
        assertFalse(h.contains("<tr class=\"differs\"><td><code>seed</code>"), "the seed is the same in both");
        // C8: 3.12's time.sleep(0) is a timed sleep.
        assertTrue(h.contains("<code>servers.api.python.zero_sleep" + shared + "a timed sleep"), h);
    }

    /**
     * The page opens with the verdict: with ping's p99 far apart between the 1 ms and 20 ms
     * intervals, a sentence names both figures and the ratio, and the table gives each variant's
     * headline p50 and p99.
     */
    @Test
    void thePageOpensWithTheVerdictNamingTheWidestDifferenceInWords() {
        // A CPU-bound thread beside the loop makes the switch interval matter.
        String contended = SCENARIO.replace("duration: 300ms", "duration: 1s").replace(
                "    arrivals: [{rate: 50/s, endpoint: ping}]",
                "    arrivals: [{rate: 50/s, endpoint: ping}]\n    threads: [{name: spinner, steps: [{cpu: forever}]}]");
        ScenarioFile file = new ScenarioLoader().load("report.yaml", contended, List.of());
        List<RunResult> results = file.variants().stream().map(s -> Simulation.run(s)).toList();
        RunData run = RunData.of(results, null);
        String h = HtmlReport.render(run, List.of());
        assertTrue(h.indexOf("id=\"verdict\"") < h.indexOf("id=\"files\""), "the verdict comes first");
        Verdict.Difference widest = Verdict.differences(run, run.headlineLatencies()).get(0);
        assertTrue(widest.ratio() >= Verdict.NOTABLE_RATIO, widest.toString());
        String sentence = Verdict.words(widest.key()) + " p99 is " + Verdict.human(widest.lowMs()) + " in "
                + widest.lowVariant() + " against " + Verdict.human(widest.highMs()) + " in " + widest.highVariant();
        assertTrue(h.contains("<li>" + sentence), sentence + "\n" + h);
        assertTrue(h.contains("<th><code>latency:api/ping</code><br>p50 / p99</th>"), h);
    }

    @Test
    void verdictFiguresReadAsMillisecondsOrSecondsWithThreeDigits() {
        assertEquals("0 ms", Verdict.human(0));
        assertEquals("under 1 us", Verdict.human(0.0004));
        assertEquals("0.614 ms", Verdict.human(0.6141));
        assertEquals("51.2 ms", Verdict.human(51.24));
        assertEquals("296 ms", Verdict.human(295.9));
        assertEquals("1.85 s", Verdict.human(1847));
        assertEquals("api/ping latency", Verdict.words("latency:api/ping"));
        assertEquals("app/sleeper GIL wait", Verdict.words("gil_wait:app/sleeper"));
    }

    /**
     * A pool of thousands of threads would be a page of thousands of rows: the table shows each
     * variant's first 200 and says where the rest are; the numbered threads' parameters are one row.
     */
    @Test
    void theThreadsTableShowsAVariantsFirst200ThreadsAndPointsToTheCsvForTheRest() {
        ScenarioFile file = new ScenarioLoader().load("many.yaml", """
                name: many
                duration: 100ms
                warmup: 0ms
                processes:
                  - name: app
                    threads: [{name: idle, count: 250, steps: [{sleep: 1s}]}]
                """, List.of());
        RunData run = RunData.of(file.variants().stream().map(s -> Simulation.run(s)).toList(), null);
        String h = HtmlReport.render(run, List.of());
        assertTrue(h.contains("<td>app/idle-200</td>"), "the 200th thread is shown");
        assertFalse(h.contains("<td>app/idle-201</td>"), "the 201st is not");
        assertTrue(h.contains("Shown: base's first 200 of 250 threads; <a href=\"threads.csv\">threads.csv</a> has every one."), h);
        assertTrue(h.contains("<code>processes.app.threads.idle-1..250</code></td><td class=\"text\">time.sleep 1s</td>"), h);
    }

    /**
     * Threads alone, more than twelve latencies: the headline keeps those that waited longest,
     * longest first, not the first twelve of the run (twenty idle threads, then two CPU-bound
     * threads that wait an interval at each hand-off; each does something of its own, so none
     * are copies pooled into one latency).
     */
    @Test
    void aRunOfManyThreadsHeadlinesTheThreadsThatWaitedLongest() {
        StringBuilder idle = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            idle.append("          - {name: idle-").append(i).append(", steps: [{sleep: ").append(1000 + i)
                    .append("ms}]}\n");
        }
        ScenarioFile file = new ScenarioLoader().load("busy.yaml", """
                name: busy
                duration: 200ms
                warmup: 0ms
                processes:
                  - name: app
                    threads:
                %s          - {name: spin-1, steps: [{cpu: forever}]}
                          - {name: spin-2, steps: [{cpu: 100s}]}
                """.formatted(idle), List.of());
        RunData run = RunData.of(file.variants().stream().map(s -> Simulation.run(s)).toList(), null);
        List<String> headline = run.headlineLatencies();
        assertEquals(RunData.MAX_HEADLINE_KEYS, headline.size());
        assertEquals(List.of("gil_wait:app/spin-1", "gil_wait:app/spin-2"), headline.subList(0, 2).stream().sorted().toList());
        assertEquals("gil_wait:app/idle-1", headline.get(2), "ties keep the run's order");
        String h = HtmlReport.render(run, List.of());
        assertTrue(h.indexOf("app/spin-") < h.indexOf("app/idle-1 GIL wait"), "the verdict names the waiting threads first");
    }
}
