package dev.gilsim.interpreter;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CPython versions the model covers. Their defaults (the GIL's check interval, pool sizes,
 * start methods) live in defaults.yaml's {@code versions:} table alone; the scenario layer reads
 * the version's row and passes the values down.
 */
public enum PythonVersion {
    V3_8("3.8"),
    V3_9("3.9"),
    V3_10("3.10"),
    V3_11("3.11"),
    V3_12("3.12"),
    V3_13("3.13"),
    V3_14("3.14");

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

    @Override
    public String toString() {
        return text;
    }
}
