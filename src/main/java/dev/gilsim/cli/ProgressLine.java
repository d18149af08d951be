package dev.gilsim.cli;

import dev.gilsim.kernel.Durations;
import dev.gilsim.run.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress display on stderr for long runs: virtual time done and events per second,
 * redrawn at most four times a second and only once a run has taken a second. Only when a person
 * is watching ({@code System.console() != null}); otherwise {@link Progress#NONE}, and nothing is
 * printed.
 */
final class ProgressLine implements Progress {
    private static final long REDRAW_NANOS = 250_000_000L;
    private static final long QUIET_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private String variant;
    private long variantStarted;
    private long variantEventsAtStart;
    private long lastDrawn;
    private boolean drawn;

    private ProgressLine(PrintStream err) {
        this.err = err;
    }

    static Progress forTerminal() {
        return System.console() != null ? new ProgressLine(System.err) : Progress.NONE;
    }

    @Override
    public void update(String name, long now, long end, long events) {
        long wall = System.nanoTime();
        if (!name.equals(variant)) {
            variant = name;
            variantStarted = wall;
            variantEventsAtStart = 0;
        }
        long elapsed = wall - variantStarted;
        boolean finished = now >= end;
        if (elapsed < QUIET_NANOS || (!finished && wall - lastDrawn < REDRAW_NANOS)) {
            if (finished) {
                clear();
            }
            return;
        }
        lastDrawn = wall;
        double rate = (events - variantEventsAtStart) / (elapsed / 1e9);
        String line = String.format(Locale.ROOT, "  %s: %s of %s virtual time (%.0f%%), %.1fM events/s", name,
                Durations.format(now), Durations.format(end), 100.0 * now / end, rate / 1e6);
        err.print("\r" + line + "\u001b[K");
        err.flush();
        drawn = true;
        if (finished) {
            clear();
        }
    }

    private void clear() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
        variant = null;
    }
}
