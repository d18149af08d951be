package dev.gilsim.asyncio;

import java.util.Objects;

/**
 * An asyncio event loop's settings; a scenario takes them from defaults.yaml's {@code server.loop}.
 *
 * @param heartbeatPeriodNanos L4: the probe's {@code asyncio.sleep(P)}, or null for no probe
 * @param slowCallbackThresholdNanos L4: {@code loop.slow_callback_duration}
 * @param selectorResolutionNanos {@code EpollSelector.select} rounds its timeout up to whole
 *     milliseconds ({@code epoll_wait} takes ms); 0 for none
 * @param costs the loop's own overheads
 */
public record LoopSpec(Long heartbeatPeriodNanos, long slowCallbackThresholdNanos, long selectorResolutionNanos,
        LoopCosts costs) {
    public LoopSpec {
        if (heartbeatPeriodNanos != null && heartbeatPeriodNanos <= 0) {
            throw new IllegalArgumentException("heartbeat period must be positive");
        }
        if (slowCallbackThresholdNanos <= 0) {
            throw new IllegalArgumentException("slow-callback threshold must be positive");
        }
        if (selectorResolutionNanos < 0) {
            throw new IllegalArgumentException("selector resolution must not be negative");
        }
        Objects.requireNonNull(costs, "costs");
    }

    public LoopSpec withHeartbeat(Long period) {
        return new LoopSpec(period, slowCallbackThresholdNanos, selectorResolutionNanos, costs);
    }

    public LoopSpec withCosts(LoopCosts c) {
        return new LoopSpec(heartbeatPeriodNanos, slowCallbackThresholdNanos, selectorResolutionNanos, c);
    }

    public LoopSpec withSelectorResolution(long resolution) {
        return new LoopSpec(heartbeatPeriodNanos, slowCallbackThresholdNanos, resolution, costs);
    }
}
