package dev.gilsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gilsim.interpreter.ThreadState;
import dev.gilsim.metrics.NamedSeries;
import dev.gilsim.metrics.TimeSeries;
import dev.gilsim.metrics.Timeline;
import dev.gilsim.results.VariantData;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 10's tracks of {@link TraceJson trace.json}, beside the threads' state slices: each HTTP
 * request as an async slice, the run's series as counters, and which thread holds each process's
 * GIL. Perfetto shows them; {@link TraceReader} does not read them back.
 */
final class TraceTracks {
    private TraceTracks() {
    }

    /**
     * Issue 10: each HTTP request as an async slice on its worker process, from its arrival to its
     * answer, cut to the window; Perfetto stacks them in tracks under the process, so the backlog
     * behind a blocked loop is visible at a glance.
     */
    static void requests(JsonGenerator g, Timeline t, int[] pidOf, String variant, long firstId)
            throws IOException {
        Map<String, Integer> pidByProcess = pidByProcess(t, pidOf);
        long id = firstId;
        for (Timeline.RequestSpan r : t.requests()) {
            Integer pid = pidByProcess.get(r.process());
            id++;
            if (pid == null) {
                continue;
            }
            long from = Math.max(r.arrived(), t.start());
            long to = r.answered() < 0 ? t.end() : Math.min(r.answered(), t.end());
            for (boolean begin : new boolean[] {true, false}) {
                g.writeStartObject();
                g.writeStringField("name", r.endpoint());
                g.writeStringField("cat", "request");
                g.writeStringField("ph", begin ? "b" : "e");
                g.writeNumberField("id", id);
                g.writeFieldName("ts");
                g.writeNumber(TraceJson.micros(begin ? from : to));
                g.writeNumberField("pid", pid);
                if (begin) {
                    g.writeObjectFieldStart("args");
                    g.writeStringField("outcome", r.outcome());
                    g.writeFieldName("arrived_ms");
                    g.writeNumber(BigDecimal.valueOf(r.arrived(), 6));
                    if (r.answered() >= 0) {
                        g.writeFieldName("latency_ms");
                        g.writeNumber(BigDecimal.valueOf(r.answered() - r.arrived(), 6));
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
        }
    }

    private static Map<String, Integer> pidByProcess(Timeline t, int[] pidOf) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < t.lanes().size(); i++) {
            out.putIfAbsent(t.lanes().get(i).process(), pidOf[i]);
        }
        return out;
    }

    /** The counter tracks a series becomes, by metric; other series (per thread) have none. */
    private static String counterName(NamedSeries s) {
        return switch (s.metric()) {
            case "loop_lag" -> "loop lag (ms)";
            case "in_flight" -> "requests in flight";
            case "completed_per_s" -> "requests completed per s";
            case "queue_length" -> "queue length: " + s.subject().substring(s.subject().indexOf('/') + 1);
            default -> null;
        };
    }

    /**
     * Issue 10: the run's series as counter tracks on their process (a server's on its first
     * worker), cut to the window, each starting from its value when the window opens.
     */
    static void counters(JsonGenerator g, VariantData v, int[] pidOf) throws IOException {
        Timeline t = v.timeline();
        Map<String, Integer> pids = pidByProcess(t, pidOf);
        for (NamedSeries s : v.series()) {
            String name = counterName(s);
            if (name == null) {
                continue;
            }
            String subject = s.subject();
            int slash = subject.indexOf('/');
            Integer pid = pids.get(slash < 0 ? subject : subject.substring(0, slash));
            if (pid == null) {
                pid = pids.get(subject + "-0");
            }
            if (pid == null) {
                continue;
            }
            double scale = s.series().unit() == TimeSeries.Unit.NANOSECONDS ? 1e-6 : 1;
            long[] times = s.series().times();
            long[] values = s.series().values();
            for (int i = 0; i < times.length; i++) {
                boolean before = times[i] < t.start();
                if (times[i] > t.end() || (before && i + 1 < times.length && times[i + 1] <= t.start())) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("name", name);
                g.writeStringField("cat", "series");
                g.writeStringField("ph", "C");
                g.writeFieldName("ts");
                g.writeNumber(TraceJson.micros(Math.max(times[i], t.start())));
                g.writeNumberField("pid", pid);
                g.writeObjectFieldStart("args");
                g.writeNumberField("value", values[i] * scale);
                g.writeEndObject();
                g.writeEndObject();
            }
        }
    }

    static boolean holds(ThreadState s) {
        return s == ThreadState.HOLDING || s == ThreadState.HOLDING_NATIVE || s == ThreadState.HOLDING_DESCHEDULED;
    }

    /**
     * Issue 10: which thread holds each process's GIL, as a counter of its tid (0: nobody). A
     * free-threaded process, where several threads run at once, has none.
     */
    static void holders(JsonGenerator g, Timeline t, int[] pidOf, int[] tidOf) throws IOException {
        Map<Integer, List<Timeline.Segment>> byPid = new java.util.TreeMap<>();
        for (Timeline.Segment s : t.segments()) {
            if (holds(s.state())) {
                byPid.computeIfAbsent(pidOf[s.lane()], k -> new ArrayList<>()).add(s);
            }
        }
        for (var e : byPid.entrySet()) {
            List<Timeline.Segment> held = new ArrayList<>(e.getValue());
            held.sort((a, b) -> Long.compare(a.start(), b.start()));
            boolean overlap = false;
            for (int i = 1; i < held.size(); i++) {
                overlap |= held.get(i).start() < held.get(i - 1).end() && held.get(i).lane() != held.get(i - 1).lane();
            }
            if (overlap) {
                continue;
            }
            long lastValue = -1;
            for (int i = 0; i < held.size(); i++) {
                Timeline.Segment s = held.get(i);
                lastValue = holder(g, e.getKey(), s.start(), tidOf[s.lane()], lastValue);
                boolean next = i + 1 < held.size() && held.get(i + 1).start() == s.end();
                if (!next) {
                    lastValue = holder(g, e.getKey(), s.end(), 0, lastValue);
                }
            }
        }
    }

    private static long holder(JsonGenerator g, int pid, long at, long tid, long last) throws IOException {
        if (tid == last) {
            return last;
        }
        g.writeStartObject();
        g.writeStringField("name", "GIL holder (tid)");
        g.writeStringField("cat", "gil");
        g.writeStringField("ph", "C");
        g.writeFieldName("ts");
        g.writeNumber(TraceJson.micros(at));
        g.writeNumberField("pid", pid);
        g.writeObjectFieldStart("args");
        g.writeNumberField("tid", tid);
        g.writeEndObject();
        g.writeEndObject();
        return tid;
    }
}
