package dev.gilsim.scenario;

import static dev.gilsim.scenario.InputException.quote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations and rates as users write them, converted at the edge into the simulator's units:
 * virtual time is a {@code long} count of nanoseconds, rates are events per second.
 *
 * <p>Arithmetic goes through {@link BigDecimal} so that "1.1ms" is exactly 1,100,000 ns rather than
 * whatever binary floating point makes of it, and so overflow is detected instead of wrapping.
 */
public final class Units {

    public static final long NANOS_PER_MICRO = 1_000L;
    public static final long NANOS_PER_MILLI = 1_000_000L;
    public static final long NANOS_PER_SECOND = 1_000_000_000L;
    public static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    public static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

    /** What a duration should look like, for "(expected ...)" parts of messages. */
    public static final String DURATION_EXAMPLES = "e.g. 5ms, 250us, 1.5s";
    public static final String RATE_EXAMPLES = "e.g. 100/s, 2.5/ms, 6000/m";

    // Plain decimals only: exponents, signs, NaN and infinities are never what a scenario author meant.
    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+) *(\\p{L}*)");
    private static final int MAX_LENGTH = 64;
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal NANOS_PER_SECOND_BD = BigDecimal.valueOf(NANOS_PER_SECOND);

    private Units() {
    }

    /**
     * A rejected duration or rate. The message is the problem ("'5 bananas' is not a duration");
     * {@link #expected()} is what would have been accepted, or null when the text was well-formed but
     * out of range and examples would not help.
     */
    public static final class InvalidQuantityException extends IllegalArgumentException {
        private final String expected;

        InvalidQuantityException(String problem, String expected) {
            super(problem);
            this.expected = expected;
        }

        public String expected() {
            return expected;
        }
    }

    /** Parses e.g. {@code 5ms}, {@code 250us}, {@code 250µs}, {@code 1.5s}, {@code 2m}, {@code 1h}, {@code 3.5 ms}, {@code 0}. */
    public static long parseDurationNanos(String text) {
        String s = text.strip();
        if (s.startsWith("-")) {
            throw new InvalidQuantityException("must not be negative (got " + s + ")", null);
        }
        Matcher m = s.length() <= MAX_LENGTH ? QUANTITY.matcher(s) : null;
        if (m == null || !m.matches()) {
            throw new InvalidQuantityException(quote(s) + " is not a duration", DURATION_EXAMPLES);
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        String unit = m.group(2);
        if (unit.isEmpty()) {
            // A bare zero is unambiguous; any other bare number is a forgotten unit, never "seconds".
            if (amount.signum() == 0) {
                return 0;
            }
            throw new InvalidQuantityException(quote(s) + " has no unit", DURATION_EXAMPLES);
        }
        long unitNanos = unitNanos(unit);
        if (unitNanos == 0) {
            throw new InvalidQuantityException(quote(s) + " is not a duration", DURATION_EXAMPLES);
        }
        BigDecimal nanos = amount.multiply(BigDecimal.valueOf(unitNanos)).setScale(0, RoundingMode.HALF_UP);
        if (nanos.compareTo(MAX_NANOS) > 0) {
            throw new InvalidQuantityException("must be less than 292 years (got " + s + ")", null);
        }
        return nanos.longValueExact();
    }

    /** Parses {@code COUNT/UNIT} or {@code COUNT/DURATION}: {@code 100/s}, {@code 6000/m}, {@code 3/10ms}. */
    public static double parseRatePerSecond(String text) {
        String s = text.strip();
        if (s.startsWith("-")) {
            throw new InvalidQuantityException("must not be negative (got " + s + ")", null);
        }
        int slash = s.indexOf('/');
        Matcher count = slash > 0 && s.length() <= MAX_LENGTH ? QUANTITY.matcher(s.substring(0, slash).strip()) : null;
        if (count == null || !count.matches() || !count.group(2).isEmpty()) {
            throw new InvalidQuantityException(quote(s) + " is not a rate", RATE_EXAMPLES);
        }
        String per = s.substring(slash + 1).strip();
        long windowNanos;
        try {
            // "/s" means "per one second"; "/10ms" is allowed for rates that read better that way.
            windowNanos = parseDurationNanos(!per.isEmpty() && Character.isLetter(per.charAt(0)) ? "1" + per : per);
        } catch (InvalidQuantityException e) {
            throw new InvalidQuantityException(quote(s) + " is not a rate", RATE_EXAMPLES);
        }
        if (windowNanos == 0) {
            throw new InvalidQuantityException("time window must be greater than 0 (got " + s + ")", null);
        }
        BigDecimal perSecond = new BigDecimal(count.group(1)).multiply(NANOS_PER_SECOND_BD)
                .divide(BigDecimal.valueOf(windowNanos), java.math.MathContext.DECIMAL64);
        return perSecond.doubleValue();
    }

    /**
     * Exact, compact rendering: {@code 0}, {@code 100ns}, {@code 250us}, {@code 1.234567ms}, {@code 1.5s},
     * {@code 2m}, {@code 1h}. Whole minutes and hours use {@code m}/{@code h}; anything else of a second or
     * more is shown in seconds. Nothing is rounded, so {@link #parseDurationNanos} reads it back exactly.
     */
    public static String formatDuration(long nanos) {
        if (nanos == 0) {
            return "0";
        }
        BigDecimal v = BigDecimal.valueOf(nanos).abs();
        String sign = nanos < 0 ? "-" : "";
        long unit;
        String suffix;
        if (isMultiple(v, NANOS_PER_HOUR)) {
            unit = NANOS_PER_HOUR;
            suffix = "h";
        } else if (isMultiple(v, NANOS_PER_MINUTE)) {
            unit = NANOS_PER_MINUTE;
            suffix = "m";
        } else if (v.compareTo(BigDecimal.valueOf(NANOS_PER_SECOND)) >= 0) {
            unit = NANOS_PER_SECOND;
            suffix = "s";
        } else if (v.compareTo(BigDecimal.valueOf(NANOS_PER_MILLI)) >= 0) {
            unit = NANOS_PER_MILLI;
            suffix = "ms";
        } else if (v.compareTo(BigDecimal.valueOf(NANOS_PER_MICRO)) >= 0) {
            unit = NANOS_PER_MICRO;
            suffix = "us";
        } else {
            unit = 1;
            suffix = "ns";
        }
        // Exact: units below a minute are powers of ten, and minutes/hours are only used when they divide.
        BigDecimal amount = v.divide(BigDecimal.valueOf(unit)).stripTrailingZeros();
        return sign + amount.toPlainString() + suffix;
    }

    /** Milliseconds with a fixed number of decimals, for aligned table columns: {@code 5.200}. */
    public static String formatMillis(long nanos, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must not be negative: " + decimals);
        }
        return BigDecimal.valueOf(nanos).movePointLeft(6).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static boolean isMultiple(BigDecimal v, long unit) {
        return v.remainder(BigDecimal.valueOf(unit)).signum() == 0;
    }

    /** Nanoseconds per unit, or 0 for an unknown unit. Both micro signs are accepted since keyboards differ. */
    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "\u00b5s", "\u03bcs" -> NANOS_PER_MICRO;
            case "ms" -> NANOS_PER_MILLI;
            case "s" -> NANOS_PER_SECOND;
            case "m" -> NANOS_PER_MINUTE;
            case "h" -> NANOS_PER_HOUR;
            default -> 0;
        };
    }
}
