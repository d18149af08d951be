package dev.gilsim.interpreter;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CPython versions the model covers. Version-dependent defaults of the GIL live in
 * defaults.yaml ({@code versions:}); the pool defaults below follow the same table
 * ({@code thread_pool_max_workers}, {@code start_method}), and a test keeps the two in step.
 */
public enum PythonVersion {
    V3_8("3.8"),
    V3_9("3.9"),
    V3_10("3.10"),
    V3_11("3.11"),
    V3_12("3.12"),
    V3_13("3.13"),
    V3_14("3.14");

    /** How a start method is named in Python and in defaults.yaml. */
    public static final String FORK = "fork";
    public static final String FORKSERVER = "forkserver";

    private final String text;

    PythonVersion(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Optional<PythonVersion> parse(String s) {
        return Arrays.stream(values()).filter(v -> v.text.equals(s.strip())).findFirst();
    }

    /** G10: free-threaded builds exist from 3.13 on. */
    public boolean hasFreeThreadedBuild() {
        return compareTo(V3_13) >= 0;
    }

    public boolean atLeast(PythonVersion other) {
        return compareTo(other) >= 0;
    }

    /**
     * E1 (defaults.yaml {@code thread_pool_max_workers}): {@code ThreadPoolExecutor()}'s default
     * {@code max_workers}, {@code min(32, cpu + 4)} from 3.8 on; 3.13 counts
     * {@code os.process_cpu_count()}, which equals the machine's cores since the model has no CPU
     * affinity. (3.5 to 3.7, {@code cpu * 5}, are outside the model.)
     */
    public int defaultThreadPoolWorkers(int cpus) {
        return Math.min(32, cpus + 4);
    }

    /** E3: {@code ProcessPoolExecutor()}'s default {@code max_workers} is the CPU count. */
    public int defaultProcessPoolWorkers(int cpus) {
        return cpus;
    }

    /**
     * E3 (defaults.yaml {@code start_method}): multiprocessing's default start method on Linux,
     * {@code fork} until 3.13, {@code forkserver} from 3.14.
     */
    public String defaultStartMethod() {
        return atLeast(V3_14) ? FORKSERVER : FORK;
    }

    @Override
    public String toString() {
        return text;
    }
}
