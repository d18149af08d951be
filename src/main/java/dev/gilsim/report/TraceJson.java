package dev.gilsim.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gilsim.interpreter.ThreadState;
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
 * the {@link Timeline}s that {@code gilsim chart} draws ({@link TraceReader}). The requests,
 * counters and GIL holder tracks are {@link TraceTracks}'s, the handoff arrows
 * {@link HandoffArrows}'s.
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
        List<Ids> ids = ids(run);
        otherData(g, run, ids);
        g.writeArrayFieldStart("traceEvents");
        long nextRequestId = 0;
        long nextFlowId = 0;
        for (int vi = 0; vi < run.variants().size(); vi++) {
            VariantData v = run.variants().get(vi);
            Timeline t = v.timeline();
            int[] pidOf = ids.get(vi).pid;
            int[] tidOf = ids.get(vi).tid;
            names(g, v, pidOf, tidOf);
            slices(g, t, pidOf, tidOf);
            marks(g, t, pidOf, tidOf);
            TraceTracks.requests(g, t, pidOf, v.name(), nextRequestId);
            nextRequestId += t.requests().size();
            TraceTracks.counters(g, v, pidOf);
            TraceTracks.holders(g, t, pidOf, tidOf);
            nextFlowId = HandoffArrows.write(g, t, pidOf, tidOf, nextFlowId);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    /** {@code otherData.gilsim}: each variant's window and lanes, what {@link #read} needs besides the slices. */
    private static void otherData(JsonGenerator g, RunData run, List<Ids> ids) throws IOException {
        g.writeObjectFieldStart("otherData");
        g.writeObjectFieldStart("gilsim");
        g.writeNumberField("format_version", FORMAT_VERSION);
        g.writeStringField("scenario", run.scenario());
        g.writeArrayFieldStart("variants");
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
    }

    /** The names and order of a variant's trace processes and threads, as metadata events. */
    private static void names(JsonGenerator g, VariantData v, int[] pidOf, int[] tidOf) throws IOException {
        Timeline t = v.timeline();
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
    }

    /** Each shown state segment as a complete event on its thread. */
    private static void slices(JsonGenerator g, Timeline t, int[] pidOf, int[] tidOf) throws IOException {
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
    }

    /** Drop requests and forced drops as thread-scoped instant events. */
    private static void marks(JsonGenerator g, Timeline t, int[] pidOf, int[] tidOf) throws IOException {
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
        return TraceReader.read(in);
    }
}
