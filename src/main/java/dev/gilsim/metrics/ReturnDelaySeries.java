package dev.gilsim.metrics;

import dev.gilsim.interpreter.GilObserver;
import dev.gilsim.interpreter.PyThread;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each thread's delays returning from blocking calls, over time inside the measurement window:
 * the "time.sleep overshoot" a chart can show sample by sample. One bounded {@link TimeSeries}
 * per thread; threads are listed in the order they first returned.
 */
public final class ReturnDelaySeries implements GilObserver {
    private final Window window;
    private final Map<PyThread, TimeSeries> byThread = new IdentityHashMap<>();
    private final List<PyThread> order = new ArrayList<>();

    public ReturnDelaySeries(Window window) {
        this.window = window;
    }

    @Override
    public void returnedFromBlocking(PyThread thread, long delay, long now) {
        if (!window.contains(now)) {
            return;
        }
        TimeSeries s = byThread.get(thread);
        if (s == null) {
            s = new TimeSeries(TimeSeries.Unit.NANOSECONDS);
            byThread.put(thread, s);
            order.add(thread);
        }
        s.add(now, Math.max(0, delay));
    }

    public List<NamedSeries> series() {
        return order.stream().map(t -> new NamedSeries("return_delay", t.qualifiedName(), byThread.get(t))).toList();
    }
}
