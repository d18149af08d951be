package dev.gilsim.metrics;

/** For {@link AppMetrics}: one endpoint's requests, counted in the window and over the whole run. */
final class EndpointStats {
    final String server;
    final String endpoint;
    final LatencyRecorder latency = new LatencyRecorder();
    long arrived;
    long completed;
    long rejected;
    long arrivedTotal;
    long finishedTotal;
    long censored;
    /** Arrival times of the requests not yet answered. */
    final OpenArrivals open = new OpenArrivals();

    void closed(long arrival) {
        open.closed(arrival);
    }

    EndpointStats(String server, String endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }
}
