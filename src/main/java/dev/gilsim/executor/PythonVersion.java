package dev.gilsim.executor;

/** A CPython minor version; the defaults of E1 and E3 depend on it. */
public record PythonVersion(int major, int minor) implements Comparable<PythonVersion> {
    public PythonVersion {
        if (major != 3 || minor < 5 || minor > 99) {
            throw new IllegalArgumentException("supported versions are 3.5 and later, not " + major + "." + minor);
        }
    }

    /** {@code "3.12"}; a suffix such as {@code t} (free-threaded) is the interpreter's business. */
    public static PythonVersion parse(String text) {
        String[] parts = text.trim().replaceAll("[^0-9.]+$", "").split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a Python version: " + text);
        }
        try {
            return new PythonVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a Python version: " + text, e);
        }
    }

    public boolean atLeast(int otherMinor) {
        return minor >= otherMinor;
    }

    /**
     * E1: {@code ThreadPoolExecutor()}'s default {@code max_workers}: 3.5 to 3.7 {@code cpu * 5};
     * 3.8 to 3.12 {@code min(32, cpu + 4)}; 3.13+ {@code min(32, process_cpu_count + 4)}, where
     * the process CPU count equals the machine's cores since the model has no CPU affinity.
     */
    public int defaultThreadPoolWorkers(int cpus) {
        if (minor <= 7) {
            return cpus * 5;
        }
        return Math.min(32, cpus + 4);
    }

    /** E3: {@code ProcessPoolExecutor()}'s default {@code max_workers} is the CPU count. */
    public int defaultProcessPoolWorkers(int cpus) {
        return cpus;
    }

    /** E3: on Linux, {@code fork} until 3.13; 3.14 made {@code forkserver} the default. */
    public StartMethod defaultStartMethod() {
        return minor >= 14 ? StartMethod.FORKSERVER : StartMethod.FORK;
    }

    @Override
    public int compareTo(PythonVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
