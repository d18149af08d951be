package dev.gilsim.executor;

import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.Interpreter;
import java.util.Objects;

/**
 * Where an executor lives: its process, the pool sizes that apply when a spec declares none, the
 * GIL settings of any child process it starts (a process pool's children run the Python their parent
 * runs), and whom it reports to.
 */
public record ExecutorContext(
        Interpreter process,
        PoolDefaults poolDefaults,
        GilSettings gilSettings,
        ExecutorObserver observer) {

    public ExecutorContext {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(poolDefaults, "poolDefaults");
        Objects.requireNonNull(gilSettings, "gilSettings");
        Objects.requireNonNull(observer, "observer");
    }

    /** Builds the pool a spec describes; {@code instance} names this copy (per-request pools differ). */
    public Executor create(ExecutorSpec spec, String instance) {
        if (spec instanceof ExecutorSpec.ThreadPool t) {
            return new ThreadPool(this, t, instance);
        } else if (spec instanceof ExecutorSpec.AnyioLimiter a) {
            return new AnyioLimiter(this, a, instance);
        } else {
            return new ProcessPool(this, (ExecutorSpec.ProcessPool) spec, instance);
        }
    }
}
