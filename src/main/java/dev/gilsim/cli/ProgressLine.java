package dev.gilsim.cli;

import dev.gilsim.kernel.Durations;
import dev.gilsim.run.Progress;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Progress of long runs on stderr. On a terminal, one line rewritten at most four times a second
 * once a variant has run for a second; elsewhere (a CI log, {@code nohup}, a pipe), or with
 * {@code --progress always}, a plain line every ten seconds once it has run for ten. Both give the
 * share of virtual time done and the wall time left, always written as minutes and seconds. Once,
 * after two seconds, a run projected to last more than half a minute says how long it will take.
 * With {@code --max-wall}, a run that passes its budget stops here, between two slices of virtual
 * time, so nothing half-simulated is ever written.
 */
final class ProgressLine implements Progress {
    /** When progress is shown: {@code auto} (the default), {@code always} (plain lines even on a terminal), {@code never}. */
    enum Mode { AUTO, ALWAYS, NEVER }

    /** Thrown out of the run when {@code --max-wall} has passed. */
    static final class WallBudgetExceeded extends RuntimeException {
        WallBudgetExceeded(String message) {
            super(message);
        }
    }

    private static final long REDRAW_NANOS = 250_000_000L;
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;
    private static final long ESTIMATE_AFTER_NANOS = 2_000_000_000L;
    private static final long ESTIMATE_ABOVE_NANOS = 30_000_000_000L;

    private final PrintStream err;
    private final boolean rewrite;
    private final boolean show;
    private final long maxWallNanos;
    private final long commandStarted;
    /** When each variant first reported, in wall nanoseconds: variants may run side by side (VariantRuns). */
    private final Map<String, Long> variantStarted = new HashMap<>();
    /** The variants whose length was estimated already (or need not be). */
    private final Set<String> estimated = new HashSet<>();
    private long lastDrawn;
    private boolean drawn;

    private ProgressLine(PrintStream err, boolean show, boolean rewrite, long maxWallNanos, long commandStarted) {
        this.err = err;
        this.show = show;
        this.rewrite = rewrite;
        this.maxWallNanos = maxWallNanos;
        this.commandStarted = commandStarted;
    }

    /**
     * @param maxWallNanos the wall-clock budget of the whole command from {@code commandStarted}, or 0 for none
     */
    static Progress of(Mode mode, long maxWallNanos, long commandStarted) {
        boolean terminal = System.console() != null;
        if (mode == Mode.NEVER && maxWallNanos == 0) {
            return Progress.NONE;
        }
        return new ProgressLine(System.err, mode != Mode.NEVER, terminal && mode == Mode.AUTO, maxWallNanos,
                commandStarted);
    }

    /** Called by every variant running, from its own thread: one line, one variant's figures at a time. */
    @Override
    public synchronized void update(String name, long now, long end, long events) {
        long wall = System.nanoTime();
        if (!variantStarted.containsKey(name)) {
            variantStarted.put(name, wall);
            lastDrawn = wall;
        }
        long elapsed = wall - variantStarted.get(name);
        long left = now == 0 ? 0 : Math.round(elapsed * (double) (end - now) / now);
        if (maxWallNanos > 0 && now < end && wall - commandStarted > maxWallNanos) {
            clear();
            throw new WallBudgetExceeded(String.format(Locale.ROOT,
                    "stopped by --max-wall %s in variant '%s', %.0f%% of its %s of virtual time done "
                            + "(about %s more needed)",
                    wallTime(maxWallNanos), name, 100.0 * now / end, Durations.format(end), wallTime(left)));
        }
        if (!show) {
            return;
        }
        boolean finished = now >= end;
        if (!estimated.contains(name) && elapsed >= ESTIMATE_AFTER_NANOS && !finished) {
            estimated.add(name);
            if (elapsed + left > ESTIMATE_ABOVE_NANOS) {
                clear();
                err.printf(Locale.ROOT, "  %s: this run will take about %s%n", name, wallTime(elapsed + left));
                err.flush();
            }
        }
        if (rewrite) {
            if (elapsed >= QUIET_NANOS && (finished || wall - lastDrawn >= REDRAW_NANOS)) {
                lastDrawn = wall;
                err.print("\r" + line(name, now, end, left) + "\u001b[K");
                err.flush();
                drawn = true;
            }
            if (finished) {
                clear();
            }
        } else if (!finished && elapsed >= LOG_EVERY_NANOS && wall - lastDrawn >= LOG_EVERY_NANOS) {
            lastDrawn = wall;
            err.println(line(name, now, end, left));
            err.flush();
        }
    }

    private static String line(String name, long now, long end, long left) {
        return String.format(Locale.ROOT, "  %s: %.0f%% of %s of virtual time, %s left", name, 100.0 * now / end,
                Durations.format(end), wallTime(left));
    }

    /** Wall time in one style whatever its size: {@code 45s}, {@code 4m 05s}, {@code 2h 03m}. */
    static String wallTime(long nanos) {
        long s = Math.max(0, Math.round(nanos / 1e9));
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }

    private void clear() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }
}
