package dev.gilsim.metrics;

import dev.gilsim.interpreter.GilObserver;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.ThreadState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records, for a window of virtual time, each thread's state segments and the drop requests and
 * forced drops in it (model.md section 7: "a bounded trace of who held the GIL when").
 *
 * <p>Memory stays bounded: at most {@code maxSegments} segments and as many marks are kept, about
 * 40 bytes each, so the default cap of {@value #DEFAULT_MAX_SEGMENTS} costs at most about 20 MB. A
 * 200 ms window of a busy echo server (30,000 requests/s, six state changes each) needs about
 * 36,000. When the cap is reached the timeline ends there: every thread's open segment is closed
 * at that instant (so the count may exceed the cap by one per thread), {@link Timeline#end()} moves
 * back to it and {@link Timeline#truncated()} is set, so the segments of each thread still tile the
 * (shorter) window exactly. Marks have a cap of their own, of the same size.
 */
public final class TimelineRecorder implements GilObserver {
    public static final int DEFAULT_MAX_SEGMENTS = 250_000;

    private final long start;
    private long end;
    private final int maxSegments;
    /** Lane by thread id, -1 for none yet: no hashing on the hot path. */
    private int[] laneOf = new int[0];
    private final List<Timeline.Lane> lanes = new ArrayList<>();
    private ThreadState[] stateOf = new ThreadState[8];
    private long[] sinceOf = new long[8];
    private String[] labelOf = new String[8];
    private final List<Timeline.Segment> segments = new ArrayList<>();
    private final List<Timeline.Mark> marks = new ArrayList<>();
    private boolean truncated;
    private boolean finished;

    public TimelineRecorder(Window window) {
        this(window, DEFAULT_MAX_SEGMENTS);
    }

    public TimelineRecorder(Window window, int maxSegments) {
        if (maxSegments < 1) {
            throw new IllegalArgumentException("the segment cap must be positive");
        }
        this.start = window.start();
        this.end = window.end();
        this.maxSegments = maxSegments;
    }

    /** Gives the thread its lane now, so lanes follow the scenario's order even if a thread starts late. */
    public void register(PyThread t) {
        lane(t);
    }

    private int lane(PyThread t) {
        int id = t.id();
        if (id >= laneOf.length) {
            int old = laneOf.length;
            laneOf = Arrays.copyOf(laneOf, Math.max(id + 1, old * 2));
            Arrays.fill(laneOf, old, laneOf.length, -1);
        }
        int lane = laneOf[id];
        if (lane < 0) {
            lane = lanes.size();
            laneOf[id] = lane;
            lanes.add(new Timeline.Lane(t.interpreter().name(), t.name()));
            if (lane == stateOf.length) {
                stateOf = Arrays.copyOf(stateOf, lane * 2);
                sinceOf = Arrays.copyOf(sinceOf, lane * 2);
                labelOf = Arrays.copyOf(labelOf, lane * 2);
            }
            stateOf[lane] = ThreadState.NOT_STARTED;
            sinceOf[lane] = 0;
        }
        return lane;
    }

    private boolean recording(long now) {
        return !truncated && !finished && now <= end;
    }

    @Override
    public void threadState(PyThread thread, ThreadState from, ThreadState to, long now) {
        if (finished || truncated) {
            return;
        }
        if (now > end) {
            // Past the window nothing more is drawn: close every lane once and stop listening.
            finish(now);
            return;
        }
        int lane = lane(thread);
        close(lane, Math.min(now, end));
        stateOf[lane] = to;
        sinceOf[lane] = now;
        if (segments.size() >= maxSegments && now <= end) {
            truncateAt(now);
        }
    }

    /** A labelled step begins: the lane's segment so far ends, and one with the new label opens. */
    @Override
    public void stepLabel(PyThread thread, String label, long now) {
        if (finished || truncated || now > end) {
            return;
        }
        int lane = lane(thread);
        close(lane, now);
        sinceOf[lane] = now;
        labelOf[lane] = label;
        if (segments.size() >= maxSegments) {
            truncateAt(now);
        }
    }

    /** Appends the lane's open segment up to {@code until}, clipped to the window. */
    private void close(int lane, long until) {
        long from = Math.max(sinceOf[lane], start);
        if (until > from) {
            segments.add(new Timeline.Segment(lane, stateOf[lane], from, until, labelOf[lane]));
        }
    }

    private void truncateAt(long now) {
        end = Math.max(start, now);
        truncated = true;
        for (int lane = 0; lane < lanes.size(); lane++) {
            close(lane, end);
        }
    }

    @Override
    public void dropRequested(PyThread requester, PyThread holder, long now) {
        mark(Timeline.MarkKind.DROP_REQUEST, requester, holder, now);
    }

    @Override
    public void forcedDrop(PyThread holder, long now) {
        mark(Timeline.MarkKind.FORCED_DROP, holder, holder, now);
    }

    private void mark(Timeline.MarkKind kind, PyThread by, PyThread target, long now) {
        int lane = lane(by);
        int targetLane = lane(target);
        if (now >= start && recording(now) && marks.size() < maxSegments) {
            marks.add(new Timeline.Mark(kind, lane, targetLane, now));
        }
    }

    /**
     * Closes every open segment at the end of the window; call once the run passed the window's
     * end (or ended before it, at {@code runEnd}).
     */
    public void finish(long runEnd) {
        if (finished) {
            return;
        }
        if (!truncated) {
            end = Math.max(start, Math.min(end, runEnd));
            for (int lane = 0; lane < lanes.size(); lane++) {
                close(lane, end);
            }
        }
        finished = true;
    }

    /** The recorded timeline, segments sorted by lane then time; call after {@link #finish}. */
    public Timeline timeline() {
        if (!finished) {
            throw new IllegalStateException("finish() the recorder first");
        }
        List<Timeline.Segment> sorted = new ArrayList<>(segments);
        sorted.sort((a, b) -> a.lane() != b.lane() ? Integer.compare(a.lane(), b.lane())
                : Long.compare(a.start(), b.start()));
        return new Timeline(start, end, truncated, lanes, sorted, marks);
    }
}
