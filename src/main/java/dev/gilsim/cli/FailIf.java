package dev.gilsim.cli;

import dev.gilsim.results.RunFigures;
import dev.gilsim.run.RunResult;
import dev.gilsim.scenario.Suggest;
import dev.gilsim.scenario.Units;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --fail-if} condition for CI: a metric of a variant (a dotted path into its
 * {@code summary.json}, as sweeps name them), a comparison and a threshold, e.g.
 * {@code endpoints.api/ping.latency.p99_ms>50ms}. A threshold with a duration unit is compared in
 * milliseconds, so the metric must be one of the {@code _ms} figures.
 *
 * @param metric the metric's path
 * @param op one of {@code <}, {@code <=}, {@code >}, {@code >=}
 * @param value the threshold as written: a number in the metric's own unit, or a duration
 * @param text the condition as the user wrote it
 */
record FailIf(String metric, String op, String value, String text) {
    /** The exit code of a run whose results meet a {@code --fail-if} condition. */
    static final int FAILED_CONDITION = 3;

    private static final Pattern FORM = Pattern.compile("\\s*([^<>=\\s]+)\\s*(<=|>=|<|>)\\s*(\\S+)\\s*");

    static FailIf parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new UserException("--fail-if '" + text + "': expected METRIC<VALUE, METRIC<=VALUE, METRIC>VALUE or "
                    + "METRIC>=VALUE, e.g. loop_lag.api-0.p99_ms>10ms", Cli.BAD_INPUT);
        }
        return new FailIf(m.group(1), m.group(2), m.group(3), text.strip());
    }

    /** The threshold in the metric's unit: a duration compares with an {@code _ms} figure in milliseconds. */
    double threshold() {
        if (value.matches("-?[0-9.]+([eE][-+]?[0-9]+)?")) {
            return Double.parseDouble(value);
        }
        double ms;
        try {
            ms = Units.parseDurationNanos(value) / 1e6;
        } catch (IllegalArgumentException e) {
            throw new UserException("--fail-if '" + text + "': '" + value + "' is neither a number nor a duration "
                    + "(e.g. 10ms)", Cli.BAD_INPUT);
        }
        if (!metric.endsWith("_ms")) {
            throw new UserException("--fail-if '" + text + "': " + value + " is a duration, but " + metric
                    + " is not a figure in milliseconds (_ms)", Cli.BAD_INPUT);
        }
        return ms;
    }

    /** A located error unless a run reports the metric; with the closest name a run does report. */
    void checkNamed(Collection<String> metrics) {
        if (!metrics.contains(metric)) {
            String close = Suggest.closest(metric, metrics).map(c -> " (did you mean '" + c + "'?)").orElse("");
            throw new UserException("--fail-if '" + text + "': no run reports '" + metric + "'" + close,
                    Cli.BAD_INPUT);
        }
        threshold();
    }

    /** The failure line when the condition holds for this variant's results, empty otherwise. */
    Optional<String> failure(String scenario, RunResult r) {
        Map<String, Double> metrics = RunFigures.of(r);
        Double x = metrics.get(metric);
        if (x == null || !holds(x)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "FAIL %s/%s: %s = %s, %s %s", scenario, r.scenario().variant(),
                metric, format(x), op, format(threshold())));
    }

    boolean holds(double x) {
        double t = threshold();
        return switch (op) {
            case "<" -> x < t;
            case "<=" -> x <= t;
            case ">" -> x > t;
            default -> x >= t;
        };
    }

    private static String format(double x) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", x)).stripTrailingZeros().toPlainString();
    }
}
