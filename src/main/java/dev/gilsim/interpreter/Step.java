package dev.gilsim.interpreter;

/**
 * One thing a thread does next, with its duration already drawn. Step sources (a program, an
 * event loop, a pool worker) hand these to their thread one at a time.
 */
public sealed interface Step {

    /** Work on a core while holding the GIL. */
    record Compute(long work, boolean python) implements Step {
        public Compute {
            if (work < 0) {
                throw new IllegalArgumentException("negative work");
            }
        }

        /**
         * Python bytecode: has eval-breaker check points (G4) and runs slower on a free-threaded
         * build (G10).
         */
        public static Compute python(long work) {
            return new Compute(work, true);
        }

        /** A native call holding the GIL, such as {@code pow(365, 10**14)}: no check points. */
        public static Compute nativeHolding(long work) {
            return new Compute(work, false);
        }
    }

    /**
     * Work on a core with the GIL released: a releasing native call or a syscall (G8).
     * {@code whenDone} (or null) runs the moment the work ends, before the thread takes the GIL
     * back: what the call did is done then (a response sent is on the wire), however long the
     * thread then waits for the GIL.
     */
    record ReleasedCompute(long work, Runnable whenDone) implements Step {
        public ReleasedCompute {
            if (work < 0) {
                throw new IllegalArgumentException("negative work");
            }
        }

        public ReleasedCompute(long work) {
            this(work, null);
        }
    }

    /** Blocking I/O or {@code time.sleep} with the GIL released; a sleep also pays timer slack. */
    record Block(long duration, boolean sleep) implements Step {
        public Block {
            if (duration < 0) {
                throw new IllegalArgumentException("negative duration");
            }
        }
    }

    /**
     * Wait with the GIL released until another thread calls {@link PyThread#unpark()}, or until
     * the timeout passes ({@code timeout < 0}: no timeout).
     */
    record Park(long timeout) implements Step {
    }

    /** The thread's function returns: it releases the GIL for the last time. */
    record Exit() implements Step {
    }

    Exit EXIT = new Exit();
}
