package dev.gilsim.executor;

import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;

import dev.gilsim.interpreter.PythonVersion;
import dev.gilsim.kernel.Distribution;
import java.util.Locale;

/**
 * E3: how a process pool starts a worker process, and what that costs. The totals are the measured
 * start-up times (fork about 4 ms, forkserver 40 ms, spawn 95 ms). The parent's share holds the
 * GIL ({@code os.fork()} and {@code _posixsubprocess.fork_exec} do not release it); the rest is
 * the child booting (importing, unpickling the main module) on its own core with its own GIL.
 */
public enum StartMethod {
    FORK(millis(1.5), millis(2.5)),
    FORKSERVER(micros(500), millis(39.5)),
    SPAWN(millis(2), millis(93));

    private final long parentCost;
    private final long childBoot;

    StartMethod(long parentCost, long childBoot) {
        this.parentCost = parentCost;
        this.childBoot = childBoot;
    }

    /** The parent's share of starting one worker; the child's boot is the rest of the total. */
    public long parentNanos() {
        return parentCost;
    }

    public Distribution defaultParentCost() {
        return Distribution.constant(parentCost);
    }

    public Distribution defaultChildBoot() {
        return Distribution.constant(childBoot);
    }

    /** The Python version's default on Linux (E3, defaults.yaml {@code start_method}). */
    public static StartMethod defaultFor(PythonVersion version) {
        return named(version.defaultStartMethod());
    }

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
