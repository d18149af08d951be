package dev.gilsim.metrics;

/** The measured part of a run: after the warm-up, up to the end. */
public record Window(long start, long end) {
    public Window {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad window " + start + ".." + end);
        }
    }

    public long length() {
        return end - start;
    }

    public boolean contains(long t) {
        return t >= start && t <= end;
    }

    /** How much of [from, to] lies inside the window. */
    public long overlap(long from, long to) {
        return Math.max(0, Math.min(to, end) - Math.max(from, start));
    }
}
