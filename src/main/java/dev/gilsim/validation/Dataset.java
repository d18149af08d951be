package dev.gilsim.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Measured runs read from a folder tree of probe outputs ({@code *.json.gz} or {@code *.json}), by
 * CPython version and experiment. Runs the probe flagged as disturbed (another process used the
 * CPU) are counted but left out of every comparison.
 */
public final class Dataset {
    private final Map<String, Map<String, List<Measurement>>> byVersion = new TreeMap<>(Dataset::compareVersions);
    private int disturbed;

    public static Dataset read(Path dir) {
        return read(List.of(dir));
    }

    /** Every probe output under the folders, in a stable order. */
    public static Dataset read(List<Path> dirs) {
        Dataset d = new Dataset();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(dir + " is not a folder of probe results");
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Dataset::isProbeOutput).sorted().toList()) {
                    Measurement m = Measurement.read(f);
                    // Other JSON kept beside the runs (condlog's traces) names no experiment.
                    if (!m.experiment().isEmpty()) {
                        d.add(m);
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("cannot read the probe results in " + dir + ": " + e.getMessage());
            }
        }
        return d;
    }

    private static boolean isProbeOutput(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && (n.endsWith(".json.gz") || n.endsWith(".json"));
    }

    void add(Measurement m) {
        if (!m.quiet()) {
            disturbed++;
            return;
        }
        byVersion.computeIfAbsent(m.python(), v -> new TreeMap<>())
                .computeIfAbsent(m.experiment(), e -> new ArrayList<>()).add(m);
    }

    /** Python versions measured, oldest first ({@code 3.8.18} before {@code 3.12.1}). */
    public List<String> versions() {
        return List.copyOf(byVersion.keySet());
    }

    /** The quiet runs of one experiment on one version, by repetition. */
    public List<Measurement> runs(String version, String experiment) {
        List<Measurement> runs = new ArrayList<>(byVersion.getOrDefault(version, Map.of())
                .getOrDefault(experiment, List.of()));
        runs.sort(Comparator.comparingInt(Measurement::repetition));
        return runs;
    }

    public int size() {
        return byVersion.values().stream().mapToInt(m -> m.values().stream().mapToInt(List::size).sum()).sum();
    }

    public int disturbed() {
        return disturbed;
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? parse(x[i]) : 0;
            int yi = i < y.length ? parse(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return a.compareTo(b);
    }

    private static int parse(String s) {
        int n = 0;
        for (char c : s.toCharArray()) {
            if (!Character.isDigit(c)) {
                break;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
