package dev.gilsim.metrics;

import dev.gilsim.interpreter.ThreadState;
import java.util.List;

/**
 * Who did what during a window of a run, for timeline charts and trace files: per thread (a
 * lane), state segments that tile the window without gaps or overlaps, and instant marks (drop
 * requests, forced drops). Built by {@link TimelineRecorder}, or read back from a saved trace.
 *
 * @param start start of the window, nanoseconds of virtual time
 * @param end end of the window; earlier than asked for when the recorder hit its cap
 * @param truncated whether the recorder hit its cap and cut the window short at {@code end}
 */
public record Timeline(long start, long end, boolean truncated, List<Lane> lanes, List<Segment> segments,
        List<Mark> marks, List<RequestSpan> requests) {

    public Timeline {
        if (end < start) {
            throw new IllegalArgumentException("bad timeline window " + start + ".." + end);
        }
        lanes = List.copyOf(lanes);
        segments = List.copyOf(segments);
        marks = List.copyOf(marks);
        requests = List.copyOf(requests);
    }

    /** A timeline without requests (a scenario without servers, or one read back from an old trace). */
    public Timeline(long start, long end, boolean truncated, List<Lane> lanes, List<Segment> segments,
            List<Mark> marks) {
        this(start, end, truncated, lanes, segments, marks, List.of());
    }

    /** The same timeline with the requests that overlapped its window. */
    public Timeline withRequests(List<RequestSpan> spans) {
        return new Timeline(start, end, truncated, lanes, segments, marks, spans);
    }

    /**
     * One HTTP request that overlapped the window: served by {@code process}, from its arrival to
     * its answer ({@code answered} -1: still unanswered when the run ended), {@code outcome} one of
     * {@code completed}, {@code rejected} (503) or {@code unfinished}.
     */
    public record RequestSpan(String process, String endpoint, long arrived, long answered, String outcome) {
    }

    public static Timeline empty(long start, long end) {
        return new Timeline(start, end, false, List.of(), List.of(), List.of());
    }

    public long length() {
        return end - start;
    }

    /** One thread of the run. */
    public record Lane(String process, String thread) {
        public String qualifiedName() {
            return process + "/" + thread;
        }
    }

    /**
     * The thread on lane {@code lane} was in {@code state} from {@code start} to {@code end}, on a
     * step the scenario labelled {@code label} (null: none).
     */
    public record Segment(int lane, ThreadState state, long start, long end, String label) {
        public Segment {
            if (end < start) {
                throw new IllegalArgumentException("segment ends before it starts");
            }
        }

        /** A segment of an unlabelled step. */
        public Segment(int lane, ThreadState state, long start, long end) {
            this(lane, state, start, end, null);
        }

        public long length() {
            return end - start;
        }
    }

    public enum MarkKind {
        /** G2: the thread on {@code lane} asked the thread on {@code target} to drop the GIL. */
        DROP_REQUEST,
        /** G5: the thread on {@code lane} dropped the GIL on request; {@code target} is itself. */
        FORCED_DROP
    }

    /** Something that happened at one instant: {@code lane} did it, to {@code target}. */
    public record Mark(MarkKind kind, int lane, int target, long at) {
    }
}
