package dev.gilsim.interpreter;

/**
 * One thing a thread does next, with its duration already drawn. Step sources (a program, an
 * event loop, a pool worker) hand these to their thread one at a time.
 */
public sealed interface Step {

    /** Work on a core while holding the GIL. */
    record Compute(long workNanos, boolean python) implements Step {
        public Compute {
            if (workNanos < 0) {
                throw new IllegalArgumentException("negative work");
            }
        }

        /**
         * Python bytecode: has eval-breaker check points (G4) and runs slower on a free-threaded
         * build (G10).
         */
        public static Compute python(long workNanos) {
            return new Compute(workNanos, true);
        }

        /** A native call holding the GIL, such as {@code pow(365, 10**14)}: no check points. */
        public static Compute nativeHolding(long workNanos) {
            return new Compute(workNanos, false);
        }
    }

    /**
     * Work on a core with the GIL released: a releasing native call or a syscall (G8).
     * {@code whenDone} (or null) runs the moment the work ends, before the thread takes the GIL
     * back: what the call did is done then (a response sent is on the wire), however long the
     * thread then waits for the GIL.
     */
    record ReleasedCompute(long workNanos, Runnable whenDone) implements Step {
        public ReleasedCompute {
            if (workNanos < 0) {
                throw new IllegalArgumentException("negative work");
            }
        }

        public ReleasedCompute(long workNanos) {
            this(workNanos, null);
        }
    }

    /** Blocking I/O or {@code time.sleep} with the GIL released; a sleep also pays timer slack. */
    record Block(long durationNanos, boolean sleep) implements Step {
        public Block {
            if (durationNanos < 0) {
                throw new IllegalArgumentException("negative duration");
            }
        }
    }

    /**
     * Wait with the GIL released until another thread calls {@link PyThread#unpark()}, or until
     * the timeout passes ({@code timeoutNanos < 0}: no timeout).
     */
    record Park(long timeoutNanos) implements Step {
    }

    /** The thread's function returns: it releases the GIL for the last time. */
    record Exit() implements Step {
    }

    Exit EXIT = new Exit();
}
