package dev.gilsim.sweep;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The mean of one metric across replications and its 95% confidence interval, from Student's t
 * with n - 1 degrees of freedom. With a single replication there is no interval (NaN bounds).
 */
public record Interval(int n, double mean, double sd, double low, double high) {

    public static Interval of(List<Double> values) {
        SummaryStatistics s = new SummaryStatistics();
        values.forEach(s::addValue);
        int n = values.size();
        double mean = s.getMean();
        if (n < 2) {
            return new Interval(n, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double sd = s.getStandardDeviation();
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new Interval(n, mean, sd, mean - half, mean + half);
    }

    public double halfWidth() {
        return Double.isNaN(low) ? 0 : (high - low) / 2;
    }
}
