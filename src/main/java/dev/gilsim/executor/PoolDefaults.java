package dev.gilsim.executor;

/**
 * The {@code max_workers} a pool gets when the scenario declares none, resolved by the scenario
 * layer from the Python version's row of defaults.yaml and the machine's cores (E1:
 * {@code min(32, cpu + 4)} threads; E3: one process per CPU). Carried as values so that a pool
 * knows no version table of its own.
 */
public record PoolDefaults(int threadPoolMaxWorkers, int processPoolMaxWorkers) {
    public PoolDefaults {
        if (threadPoolMaxWorkers < 1 || processPoolMaxWorkers < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker");
        }
    }
}
