package dev.gilsim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The copies of a thread declared with {@code count: N} are one latency in the charts and tables,
 * their samples pooled under the declared name, so that variants with 1, 2 and 3 copies compare
 * in one chart; threads that only look numbered stay apart.
 */
class CopyGroupTest {
    private static RunData run(String threads, String variants) {
        String yaml = """
                name: copies
                duration: 300ms
                warmup: 0ms
                processes:
                  - name: app
                    threads:
                %s
                %s""".formatted(threads.indent(6).stripTrailing(), variants);
        var file = new ScenarioLoader().load("copies.yaml", yaml, List.of());
        return RunData.of(file.variants().stream().map(Simulation::run).toList(), null);
    }

    private static long count(VariantData v, String key) {
        return RunData.latency(v, key).orElseThrow(() -> new AssertionError(key + " in " + v.name()))
                .recorder().count();
    }

    @Test
    void theCopiesOfAThreadAreOneKeyTheirSamplesPooledUnderItsName() {
        RunData run = run("- {name: spin, count: 1, steps: [{cpu: forever}]}", """
                variants:
                  - {name: one, set: {processes.app.threads.spin.count: 1}}
                  - {name: three, set: {processes.app.threads.spin.count: 3}}
                """);
        assertEquals(List.of("gil_wait:app/spin-1", "gil_wait:app/spin-2", "gil_wait:app/spin-3"),
                run.variants().get(1).copies().get(0).members());
        assertTrue(run.latencyKeys().contains("gil_wait:app/spin-2"), "each copy keeps its own latency");
        assertEquals(List.of("gil_wait:app/spin"), run.pooledLatencyKeys());
        assertEquals(run.pooledLatencyKeys(), run.headlineLatencies());
        VariantData one = run.variants().get(0);
        VariantData three = run.variants().get(1);
        assertTrue(one.copies().isEmpty(), "a single thread is its own");
        assertTrue(count(one, "gil_wait:app/spin") > 0);
        long copies = 0;
        for (int i = 1; i <= 3; i++) {
            copies += count(three, "gil_wait:app/spin-" + i);
        }
        assertTrue(copies > 0);
        assertEquals(copies, count(three, "gil_wait:app/spin"));
        assertTrue(three.copies().get(0).pooled().recorder().summary().maxMs()
                >= RunData.latency(three, "gil_wait:app/spin-3").orElseThrow().recorder().summary().maxMs(),
                "the pool holds every copy's samples");
    }

    @Test
    void threadsThatAreOnlyNumberedOrThatShareTheNameStayApart() {
        RunData different = run("""
                - {name: w-1, steps: [{cpu: forever}]}
                - {name: w-2, repeat: forever, steps: [{cpu: 1ms}, {sleep: 1ms}]}""", "");
        assertEquals(different.latencyKeys(), different.pooledLatencyKeys());
        // b-1 and b-2 do the same thing, but a thread named b exists: its key is its own.
        RunData named = run("""
                - {name: b, steps: [{cpu: forever}]}
                - {name: b-1, steps: [{cpu: forever}]}
                - {name: b-2, steps: [{cpu: forever}]}""", "");
        assertTrue(named.variants().get(0).parameters().stream().anyMatch(p -> p.name().endsWith("threads.b-1..2")));
        assertEquals(named.latencyKeys(), named.pooledLatencyKeys());
    }
}
