package dev.gilsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gilsim.metrics.Timeline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 10's flow arrows in {@link TraceJson trace.json}: how the GIL was handed over after a
 * forced drop, from the drop request to the drop and on to the thread that took it.
 */
final class HandoffArrows {
    private HandoffArrows() {
    }

    /**
     * Issue 10: a flow arrow from the drop request a holder answered (the last before its forced
     * drop) to that forced drop, and on to the thread that took the GIL next. Returns the last id
     * used, so the next variant's arrows go on from it.
     */
    static long write(JsonGenerator g, Timeline t, int[] pidOf, int[] tidOf, long firstId) throws IOException {
        long id = firstId;
        List<Timeline.Segment> holds = new ArrayList<>();
        for (Timeline.Segment s : t.segments()) {
            if (TraceTracks.holds(s.state())) {
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
        g.writeNumber(TraceJson.micros(at));
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeEndObject();
    }
}
