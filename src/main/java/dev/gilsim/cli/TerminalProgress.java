package dev.gilsim.cli;

import dev.gilsim.sweep.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Sweep progress on stderr: points done, time spent, time left. On a terminal one rewritten line;
 * elsewhere (a CI log, {@code nohup}), or with {@code --progress always}, a plain line every ten
 * seconds once the sweep has run for ten; nothing with {@code --progress never}.
 */
final class TerminalProgress implements Progress {
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final PrintStream err;
    private final boolean rewrite;
    private long started;
    private long lastLogged;
    private int skipped;

    private TerminalProgress(PrintStream err, boolean rewrite) {
        this.err = err;
        this.rewrite = rewrite;
    }

    static Progress of(ProgressLine.Mode mode) {
        if (mode == ProgressLine.Mode.NEVER) {
            return Progress.SILENT;
        }
        return new TerminalProgress(System.err, System.console() != null && mode == ProgressLine.Mode.AUTO);
    }

    @Override
    public synchronized void started(int total, int alreadyDone) {
        started = System.nanoTime();
        lastLogged = started;
        skipped = alreadyDone;
        if (alreadyDone > 0) {
            err.printf(Locale.ROOT, "resuming: %d of %d points already done%n", alreadyDone, total);
        }
    }

    @Override
    public synchronized void pointDone(int done, int total) {
        long now = System.nanoTime();
        long elapsed = now - started;
        int ranHere = done - skipped;
        long left = ranHere == 0 ? 0 : Math.round((double) elapsed / ranHere * (total - done));
        String line = String.format(Locale.ROOT, "sweep: %d/%d points, %s elapsed, %s left", done, total,
                ProgressLine.wallTime(elapsed), ProgressLine.wallTime(left));
        if (rewrite) {
            err.print("\r" + line + "\u001b[K");
            err.flush();
        } else if (done < total && elapsed >= LOG_EVERY_NANOS && now - lastLogged >= LOG_EVERY_NANOS) {
            lastLogged = now;
            err.println(line);
            err.flush();
        }
    }

    @Override
    public synchronized void finished() {
        if (rewrite) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
