package dev.gilsim.metrics;

import dev.gilsim.interpreter.GilObserver;
import dev.gilsim.interpreter.PyThread;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every GIL event of a run's measured window, in order, for {@code run --gil-events}: each timed
 * wait's start and end (timed out or signalled), each release and each take, with the core the
 * thread last ran on. The same events {@code probes/condlog} traces inside a real CPython, so the
 * hand-off itself can be compared, not only the latencies it produces (docs/model.md section 9).
 *
 * <p>Kept in primitive arrays (about 14 bytes an event) until the run is written.
 */
public final class GilEventLog implements GilObserver {
    /** The events, as the CSV names them. */
    public enum Kind {
        WAIT("wait"), TIMEOUT("timeout"), WOKEN("woken"), RELEASE("release"), TAKE("take"),
        DROP_REQUEST("request");

        private final String csv;

        Kind(String csv) {
            this.csv = csv;
        }

        public String csv() {
            return csv;
        }
    }

    private final Window window;
    private long[] times = new long[1024];
    private byte[] kinds = new byte[1024];
    private int[] threads = new int[1024];
    private short[] cores = new short[1024];
    private int size;
    private final List<String> names = new ArrayList<>();

    public GilEventLog(Window window) {
        this.window = window;
    }

    public int size() {
        return size;
    }

    private void add(Kind kind, PyThread t, long now) {
        if (now < window.start() || now > window.end()) {
            return;
        }
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            kinds = Arrays.copyOf(kinds, n);
            threads = Arrays.copyOf(threads, n);
            cores = Arrays.copyOf(cores, n);
        }
        while (names.size() <= t.id()) {
            names.add(null);
        }
        if (names.get(t.id()) == null) {
            names.set(t.id(), t.qualifiedName());
        }
        times[size] = now;
        kinds[size] = (byte) kind.ordinal();
        threads[size] = t.id();
        cores[size] = (short) t.lastCore();
        size++;
    }

    @Override
    public void gilWaitBegan(PyThread thread, long now) {
        add(Kind.WAIT, thread, now);
    }

    @Override
    public void gilWaitEnded(PyThread thread, boolean timedOut, long now) {
        add(timedOut ? Kind.TIMEOUT : Kind.WOKEN, thread, now);
    }

    @Override
    public void gilAcquired(PyThread thread, long waited, long now) {
        add(Kind.TAKE, thread, now);
    }

    @Override
    public void forcedDrop(PyThread holder, long now) {
        add(Kind.RELEASE, holder, now);
    }

    @Override
    public void voluntaryDrop(PyThread holder, long now) {
        add(Kind.RELEASE, holder, now);
    }

    @Override
    public void dropRequested(PyThread requester, PyThread holder, long now) {
        add(Kind.DROP_REQUEST, requester, now);
    }

    /** The {@code i}-th event's kind, time and thread (its process/thread name). */
    public Kind kind(int i) {
        return Kind.values()[kinds[i]];
    }

    public long time(int i) {
        return times[i];
    }

    public String thread(int i) {
        return names.get(threads[i]);
    }

    /** The core the {@code i}-th event's thread last ran on (C9), -1 before it ran. */
    public int core(int i) {
        return cores[i];
    }
}
