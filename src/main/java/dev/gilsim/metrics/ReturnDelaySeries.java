package dev.gilsim.metrics;

import dev.gilsim.interpreter.GilObserver;
import dev.gilsim.interpreter.PyThread;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Each thread's delays returning from blocking calls, over time inside the measurement window:
 * the "time.sleep overshoot" a chart can show sample by sample. One bounded {@link TimeSeries}
 * per thread; threads are listed in the order they first returned.
 */
public final class ReturnDelaySeries implements GilObserver {
    private final Window window;
    /** By thread id: no hashing on the hot path. */
    private TimeSeries[] byThread = new TimeSeries[16];
    private final List<PyThread> order = new ArrayList<>();

    public ReturnDelaySeries(Window window) {
        this.window = window;
    }

    @Override
    public void returnedFromBlocking(PyThread thread, long delay, long now) {
        if (!window.contains(now)) {
            return;
        }
        int id = thread.id();
        if (id >= byThread.length) {
            byThread = Arrays.copyOf(byThread, Math.max(id + 1, byThread.length * 2));
        }
        TimeSeries s = byThread[id];
        if (s == null) {
            s = new TimeSeries(TimeSeries.Unit.NANOSECONDS);
            byThread[id] = s;
            order.add(thread);
        }
        s.add(now, Math.max(0, delay));
    }

    public List<NamedSeries> series() {
        return order.stream().map(t -> new NamedSeries("return_delay", t.qualifiedName(), byThread[t.id()])).toList();
    }
}
