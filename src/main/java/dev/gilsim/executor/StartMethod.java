package dev.gilsim.executor;

import java.util.Locale;

/**
 * E3: how a process pool starts a worker process. What a start costs, the parent's share (holding
 * its GIL) and the child's boot, comes with the pool's {@link ProcessPoolCosts}: defaults.yaml's
 * {@code process_start} table gives it per method.
 */
public enum StartMethod {
    FORK,
    FORKSERVER,
    SPAWN;

    /** By its Python name: {@code fork}, {@code forkserver}, {@code spawn}. */
    public static StartMethod named(String name) {
        for (StartMethod m : values()) {
            if (m.name().toLowerCase(Locale.ROOT).equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no start method " + name);
    }

    /**
     * CPython starts every worker at the first submit with {@code fork} (it is not safe to fork
     * later from a threaded parent), and one per submit otherwise ({@code _adjust_process_count}).
     */
    public boolean startsAllWorkersAtOnce() {
        return this == FORK;
    }
}
