package dev.gilsim.sweep;

/** Told as points finish; the command line shows it only on an interactive terminal. */
public interface Progress {
    Progress SILENT = new Progress() {
    };

    default void started(int total, int alreadyDone) {
    }

    default void pointDone(int done, int total) {
    }

    default void finished() {
    }
}
