package dev.gilsim.asyncio;

import java.util.Objects;

/**
 * An asyncio event loop's settings; a scenario takes them from defaults.yaml's {@code server.loop}.
 *
 * @param heartbeatPeriod L4: the probe's {@code asyncio.sleep(P)}, or null for no probe
 * @param slowCallbackThreshold L4: {@code loop.slow_callback_duration}
 * @param selectorResolution {@code EpollSelector.select} rounds its timeout up to whole
 *     milliseconds ({@code epoll_wait} takes ms); 0 for none
 * @param costs the loop's own overheads
 */
public record LoopSpec(Long heartbeatPeriod, long slowCallbackThreshold, long selectorResolution, LoopCosts costs) {
    public LoopSpec {
        if (heartbeatPeriod != null && heartbeatPeriod <= 0) {
            throw new IllegalArgumentException("heartbeat period must be positive");
        }
        if (slowCallbackThreshold <= 0) {
            throw new IllegalArgumentException("slow-callback threshold must be positive");
        }
        if (selectorResolution < 0) {
            throw new IllegalArgumentException("selector resolution must not be negative");
        }
        Objects.requireNonNull(costs, "costs");
    }

    public LoopSpec withHeartbeat(Long period) {
        return new LoopSpec(period, slowCallbackThreshold, selectorResolution, costs);
    }

    public LoopSpec withCosts(LoopCosts c) {
        return new LoopSpec(heartbeatPeriod, slowCallbackThreshold, selectorResolution, c);
    }

    public LoopSpec withSelectorResolution(long resolution) {
        return new LoopSpec(heartbeatPeriod, slowCallbackThreshold, resolution, costs);
    }
}
