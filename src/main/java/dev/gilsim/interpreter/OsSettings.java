package dev.gilsim.interpreter;

/**
 * The machine under the interpreters.
 *
 * @param cores CPU cores shared by every process (C1, C3)
 * @param timeSlice round-robin slice when more threads want a core than there are cores (C2)
 * @param timerSlack added to every timed sleep, as Linux's default timer slack does
 */
public record OsSettings(int cores, long timeSlice, long timerSlack) {
    public OsSettings {
        if (cores < 1) {
            throw new IllegalArgumentException("at least one core");
        }
        if (timeSlice <= 0) {
            throw new IllegalArgumentException("time slice must be positive");
        }
        if (timerSlack < 0) {
            throw new IllegalArgumentException("timer slack must not be negative");
        }
    }
}
