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

    double expectedNanos();

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
        public double expectedNanos() {
            return nanos;
        }

        @Override
        public String describe() {
            return Durations.format(nanos);
        }
    }

    record Exponential(long meanNanos) implements Distribution {
        public Exponential {
            requirePositive(meanNanos, "mean");
        }

        @Override
        public long sample(RandomGenerator rng) {
            // Inverse transform; 1 - u is in (0, 1], so the logarithm is finite.
            return Math.round(-meanNanos * Math.log(1.0 - rng.nextDouble()));
        }

        @Override
        public double expectedNanos() {
            return meanNanos;
        }

        @Override
        public String describe() {
            return "exponential(mean=" + Durations.format(meanNanos) + ")";
        }
    }

    record Uniform(long minNanos, long maxNanos) implements Distribution {
        public Uniform {
            requireNonNegative(minNanos, "min");
            if (maxNanos < minNanos) {
                throw new IllegalArgumentException("max must be at least min");
            }
        }

        @Override
        public long sample(RandomGenerator rng) {
            return minNanos + Math.round(rng.nextDouble() * (maxNanos - minNanos));
        }

        @Override
        public double expectedNanos() {
            return (minNanos + (double) maxNanos) / 2;
        }

        @Override
        public String describe() {
            return "uniform(" + Durations.format(minNanos) + ".." + Durations.format(maxNanos) + ")";
        }
    }

    /** A normal distribution conditioned on being non-negative (resampled, not clipped). */
    record TruncatedNormal(long meanNanos, long sdNanos) implements Distribution {
        public TruncatedNormal {
            requirePositive(meanNanos, "mean");
            requireNonNegative(sdNanos, "sd");
        }

        @Override
        public long sample(RandomGenerator rng) {
            // Rejection is cheap because the mean is positive: at least half of all draws pass.
            while (true) {
                double x = meanNanos + sdNanos * rng.nextGaussian();
                if (x >= 0) {
                    return Math.round(x);
                }
            }
        }

        @Override
        public double expectedNanos() {
            if (sdNanos == 0) {
                return meanNanos;
            }
            double alpha = -meanNanos / (double) sdNanos;
            double phi = Math.exp(-alpha * alpha / 2) / Math.sqrt(2 * Math.PI);
            double tail = 1 - standardNormalCdf(alpha);
            return meanNanos + sdNanos * phi / tail;
        }

        @Override
        public String describe() {
            return "normal(mean=" + Durations.format(meanNanos) + ", sd=" + Durations.format(sdNanos) + ")";
        }
    }

    /** Log-normal given by its median and the standard deviation of its logarithm. */
    record LogNormal(long medianNanos, double sigma) implements Distribution {
        public LogNormal {
            requirePositive(medianNanos, "median");
            if (!(sigma >= 0) || sigma > 10) {
                throw new IllegalArgumentException("sigma must be between 0 and 10");
            }
        }

        @Override
        public long sample(RandomGenerator rng) {
            return Math.round(medianNanos * Math.exp(sigma * rng.nextGaussian()));
        }

        @Override
        public double expectedNanos() {
            return medianNanos * Math.exp(sigma * sigma / 2);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "lognormal(median=%s, sigma=%s)",
                    Durations.format(medianNanos), Durations.trim(sigma));
        }
    }

    record Gamma(double shape, long meanNanos) implements Distribution {
        public Gamma {
            if (!(shape > 0) || shape > 1e6) {
                throw new IllegalArgumentException("shape must be positive");
            }
            requirePositive(meanNanos, "mean");
        }

        @Override
        public long sample(RandomGenerator rng) {
            // commons-math's Marsaglia-Tsang sampler, bound to the caller's stream.
            return Math.round(new GammaDistribution(rng, shape, meanNanos / shape).sample());
        }

        @Override
        public double expectedNanos() {
            return meanNanos;
        }

        @Override
        public String describe() {
            return "gamma(shape=" + Durations.trim(shape) + ", mean=" + Durations.format(meanNanos) + ")";
        }
    }

    /** Each of the observed values with equal probability, as from a measured trace. */
    record Empirical(List<Long> valuesNanos) implements Distribution {
        public Empirical {
            valuesNanos = List.copyOf(valuesNanos);
            if (valuesNanos.isEmpty()) {
                throw new IllegalArgumentException("needs at least one value");
            }
            for (long v : valuesNanos) {
                requireNonNegative(v, "value");
            }
        }

        @Override
        public long sample(RandomGenerator rng) {
            return valuesNanos.get(rng.nextInt(valuesNanos.size()));
        }

        @Override
        public double expectedNanos() {
            return valuesNanos.stream().mapToLong(Long::longValue).average().orElse(0);
        }

        @Override
        public String describe() {
            return "empirical(" + valuesNanos.size() + " values)";
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
