package dev.gilsim.validation;

/**
 * One figure of one experiment on one CPython version: the real median and spread over the
 * repetitions beside the simulated median and spread over the seeds.
 */
public record FigureComparison(String version, String experiment, String figure, String unit,
        double realMedian, double realMin, double realMax, int realRuns,
        double simMedian, double simMin, double simMax, int seeds) {

    /** How far from the real median still counts as a match when outside the real spread. */
    public static final double TOLERANCE = 0.15;

    /** The simulated median lies inside the real spread, or within 15 % of the real median. */
    public boolean inBand() {
        if (Double.isNaN(simMedian) || Double.isNaN(realMedian)) {
            return false;
        }
        return (simMedian >= realMin && simMedian <= realMax)
                || Math.abs(simMedian - realMedian) <= TOLERANCE * Math.abs(realMedian);
    }

    /**
     * sim / real, each nudged by a floor (10 us for times, 0.1 for rates) so that two near-zero
     * figures compare as equal instead of as an arbitrary ratio of two noises.
     */
    public double ratio() {
        double floor = floor();
        return (simMedian + floor) / (realMedian + floor);
    }

    /**
     * How much wider the seeds' spread is than the real runs' (1: no wider), each spread taken as
     * max over min with the floor of {@link #ratio()}. A figure whose seeds disagree more than real
     * runs do depends on luck (often a phase lock one seed falls into), so a single seed's value of
     * it can mislead.
     */
    public double seedSpreadExcess() {
        double floor = floor();
        double sim = (simMax + floor) / (simMin + floor);
        double real = (realMax + floor) / (realMin + floor);
        return Double.isNaN(sim) || Double.isNaN(real) ? 1 : Math.max(1, sim / real);
    }

    /** The seeds' spread exceeds the real runs' by more than the tolerance. */
    public boolean seedSensitive() {
        return seedSpreadExcess() > 1 + TOLERANCE;
    }

    private double floor() {
        return unit.equals("ms") ? 0.01 : 0.1;
    }

    public String verdict() {
        if (simMedian >= realMin && simMedian <= realMax) {
            return "in spread";
        }
        return inBand() ? "within 15%" : ratio() > 1 ? "too high" : "too low";
    }
}
