package dev.gilsim.validation;

import dev.gilsim.metrics.LatencyRecorder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a validation: every figure compared, and for each experiment with a latency the
 * real and the simulated distributions (repetitions and seeds pooled) for overlay charts.
 */
public record Validation(List<FigureComparison> figures, Map<String, Distributions> distributions,
        int seeds, int disturbedRuns) {

    public Validation {
        figures = List.copyOf(figures);
        // In the order given (the suite's): Map.copyOf's order changes from one JVM to the next,
        // and with it the order of the report's charts.
        distributions = Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
    }

    /** A real and a simulated distribution of the same quantity. */
    public record Distributions(String version, String experiment, String label, LatencyRecorder real,
            LatencyRecorder simulated) {
    }

    public List<String> versions() {
        List<String> out = new ArrayList<>();
        for (FigureComparison f : figures) {
            if (!out.contains(f.version())) {
                out.add(f.version());
            }
        }
        return out;
    }

    public List<FigureComparison> figures(String version) {
        return figures.stream().filter(f -> f.version().equals(version)).toList();
    }

    /** The share of figures in band. */
    public static double score(List<FigureComparison> fs) {
        return fs.isEmpty() ? 0 : fs.stream().filter(FigureComparison::inBand).count() / (double) fs.size();
    }

    /** The geometric mean of max(sim/real, real/sim): 1 is perfect, 1.15 is 15 % off on average. */
    public static double geometricMeanRatio(List<FigureComparison> fs) {
        double sum = 0;
        int n = 0;
        for (FigureComparison f : fs) {
            double r = f.ratio();
            if (Double.isFinite(r) && r > 0) {
                sum += Math.abs(Math.log(r));
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(sum / n);
    }

    /** The figures whose seeds disagree more than real runs do, most sensitive first. */
    public List<FigureComparison> seedSensitive() {
        return figures.stream().filter(FigureComparison::seedSensitive)
                .sorted(java.util.Comparator.comparingDouble(FigureComparison::seedSpreadExcess).reversed()).toList();
    }

    public double score() {
        return score(figures);
    }

    public double geometricMeanRatio() {
        return geometricMeanRatio(figures);
    }

    /** The lowest score of any version: the figure the done-criterion is about. */
    public double worstVersionScore() {
        return versions().stream().mapToDouble(v -> score(figures(v))).min().orElse(0);
    }
}
