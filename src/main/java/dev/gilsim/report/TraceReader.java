package dev.gilsim.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gilsim.interpreter.ThreadState;
import dev.gilsim.metrics.Timeline;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@link TraceJson trace.json} back into each variant's {@link Timeline}: the lanes from
 * {@code otherData.gilsim}, the state slices and drop marks from {@code traceEvents}. The tracks
 * added for Perfetto only (requests, counters, flows) are not read.
 */
final class TraceReader {
    private TraceReader() {
    }

    /**
     * Rebuilds each variant's timeline, by variant name. Gaps a thread's shown segments leave are
     * filled as "not started" before its first segment and "done" after.
     */
    static Map<String, Timeline> read(InputStream in) throws IOException {
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
            long ts = TraceJson.nanos(e.path("ts"));
            if (ph.equals("X")) {
                ThreadState state = ThreadState.valueOf(e.path("args").path("state").asText().toUpperCase(Locale.ROOT));
                JsonNode label = e.path("args").path("label");
                b.segments.add(new Timeline.Segment(where[1], state, ts, ts + TraceJson.nanos(e.path("dur")),
                        label.isTextual() ? label.asText() : null));
            } else if (e.path("name").asText().equals(TraceJson.DROP_REQUEST)) {
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
