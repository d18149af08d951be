package dev.gilsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gilsim.chart.TestRuns;
import dev.gilsim.results.Figure;
import dev.gilsim.results.ProcessFigures;
import dev.gilsim.results.ProcessSummary;
import dev.gilsim.results.Provenance;
import dev.gilsim.results.ThreadFigures;
import dev.gilsim.results.ThreadSummary;
import dev.gilsim.run.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A process's figures are the registry's, as a thread's are: one entry each, kept by name. */
class ProcessFiguresTest {
    private static List<RunResult> results;

    @BeforeAll
    static void simulate() {
        results = TestRuns.results();
    }

    /** A figure is kept by its name: a new one adds no field to the process's summary. */
    @Test
    void aProcessSummaryHasNoFieldPerFigure() {
        assertEquals(List.of("process", "build", "numbers", "distributions"),
                Arrays.stream(ProcessSummary.class.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    /** Counts are the sums over the process's threads; the held share is the threads' held shares added up. */
    @Test
    void aProcessFigureIsComputedFromItsThreads() {
        RunResult r = results.get(0);
        ProcessSummary p = ProcessFigures.of(r).get(0);
        double acquisitions = 0;
        double held = 0;
        for (ThreadSummary t : ThreadFigures.of(r)) {
            if (t.process().equals(p.process())) {
                acquisitions += t.number("acquisitions");
                held += t.number("held_fraction");
            }
        }
        assertEquals(acquisitions, p.number("acquisitions"));
        assertEquals(held, p.number("gil_held_fraction"), 1e-9);
        assertEquals((long) acquisitions, p.distribution("gil_wait").count());
    }

    @Test
    void everyFigureIsAFieldOfEverySummaryJsonProcessInRegistryOrder() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryJson.write(results, Provenance.of(List.of(), null, TestRuns.YAML), out);
        JsonNode process = new ObjectMapper().readTree(out.toByteArray()).path("variants").get(0).path("processes")
                .get(0);
        List<String> names = new ArrayList<>(List.of("name", "build"));
        ProcessFigures.ALL.forEach(f -> names.add(f.name()));
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = process.fieldNames(); it.hasNext();) {
            fields.add(it.next());
        }
        assertEquals(names, fields);
        assertEquals(ProcessFigures.ALL.size(), ProcessFigures.ALL.stream().map(Figure::name).distinct().count());
    }
}
