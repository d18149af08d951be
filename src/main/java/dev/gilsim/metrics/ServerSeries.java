package dev.gilsim.metrics;

/** For {@link AppMetrics}: a server's requests in flight (arrived, not yet answered) and its completions per second. */
final class ServerSeries {
    int inFlight;
    final TimeSeries inFlightSeries = new TimeSeries(TimeSeries.Unit.COUNT);
    final TimeSeries completedPerSecond = new TimeSeries(TimeSeries.Unit.COUNT);
    long bucketStart;
    long inBucket;

    ServerSeries(long windowStart) {
        this.bucketStart = windowStart;
    }

    void sampleInFlight(long now, Window w) {
        if (w.contains(now)) {
            inFlightSeries.add(now, inFlight);
        }
    }

    void completed(long now, Window w, long bucket) {
        if (w.contains(now)) {
            flushBuckets(now, w, bucket);
            inBucket++;
        }
    }

    /** Writes every bucket that ended by {@code now}, each at its end, as completions per second. */
    void flushBuckets(long now, Window w, long bucket) {
        while (bucketStart + bucket <= Math.min(now, w.end())) {
            bucketStart += bucket;
            completedPerSecond.add(bucketStart, inBucket * 1_000_000_000L / bucket);
            inBucket = 0;
        }
    }
}
