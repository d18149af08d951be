package dev.gilsim.interpreter;

/** What a thread is doing, as a timeline would colour it. */
public enum ThreadState {
    NOT_STARTED,
    /** Holds the GIL and runs Python bytecode on a core. */
    HOLDING,
    /**
     * Holds the GIL in a native call that does not release it ({@code pow(365, 10**14)}, a C
     * extension's loop): no check point, so no drop request is honoured until it returns (G4).
     */
    HOLDING_NATIVE,
    /** Holds the GIL but the OS gave its core to another thread (C2): it keeps the GIL. */
    HOLDING_DESCHEDULED,
    /** In {@code take_gil}: a timed wait, a wake-up on its way, or a forced dropper's handoff wait. */
    GIL_WAIT,
    /** Runs on a core with the GIL released: a releasing native call or a syscall. */
    NATIVE_RELEASED,
    /** Wants a core for a releasing native call, but all cores are busy. */
    NATIVE_DESCHEDULED,
    /** Blocked in I/O or sleep with the GIL released; uses no core. */
    IO,
    /** Waiting to be woken by another thread (an idle pool worker, a loop in its selector). */
    BLOCKED,
    DONE;

    public boolean holdsGil() {
        return this == HOLDING || this == HOLDING_NATIVE || this == HOLDING_DESCHEDULED;
    }

    public boolean onCore() {
        return this == HOLDING || this == HOLDING_NATIVE || this == NATIVE_RELEASED;
    }
}
