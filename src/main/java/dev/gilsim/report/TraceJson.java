package dev.gilsim.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gilsim.interpreter.ThreadState;
import dev.gilsim.metrics.NamedSeries;
import dev.gilsim.metrics.TimeSeries;
import dev.gilsim.metrics.Timeline;
import dev.gilsim.results.RunData;
import dev.gilsim.results.VariantData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code trace.json}: the GIL timeline of every variant in the Chrome Trace Event Format (JSON
 * object form), so it opens in Perfetto ({@code ui.perfetto.dev}, "Open trace file") or
 * {@code chrome://tracing}. Each variant's process is a trace process named {@code variant: process};
 * each thread a trace thread. A state segment is a complete event ({@code "ph": "X"}) named after
 * its state; drop requests (on the requesting thread, {@code args.holder} naming the target) and
 * forced drops (on the holder) are thread-scoped instant events ({@code "ph": "i"}). Timestamps
 * are microseconds of virtual time from the start of the run, with three decimals, so
 * nanoseconds survive a round trip exactly. Threads neither started nor running are left out.
 *
 * <p>{@code otherData.gilsim} keeps each variant's window and lanes, so {@link #read} can rebuild
 * the {@link Timeline}s that {@code gilsim chart} draws.
 */
public final class TraceJson {
    public static final int FORMAT_VERSION = 1;
    static final String DROP_REQUEST = "drop request";
    static final String FORCED_DROP = "forced drop";

    private TraceJson() {
    }

    /** The name of a state as the trace shows it. */
    public static String label(ThreadState s) {
        return switch (s) {
            case HOLDING -> "holding the GIL";
            case HOLDING_NATIVE -> "native call, GIL held";
            case HOLDING_DESCHEDULED -> "holding the GIL, descheduled";
            case GIL_WAIT -> "waiting for the GIL";
            case NATIVE_RELEASED -> "native call, GIL released";
            case NATIVE_DESCHEDULED -> "native call, descheduled";
            case IO -> "in I/O or sleep";
            case BLOCKED -> "blocked";
            case NOT_STARTED -> "not started";
            case DONE -> "done";
        };
    }

    /** Chrome's reserved colour names, so chrome://tracing colours states sensibly. */
    private static String colour(ThreadState s) {
        return switch (s) {
            case HOLDING -> "thread_state_running";
            case HOLDING_NATIVE -> "terrible";
            case GIL_WAIT -> "thread_state_runnable";
            case IO -> "thread_state_iowait";
            case BLOCKED -> "thread_state_sleeping";
            case NATIVE_RELEASED -> "rail_response";
            default -> "thread_state_unknown";
        };
    }

    private static boolean shown(ThreadState s) {
        return s != ThreadState.NOT_STARTED && s != ThreadState.DONE;
    }

    public static void write(RunData run, OutputStream out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.writeStartObject();
        g.writeStringField("displayTimeUnit", "ms");
        g.writeObjectFieldStart("otherData");
        g.writeObjectFieldStart("gilsim");
        g.writeNumberField("format_version", FORMAT_VERSION);
        g.writeStringField("scenario", run.scenario());
        g.writeArrayFieldStart("variants");
        List<Ids> ids = ids(run);
        for (int vi = 0; vi < run.variants().size(); vi++) {
            Timeline t = run.variants().get(vi).timeline();
            Ids id = ids.get(vi);
            g.writeStartObject();
            g.writeStringField("name", run.variants().get(vi).name());
            g.writeNumberField("start_ns", t.start());
            g.writeNumberField("end_ns", t.end());
            g.writeBooleanField("truncated", t.truncated());
            g.writeArrayFieldStart("lanes");
            for (int i = 0; i < t.lanes().size(); i++) {
                g.writeStartObject();
                g.writeStringField("process", t.lanes().get(i).process());
                g.writeStringField("thread", t.lanes().get(i).thread());
                g.writeNumberField("pid", id.pid[i]);
                g.writeNumberField("tid", id.tid[i]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("traceEvents");
        long nextRequestId = 0;
        long nextFlowId = 0;
        for (int vi = 0; vi < run.variants().size(); vi++) {
            VariantData v = run.variants().get(vi);
            Timeline t = v.timeline();
            int[] pidOf = ids.get(vi).pid;
            int[] tidOf = ids.get(vi).tid;
            int lastPid = 0;
            for (int i = 0; i < t.lanes().size(); i++) {
                Timeline.Lane lane = t.lanes().get(i);
                if (pidOf[i] > lastPid) {
                    lastPid = pidOf[i];
                    metadata(g, "process_name", pidOf[i], 0, "name", v.name() + ": " + lane.process());
                    metadata(g, "process_sort_index", pidOf[i], 0, "sort_index", pidOf[i]);
                }
                metadata(g, "thread_name", pidOf[i], tidOf[i], "name", lane.thread());
                metadata(g, "thread_sort_index", pidOf[i], tidOf[i], "sort_index", tidOf[i]);
            }
            for (Timeline.Segment s : t.segments()) {
                if (!shown(s.state())) {
                    continue;
                }
                g.writeStartObject();
                // A labelled step's slices carry its label first: what the user named is what they look for.
                g.writeStringField("name", s.label() == null ? label(s.state()) : s.label() + ": " + label(s.state()));
                g.writeStringField("cat", "gil");
                g.writeStringField("ph", "X");
                g.writeFieldName("ts");
                g.writeNumber(micros(s.start()));
                g.writeFieldName("dur");
                g.writeNumber(micros(s.length()));
                g.writeNumberField("pid", pidOf[s.lane()]);
                g.writeNumberField("tid", tidOf[s.lane()]);
                g.writeStringField("cname", colour(s.state()));
                g.writeObjectFieldStart("args");
                g.writeStringField("state", s.state().name().toLowerCase(Locale.ROOT));
                if (s.label() != null) {
                    g.writeStringField("label", s.label());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            for (Timeline.Mark m : t.marks()) {
                boolean request = m.kind() == Timeline.MarkKind.DROP_REQUEST;
                g.writeStartObject();
                g.writeStringField("name", request ? DROP_REQUEST : FORCED_DROP);
                g.writeStringField("cat", "gil");
                g.writeStringField("ph", "i");
                g.writeStringField("s", "t");
                g.writeFieldName("ts");
                g.writeNumber(micros(m.at()));
                g.writeNumberField("pid", pidOf[m.lane()]);
                g.writeNumberField("tid", tidOf[m.lane()]);
                if (request) {
                    g.writeObjectFieldStart("args");
                    g.writeStringField("holder", t.lanes().get(m.target()).qualifiedName());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            requests(g, t, pidOf, v.name(), nextRequestId);
            nextRequestId += t.requests().size();
            counters(g, v, pidOf);
            holders(g, t, pidOf, tidOf);
            nextFlowId = flows(g, t, pidOf, tidOf, nextFlowId);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    /**
     * Issue 10: each HTTP request as an async slice on its worker process, from its arrival to its
     * answer, cut to the window; Perfetto stacks them in tracks under the process, so the backlog
     * behind a blocked loop is visible at a glance.
     */
    private static void requests(JsonGenerator g, Timeline t, int[] pidOf, String variant, long firstId)
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
                g.writeNumber(micros(begin ? from : to));
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
    private static void counters(JsonGenerator g, VariantData v, int[] pidOf) throws IOException {
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
                g.writeNumber(micros(Math.max(times[i], t.start())));
                g.writeNumberField("pid", pid);
                g.writeObjectFieldStart("args");
                g.writeNumberField("value", values[i] * scale);
                g.writeEndObject();
                g.writeEndObject();
            }
        }
    }

    private static boolean holds(ThreadState s) {
        return s == ThreadState.HOLDING || s == ThreadState.HOLDING_NATIVE || s == ThreadState.HOLDING_DESCHEDULED;
    }

    /**
     * Issue 10: which thread holds each process's GIL, as a counter of its tid (0: nobody). A
     * free-threaded process, where several threads run at once, has none.
     */
    private static void holders(JsonGenerator g, Timeline t, int[] pidOf, int[] tidOf) throws IOException {
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
        g.writeNumber(micros(at));
        g.writeNumberField("pid", pid);
        g.writeObjectFieldStart("args");
        g.writeNumberField("tid", tid);
        g.writeEndObject();
        g.writeEndObject();
        return tid;
    }

    /**
     * Issue 10: a flow arrow from the drop request a holder answered (the last before its forced
     * drop) to that forced drop, and on to the thread that took the GIL next.
     */
    private static long flows(JsonGenerator g, Timeline t, int[] pidOf, int[] tidOf, long firstId)
            throws IOException {
        long id = firstId;
        List<Timeline.Segment> holds = new ArrayList<>();
        for (Timeline.Segment s : t.segments()) {
            if (holds(s.state())) {
                holds.add(s);
            }
        }
        holds.sort((a, b) -> Long.compare(a.start(), b.start()));
        long[] starts = holds.stream().mapToLong(Timeline.Segment::start).toArray();
        List<Timeline.Mark> marks = new ArrayList<>(t.marks());
        marks.sort((a, b) -> Long.compare(a.at(), b.at()));
        Map<Integer, Timeline.Mark> lastRequestTo = new HashMap<>();
        for (Timeline.Mark m : marks) {
            if (m.kind() == Timeline.MarkKind.DROP_REQUEST) {
                lastRequestTo.put(m.target(), m);
                continue;
            }
            Timeline.Mark request = lastRequestTo.remove(m.lane());
            Timeline.Segment taker = nextHolder(holds, starts, pidOf, m.lane(), m.at());
            if (request == null || taker == null) {
                continue;
            }
            id++;
            flow(g, "s", id, pidOf[request.lane()], tidOf[request.lane()], request.at());
            // Just inside the dropper's last slice, so the arrow binds to it rather than the next.
            flow(g, "t", id, pidOf[m.lane()], tidOf[m.lane()], Math.max(request.at(), m.at() - 1));
            flow(g, "f", id, pidOf[taker.lane()], tidOf[taker.lane()], taker.start());
        }
        return id;
    }

    /** The first hold of the GIL by another thread of the dropper's process at or after {@code at}. */
    private static Timeline.Segment nextHolder(List<Timeline.Segment> holds, long[] starts, int[] pidOf, int dropper,
            long at) {
        int i = java.util.Arrays.binarySearch(starts, at);
        if (i < 0) {
            i = -i - 1;
        }
        while (i > 0 && starts[i - 1] == at) {
            i--;
        }
        for (; i < holds.size(); i++) {
            Timeline.Segment s = holds.get(i);
            if (s.lane() != dropper && pidOf[s.lane()] == pidOf[dropper]) {
                return s;
            }
        }
        return null;
    }

    private static void flow(JsonGenerator g, String ph, long id, int pid, int tid, long at) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", "drop request");
        g.writeStringField("cat", "handoff");
        g.writeStringField("ph", ph);
        g.writeNumberField("id", id);
        if (ph.equals("f")) {
            g.writeStringField("bp", "e");
        }
        g.writeFieldName("ts");
        g.writeNumber(micros(at));
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeEndObject();
    }

    /** Trace ids: a pid per variant and process, numbered from 1 in order; a tid per thread, unique. */
    private record Ids(int[] pid, int[] tid) {
    }

    private static List<Ids> ids(RunData run) {
        List<Ids> out = new ArrayList<>();
        int pid = 0;
        int tid = 0;
        for (VariantData v : run.variants()) {
            List<Timeline.Lane> lanes = v.timeline().lanes();
            Map<String, Integer> pids = new HashMap<>();
            Ids id = new Ids(new int[lanes.size()], new int[lanes.size()]);
            for (int i = 0; i < lanes.size(); i++) {
                Integer p = pids.get(lanes.get(i).process());
                if (p == null) {
                    p = ++pid;
                    pids.put(lanes.get(i).process(), p);
                }
                id.pid[i] = p;
                id.tid[i] = ++tid;
            }
            out.add(id);
        }
        return out;
    }

    private static void metadata(JsonGenerator g, String name, int pid, int tid, String arg, Object value)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("ph", "M");
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeObjectFieldStart("args");
        if (value instanceof Integer i) {
            g.writeNumberField(arg, i);
        } else {
            g.writeStringField(arg, value.toString());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    static BigDecimal micros(long nanos) {
        return BigDecimal.valueOf(nanos, 3);
    }

    static long nanos(JsonNode micros) {
        return micros.decimalValue().movePointRight(3).longValueExact();
    }

    /**
     * Rebuilds each variant's timeline, by variant name. Gaps a thread's shown segments leave are
     * filled as "not started" before its first segment and "done" after.
     */
    public static Map<String, Timeline> read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(in);
        JsonNode meta = root.path("otherData").path("gilsim");
        if (!meta.path("variants").isArray() || !root.path("traceEvents").isArray()) {
            throw new IOException("not a gilsim trace (no otherData.gilsim.variants or traceEvents)");
        }
        Map<String, Timeline> out = new java.util.LinkedHashMap<>();
        Map<Long, int[]> laneOfTid = new HashMap<>();
        List<Builder> builders = new ArrayList<>();
        for (JsonNode v : meta.path("variants")) {
            Builder b = new Builder(v.path("name").asText(), v.path("start_ns").asLong(), v.path("end_ns").asLong(),
                    v.path("truncated").asBoolean());
            for (JsonNode lane : v.path("lanes")) {
                laneOfTid.put(lane.path("tid").asLong(), new int[] {builders.size(), b.lanes.size()});
                b.lanes.add(new Timeline.Lane(lane.path("process").asText(), lane.path("thread").asText()));
            }
            builders.add(b);
        }
        for (JsonNode e : root.path("traceEvents")) {
            String ph = e.path("ph").asText();
            int[] where = laneOfTid.get(e.path("tid").asLong());
            if (where == null || !(ph.equals("X") || ph.equals("i"))) {
                continue;
            }
            Builder b = builders.get(where[0]);
            long ts = nanos(e.path("ts"));
            if (ph.equals("X")) {
                ThreadState state = ThreadState.valueOf(e.path("args").path("state").asText().toUpperCase(Locale.ROOT));
                JsonNode label = e.path("args").path("label");
                b.segments.add(new Timeline.Segment(where[1], state, ts, ts + nanos(e.path("dur")),
                        label.isTextual() ? label.asText() : null));
            } else if (e.path("name").asText().equals(DROP_REQUEST)) {
                String holder = e.path("args").path("holder").asText();
                int target = -1;
                for (int i = 0; i < b.lanes.size(); i++) {
                    if (b.lanes.get(i).qualifiedName().equals(holder)) {
                        target = i;
                    }
                }
                b.marks.add(new Timeline.Mark(Timeline.MarkKind.DROP_REQUEST, where[1], target < 0 ? where[1] : target, ts));
            } else {
                b.marks.add(new Timeline.Mark(Timeline.MarkKind.FORCED_DROP, where[1], where[1], ts));
            }
        }
        for (Builder b : builders) {
            out.put(b.name, b.build());
        }
        return out;
    }

    private static final class Builder {
        final String name;
        final long start;
        final long end;
        final boolean truncated;
        final List<Timeline.Lane> lanes = new ArrayList<>();
        final List<Timeline.Segment> segments = new ArrayList<>();
        final List<Timeline.Mark> marks = new ArrayList<>();

        Builder(String name, long start, long end, boolean truncated) {
            this.name = name;
            this.start = start;
            this.end = end;
            this.truncated = truncated;
        }

        Timeline build() {
            List<Timeline.Segment> filled = new ArrayList<>();
            for (int lane = 0; lane < lanes.size(); lane++) {
                long at = start;
                boolean seen = false;
                for (Timeline.Segment s : segments) {
                    if (s.lane() != lane) {
                        continue;
                    }
                    if (s.start() > at) {
                        filled.add(new Timeline.Segment(lane, seen ? ThreadState.DONE : ThreadState.NOT_STARTED, at,
                                s.start()));
                    }
                    filled.add(s);
                    at = s.end();
                    seen = true;
                }
                if (at < end) {
                    filled.add(new Timeline.Segment(lane, seen ? ThreadState.DONE : ThreadState.NOT_STARTED, at, end));
                }
            }
            return new Timeline(start, end, truncated, lanes, filled, marks);
        }
    }
}
