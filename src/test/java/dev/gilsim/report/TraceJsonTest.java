package dev.gilsim.report;

import dev.gilsim.results.RunData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gilsim.metrics.Timeline;
import dev.gilsim.run.RunResult;
import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 10: trace.json shows each HTTP request as an async slice on the worker that served it. */
class TraceJsonTest {
    /** One request a 50 ms: the ones arriving at 100 and 150 ms lie in the 100 to 200 ms window. */
    private static final String SCENARIO = """
            name: trace
            duration: 400ms
            warmup: 50ms
            timeline: {start: 100ms, end: 200ms}
            servers:
              - name: api
                endpoints: [{name: ping, kind: async, steps: [{cpu: 1ms}]}]
                arrivals: [{interval: 50ms, start: 0}]
            """;

    /**
     * A spinner and a 1 ms sleeper: each forced drop is one flow from the sleeper's request (on
     * its track) through the spinner's drop to the sleeper taking the GIL; a counter names the
     * holder's tid, switching between the two.
     */
    @Test
    void dropRequestsFlowToTheForcedDropAndTheNextHolderAndACounterNamesTheHolder() throws IOException {
        RunResult r = Simulation.run(new ScenarioLoader().load("flows.yaml", """
                name: flows
                duration: 100ms
                warmup: 0ms
                timeline: {start: 0, end: 100ms}
                processes:
                  - name: app
                    threads:
                      - {name: spinner, steps: [{cpu: forever}]}
                      - {name: sleeper, repeat: forever, steps: [{sleep: 1ms}, {cpu: 20us}]}
                """, List.of()).first());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceJson.write(RunData.of(List.of(r)), out);
        Map<String, Long> tidOf = new HashMap<>();
        Map<Long, List<JsonNode>> flows = new HashMap<>();
        List<Long> holders = new java.util.ArrayList<>();
        for (JsonNode e : new ObjectMapper().readTree(out.toByteArray()).path("traceEvents")) {
            String ph = e.path("ph").asText();
            if (e.path("name").asText().equals("thread_name")) {
                tidOf.put(e.path("args").path("name").asText(), e.path("tid").asLong());
            } else if (ph.equals("s") || ph.equals("t") || ph.equals("f")) {
                flows.computeIfAbsent(e.path("id").asLong(), k -> new java.util.ArrayList<>()).add(e);
            } else if (ph.equals("C") && e.path("name").asText().equals("GIL holder (tid)")) {
                holders.add(e.path("args").path("tid").asLong());
            }
        }
        long spinner = tidOf.get("spinner");
        long sleeper = tidOf.get("sleeper");
        assertTrue(flows.size() >= 15, "about one forced drop each 6 ms: " + flows.size());
        for (List<JsonNode> f : flows.values()) {
            assertEquals(List.of("s", "t", "f"), f.stream().map(e -> e.path("ph").asText()).toList());
            assertEquals(List.of(sleeper, spinner, sleeper), f.stream().map(e -> e.path("tid").asLong()).toList());
            assertTrue(f.get(0).path("ts").asDouble() <= f.get(1).path("ts").asDouble()
                    && f.get(1).path("ts").asDouble() <= f.get(2).path("ts").asDouble(), "flows run forward in time");
        }
        assertEquals(spinner, holders.get(0));
        for (int i = 1; i < holders.size(); i++) {
            assertTrue(!holders.get(i).equals(holders.get(i - 1)), "a counter event only where the holder changes");
        }
        assertTrue(holders.contains(sleeper) && holders.contains(0L), holders.toString());
    }

    /** A labelled step's slices are named after it, and the label survives a read back (gilsim chart). */
    @Test
    void labelledStepsNameTheirSlicesAndReadBack() throws IOException {
        RunResult r = Simulation.run(new ScenarioLoader().load("labels.yaml", """
                name: labels
                duration: 20ms
                warmup: 0ms
                processes:
                  - name: app
                    threads:
                      - {name: worker, steps: [{cpu: 2ms, label: parse JSON}, {sleep: 1ms}]}
                """, List.of()).first());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceJson.write(RunData.of(List.of(r)), out);
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode e : new ObjectMapper().readTree(out.toByteArray()).path("traceEvents")) {
            if (e.path("ph").asText().equals("X")) {
                names.add(e.path("name").asText());
            }
        }
        assertEquals("parse JSON: " + TraceJson.label(dev.gilsim.interpreter.ThreadState.HOLDING), names.get(0));
        assertEquals(TraceJson.label(dev.gilsim.interpreter.ThreadState.IO), names.get(1));
        Timeline back = TraceJson.read(new java.io.ByteArrayInputStream(out.toByteArray())).values().iterator().next();
        assertEquals("parse JSON", back.segments().get(0).label());
        assertEquals(null, back.segments().get(1).label());
    }

    @Test
    void eachRequestIsAnAsyncSliceFromItsArrivalToItsAnswerOnItsWorkerProcess() throws IOException {
        RunResult r = Simulation.run(new ScenarioLoader().load("trace.yaml", SCENARIO, List.of()).first());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceJson.write(RunData.of(List.of(r)), out);
        JsonNode trace = new ObjectMapper().readTree(out.toByteArray());
        int apiPid = -1;
        Map<Long, JsonNode> begins = new HashMap<>();
        int ends = 0;
        for (JsonNode e : trace.path("traceEvents")) {
            if (e.path("name").asText().equals("process_name") && e.path("args").path("name").asText().endsWith("api-0")) {
                apiPid = e.path("pid").asInt();
            }
            if (e.path("cat").asText().equals("request")) {
                if (e.path("ph").asText().equals("b")) {
                    begins.put(e.path("id").asLong(), e);
                } else {
                    assertEquals("e", e.path("ph").asText());
                    assertTrue(begins.containsKey(e.path("id").asLong()), "an end without its begin");
                    ends++;
                }
            }
        }
        // Arrivals at 100 and 150 ms; the one from 50 ms was answered long before the window.
        assertEquals(2, begins.size());
        assertEquals(2, ends);
        for (JsonNode b : begins.values()) {
            assertEquals("api/ping", b.path("name").asText());
            assertEquals(apiPid, b.path("pid").asInt());
            assertEquals("completed", b.path("args").path("outcome").asText());
            double arrived = b.path("args").path("arrived_ms").asDouble();
            assertTrue(arrived == 100.0 || arrived == 150.0, "arrived at " + arrived);
            assertEquals(arrived * 1000, b.path("ts").asDouble(), 1e-6, "ts in microseconds, at the arrival");
        }
    }
}
