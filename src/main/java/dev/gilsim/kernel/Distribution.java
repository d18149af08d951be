package dev.gilsim.kernel;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A distribution of non-negative durations in nanoseconds. Samples are drawn from the caller's
 * random stream, so the same distribution can be shared by many threads, each drawing from its
 * own stream.
 */
public sealed interface Distribution {

    long sample(RandomGenerator rng);

    double meanNanos();

    /** A compact description in the scenario's own notation, e.g. {@code exponential(mean=5ms)}. */
    String describe();

    static Distribution constant(long nanos) {
        return new Constant(nanos);
    }

    record Constant(long nanos) implements Distribution {
        public Constant {
            requireNonNegative(nanos, "value");
        }

        @Override
        public long sample(RandomGenerator rng) {
            return nanos;
        }

        @Override
        public double meanNanos() {
            return nanos;
        }

        @Override
        public String describe() {
            return Durations.format(nanos);
        }
    }

    record Exponential(long mean) implements Distribution {
        public Exponential {
            requirePositive(mean, "mean");
        }

        @Override
        public long sample(RandomGenerator rng) {
            // Inverse transform; 1 - u is in (0, 1], so the logarithm is finite.
            return Math.round(-mean * Math.log(1.0 - rng.nextDouble()));
        }

        @Override
        public double meanNanos() {
            return mean;
        }

        @Override
        public String describe() {
            return "exponential(mean=" + Durations.format(mean) + ")";
        }
    }

    record Uniform(long min, long max) implements Distribution {
        public Uniform {
            requireNonNegative(min, "min");
            if (max < min) {
                throw new IllegalArgumentException("max must be at least min");
            }
        }

        @Override
        public long sample(RandomGenerator rng) {
            return min + Math.round(rng.nextDouble() * (max - min));
        }

        @Override
        public double meanNanos() {
            return (min + (double) max) / 2;
        }

        @Override
        public String describe() {
            return "uniform(" + Durations.format(min) + ".." + Durations.format(max) + ")";
        }
    }

    /** A normal distribution conditioned on being non-negative (resampled, not clipped). */
    record TruncatedNormal(long mean, long sd) implements Distribution {
        public TruncatedNormal {
            requirePositive(mean, "mean");
            requireNonNegative(sd, "sd");
        }

        @Override
        public long sample(RandomGenerator rng) {
            // Rejection is cheap because the mean is positive: at least half of all draws pass.
            while (true) {
                double x = mean + sd * rng.nextGaussian();
                if (x >= 0) {
                    return Math.round(x);
                }
            }
        }

        @Override
        public double meanNanos() {
            if (sd == 0) {
                return mean;
            }
            double alpha = -mean / (double) sd;
            double phi = Math.exp(-alpha * alpha / 2) / Math.sqrt(2 * Math.PI);
            double tail = 1 - standardNormalCdf(alpha);
            return mean + sd * phi / tail;
        }

        @Override
        public String describe() {
            return "normal(mean=" + Durations.format(mean) + ", sd=" + Durations.format(sd) + ")";
        }
    }

    /** Log-normal given by its median and the standard deviation of its logarithm. */
    record LogNormal(long median, double sigma) implements Distribution {
        public LogNormal {
            requirePositive(median, "median");
            if (!(sigma >= 0) || sigma > 10) {
                throw new IllegalArgumentException("sigma must be between 0 and 10");
            }
        }

        @Override
        public long sample(RandomGenerator rng) {
            return Math.round(median * Math.exp(sigma * rng.nextGaussian()));
        }

        @Override
        public double meanNanos() {
            return median * Math.exp(sigma * sigma / 2);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "lognormal(median=%s, sigma=%s)",
                    Durations.format(median), Durations.trim(sigma));
        }
    }

    record Gamma(double shape, long mean) implements Distribution {
        public Gamma {
            if (!(shape > 0) || shape > 1e6) {
                throw new IllegalArgumentException("shape must be positive");
            }
            requirePositive(mean, "mean");
        }

        @Override
        public long sample(RandomGenerator rng) {
            // commons-math's Marsaglia-Tsang sampler, bound to the caller's stream.
            return Math.round(new GammaDistribution(rng, shape, mean / shape).sample());
        }

        @Override
        public double meanNanos() {
            return mean;
        }

        @Override
        public String describe() {
            return "gamma(shape=" + Durations.trim(shape) + ", mean=" + Durations.format(mean) + ")";
        }
    }

    /** Each of the observed values with equal probability, as from a measured trace. */
    record Empirical(List<Long> values) implements Distribution {
        public Empirical {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("needs at least one value");
            }
            for (long v : values) {
                requireNonNegative(v, "value");
            }
        }

        @Override
        public long sample(RandomGenerator rng) {
            return values.get(rng.nextInt(values.size()));
        }

        @Override
        public double meanNanos() {
            return values.stream().mapToLong(Long::longValue).average().orElse(0);
        }

        @Override
        public String describe() {
            return "empirical(" + values.size() + " values)";
        }
    }

    private static void requireNonNegative(long v, String what) {
        if (v < 0) {
            throw new IllegalArgumentException(what + " must not be negative");
        }
    }

    private static void requirePositive(long v, String what) {
        if (v <= 0) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }

    private static double standardNormalCdf(double x) {
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(-x / Math.sqrt(2));
    }
}
