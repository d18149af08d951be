package dev.gilsim.scenario;

import dev.gilsim.kernel.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Durations in scenarios: a constant ({@code 5ms}) or one distribution written as a one-key
 * mapping, e.g. {@code {exponential: {mean: 5ms}}} or {@code {empirical: [1ms, 2ms, 9ms]}}.
 */
final class DistributionReader {
    static final String EXPECTED = "a duration such as 5ms, or {exponential: {mean: 5ms}}, {uniform: {min: 1ms, "
            + "max: 3ms}}, {normal: {mean: 2ms, sd: 1ms}}, {lognormal: {median: 40us, sigma: 0.5}}, "
            + "{gamma: {shape: 2, mean: 4ms}}, {empirical: [1ms, 2ms]}";

    private static final List<String> KINDS = List.of("constant", "exponential", "uniform", "normal", "lognormal",
            "gamma", "empirical");

    private DistributionReader() {
    }

    /** Whether {@code m} is written as a distribution: one key, a kind of distribution. */
    static boolean isDistribution(MapNode m) {
        return m.size() == 1 && KINDS.contains(m.keys().iterator().next());
    }

    static Distribution read(Node n) {
        if (n instanceof ScalarNode s) {
            if (s.isNull()) {
                throw InputException.at(n, "missing value", EXPECTED);
            }
            return Distribution.constant(Nodes.duration(n));
        }
        if (!(n instanceof MapNode m) || m.size() != 1) {
            throw InputException.at(n, n instanceof MapNode ? "a distribution has exactly one kind" : Nodes.wrongKind(n),
                    EXPECTED);
        }
        MapReader r = MapReader.of(m, null);
        Map.Entry<String, Node> e = r.entries().entrySet().iterator().next();
        Node body = e.getValue();
        try {
            return switch (e.getKey()) {
                case "constant" -> Distribution.constant(Nodes.duration(body));
                case "exponential" -> exponential(body);
                case "uniform" -> uniform(body);
                case "normal" -> normal(body);
                case "lognormal" -> lognormal(body);
                case "gamma" -> gamma(body);
                case "empirical" -> empirical(body);
                default -> {
                    String close = Suggest.closest(e.getKey(), KINDS).map(c -> " (did you mean '" + c + "'?)").orElse("");
                    throw new InputException(m.keyLocation(e.getKey()), Node.child(m.path(), e.getKey()),
                            "unknown distribution " + InputException.quote(e.getKey()) + close,
                            close.isEmpty() ? "one of " + String.join(", ", KINDS) : null);
                }
            };
        } catch (IllegalArgumentException bad) {
            throw InputException.at(n, bad.getMessage(), EXPECTED);
        }
    }

    private static Distribution exponential(Node body) {
        MapReader p = params(body, "{mean: 5ms}");
        long mean = p.positiveDurationReq("mean");
        p.finish();
        return new Distribution.Exponential(mean);
    }

    private static Distribution uniform(Node body) {
        MapReader p = params(body, "{min: 1ms, max: 3ms}");
        long min = p.durationReq("min");
        long max = p.durationReq("max");
        p.finish();
        if (max < min) {
            throw p.error("max", "max is less than min", "max >= min");
        }
        return new Distribution.Uniform(min, max);
    }

    private static Distribution normal(Node body) {
        MapReader p = params(body, "{mean: 2ms, sd: 1ms}");
        long mean = p.positiveDurationReq("mean");
        long sd = p.durationReq("sd");
        p.finish();
        return new Distribution.TruncatedNormal(mean, sd);
    }

    private static Distribution lognormal(Node body) {
        MapReader p = params(body, "{median: 40us, sigma: 0.5}");
        long median = p.positiveDurationReq("median");
        double sigma = Nodes.number(p.req("sigma", "a number from 0 to 10"), 0, 10);
        p.finish();
        return new Distribution.LogNormal(median, sigma);
    }

    private static Distribution gamma(Node body) {
        MapReader p = params(body, "{shape: 2, mean: 4ms}");
        double shape = Nodes.number(p.req("shape", "a positive number"), 1e-6, 1e6);
        long mean = p.positiveDurationReq("mean");
        p.finish();
        return new Distribution.Gamma(shape, mean);
    }

    private static Distribution empirical(Node body) {
        ListNode values = Nodes.list(body);
        if (values.size() == 0) {
            throw InputException.at(body, "no values", "a list of durations, e.g. [1ms, 2ms, 9ms]");
        }
        if (values.size() > 1_000_000) {
            throw InputException.at(body, "too many values (" + values.size() + ")", "at most 1000000");
        }
        List<Long> out = new ArrayList<>(values.size());
        for (Node v : values.items()) {
            out.add(Nodes.duration(v));
        }
        return new Distribution.Empirical(out);
    }

    private static MapReader params(Node body, String example) {
        return MapReader.of(body, "a mapping such as " + example);
    }
}
