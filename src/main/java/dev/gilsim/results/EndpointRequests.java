package dev.gilsim.results;

import dev.gilsim.metrics.AppSummary;
import dev.gilsim.run.RunResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What happened to the requests offered to one endpoint in one variant: the figures that show
 * overload, which latency percentiles hide, since they count completed requests only.
 *
 * @param endpoint {@code server/endpoint}
 * @param arrived offered in the measured window
 * @param completed answered in the measured window
 * @param rejected answered 503 in the measured window
 * @param unfinished arrived at any time, no response when the run ended
 */
public record EndpointRequests(String endpoint, long arrived, long completed, long rejected, long unfinished) {
    /**
     * Overloaded when more than this share of the offered requests is still unfinished at the
     * end. A server that keeps up leaves only what is in flight, about rate times latency (5 of
     * 1,000 at 100/s and 50 ms); one offered more than it serves leaves a backlog that grows with
     * the run, soon far above 5%.
     */
    public static final double OVERLOAD_SHARE = 0.05;

    public static List<EndpointRequests> of(RunResult r) {
        return r.summary().app().endpoints().stream().map(EndpointRequests::of).toList();
    }

    static EndpointRequests of(AppSummary.Endpoint e) {
        return new EndpointRequests(e.key(), e.arrived(), e.completed(), e.rejected(), e.unfinished());
    }

    /**
     * Unfinished requests count as overload only against requests offered in the measured window:
     * a long task started during the warm-up (a CPU-bound job sent once at 0) is work in progress,
     * not a backlog, and "2 of 0 offered" would say nothing.
     */
    public boolean overloaded() {
        return arrived > 0 && unfinished > OVERLOAD_SHARE * arrived;
    }

    /** The warning line for an overloaded endpoint, empty otherwise. */
    public Optional<String> warning(String variant) {
        if (!overloaded()) {
            return Optional.empty();
        }
        String share = String.format(Locale.ROOT, " (%.0f%%)", 100.0 * unfinished / arrived);
        return Optional.of(String.format(Locale.ROOT, "overload: %s%s: %d of %d requests offered%s were unfinished "
                + "at the end: arrivals outran what the server could serve; latency percentiles count the "
                + "unfinished at their age at the end, so they are lower bounds", variant.isEmpty() ? "" : variant + " ",
                endpoint, unfinished, arrived, share));
    }
}
