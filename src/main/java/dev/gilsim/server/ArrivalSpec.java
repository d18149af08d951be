package dev.gilsim.server;

import dev.gilsim.kernel.Distribution;
import java.util.Objects;

/** How requests come to a server. Latency counts from each request's intended arrival (L5). */
public sealed interface ArrivalSpec {

    /** The endpoint every request of this source goes to, or null to draw one by weight. */
    String endpoint();

    /** Open loop: exponential gaps at {@code ratePerSecond}, from {@code startNanos}. */
    record Poisson(double ratePerSecond, long startNanos, String endpoint) implements ArrivalSpec {
        public Poisson(double ratePerSecond, long startNanos) {
            this(ratePerSecond, startNanos, null);
        }

        public Poisson {
            if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("arrival rate must be positive");
            }
            requireStart(startNanos);
        }
    }

    /** Open loop: one request every {@code intervalNanos}, the first at {@code startNanos}. */
    record FixedInterval(long intervalNanos, long startNanos, String endpoint) implements ArrivalSpec {
        public FixedInterval(long intervalNanos, long startNanos) {
            this(intervalNanos, startNanos, null);
        }

        public FixedInterval {
            if (intervalNanos <= 0) {
                throw new IllegalArgumentException("arrival interval must be positive");
            }
            requireStart(startNanos);
        }
    }

    /** {@code count} requests at once, at {@code atNanos}. */
    record Burst(int count, long atNanos, String endpoint) implements ArrivalSpec {
        public Burst(int count, long atNanos) {
            this(count, atNanos, null);
        }

        public Burst {
            if (count < 1) {
                throw new IllegalArgumentException("a burst needs at least one request");
            }
            requireStart(atNanos);
        }
    }

    /**
     * Closed loop: {@code clients} users, each sending a request, waiting for its response (or
     * its job's result), thinking, and sending the next; never more than one in flight each.
     */
    record ClosedLoop(int clients, Distribution thinkTime, long startNanos, String endpoint) implements ArrivalSpec {
        public ClosedLoop(int clients, Distribution thinkTime, long startNanos) {
            this(clients, thinkTime, startNanos, null);
        }

        public ClosedLoop {
            if (clients < 1) {
                throw new IllegalArgumentException("a closed loop needs at least one client");
            }
            Objects.requireNonNull(thinkTime, "thinkTime");
            requireStart(startNanos);
        }
    }

    private static void requireStart(long startNanos) {
        if (startNanos < 0) {
            throw new IllegalArgumentException("arrivals cannot start before time 0");
        }
    }
}
