package dev.gilsim.cli;

import dev.gilsim.sweep.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Sweep progress on one rewritten line of the terminal: points done, time spent, time left. Shown
 * only when a person is watching (an interactive console); CI logs and pipes get nothing.
 */
final class TerminalProgress implements Progress {
    private final PrintStream err;
    private long started;
    private int skipped;

    private TerminalProgress(PrintStream err) {
        this.err = err;
    }

    static Progress forThisTerminal() {
        return System.console() != null ? new TerminalProgress(System.err) : Progress.SILENT;
    }

    @Override
    public synchronized void started(int total, int alreadyDone) {
        started = System.nanoTime();
        skipped = alreadyDone;
        if (alreadyDone > 0) {
            err.printf(Locale.ROOT, "resuming: %d of %d points already done%n", alreadyDone, total);
        }
    }

    @Override
    public synchronized void pointDone(int done, int total) {
        double elapsed = (System.nanoTime() - started) / 1e9;
        int ranHere = done - skipped;
        double left = ranHere == 0 ? 0 : elapsed / ranHere * (total - done);
        err.printf(Locale.ROOT, "\rsweep: %d/%d points, %.0fs elapsed, ~%.0fs left   ", done, total, elapsed, left);
        err.flush();
    }

    @Override
    public synchronized void finished() {
        err.print("\r\033[K");
        err.flush();
    }
}
