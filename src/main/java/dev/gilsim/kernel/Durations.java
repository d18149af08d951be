package dev.gilsim.kernel;

import java.math.BigDecimal;
import java.util.Locale;

/** Printing virtual durations for people: the largest unit that keeps the number readable. */
public final class Durations {
    public static final long NANOS_PER_MICRO = 1_000L;
    public static final long NANOS_PER_MILLI = 1_000_000L;
    public static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Durations() {
    }

    public static long millis(double ms) {
        return Math.round(ms * NANOS_PER_MILLI);
    }

    public static long micros(double us) {
        return Math.round(us * NANOS_PER_MICRO);
    }

    public static long seconds(double s) {
        return Math.round(s * NANOS_PER_SECOND);
    }

    public static double toMillis(long nanos) {
        return nanos / (double) NANOS_PER_MILLI;
    }

    /** {@code 5ms}, {@code 250us}, {@code 1.5s}, {@code 0}: exact, with no trailing zeros. */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0";
        }
        long abs = Math.abs(nanos);
        if (abs >= 60 * NANOS_PER_SECOND && abs % (60 * NANOS_PER_SECOND) == 0) {
            return nanos / (60 * NANOS_PER_SECOND) + "m";
        }
        if (abs >= NANOS_PER_SECOND) {
            return scaled(nanos, 9) + "s";
        }
        if (abs >= NANOS_PER_MILLI) {
            return scaled(nanos, 6) + "ms";
        }
        if (abs >= NANOS_PER_MICRO) {
            return scaled(nanos, 3) + "us";
        }
        return nanos + "ns";
    }

    /** A double without a trailing {@code .0} and without exponent notation. */
    public static String trim(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    public static String millisText(long nanos, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", toMillis(nanos));
    }

    private static String scaled(long nanos, int scale) {
        return BigDecimal.valueOf(nanos, scale).stripTrailingZeros().toPlainString();
    }
}
