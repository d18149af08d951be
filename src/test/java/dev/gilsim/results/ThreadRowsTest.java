package dev.gilsim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadRowsTest {
    @Test
    void aRunOfNumberedThreadsThatDoTheSameIsOneRow() {
        List<Parameter> out = new ArrayList<>();
        ThreadRows rows = new ThreadRows("processes.app.threads.", out);
        rows.add("spinner-1", "cpu forever");
        rows.add("spinner-2", "cpu forever");
        rows.add("spinner-3", "cpu forever");
        rows.add("sleeper", "time.sleep 1ms");
        rows.add("worker-1", "cpu 1ms");
        rows.add("worker-2", "cpu 2ms");
        rows.add("idle-5", "time.sleep 1s");
        rows.add("idle-6", "time.sleep 1s");
        rows.add("idle-8", "time.sleep 1s");
        rows.flush();

        assertEquals(List.of(
                new Parameter("processes.app.threads.spinner-1..3", "cpu forever"),
                new Parameter("processes.app.threads.sleeper", "time.sleep 1ms"),
                new Parameter("processes.app.threads.worker-1", "cpu 1ms"),
                new Parameter("processes.app.threads.worker-2", "cpu 2ms"),
                new Parameter("processes.app.threads.idle-5..6", "time.sleep 1s"),
                new Parameter("processes.app.threads.idle-8", "time.sleep 1s")), out);
    }

    @Test
    void aThreadAloneKeepsItsName() {
        List<Parameter> out = new ArrayList<>();
        ThreadRows rows = new ThreadRows("t.", out);
        rows.add("worker-1", "cpu forever");
        rows.flush();
        rows.flush();

        assertEquals(List.of(new Parameter("t.worker-1", "cpu forever")), out);
    }
}
