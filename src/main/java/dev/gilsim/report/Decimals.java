package dev.gilsim.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code String.format(Locale.ROOT, "%.Nf", x)} without the formatter: the JDK's builds a
 * {@code DecimalFormatSymbols} on every call, which at 10,000 threads was a third of the bytes the
 * output phase allocated. Same digits, same rounding (half up, applied to the shortest decimal
 * that reads back as the double, as {@code java.util.Formatter} does).
 */
final class Decimals {
    private Decimals() {
    }

    /** {@code value} with exactly {@code places} digits after the point. */
    static String fixed(double value, int places) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        String digits = BigDecimal.valueOf(Math.abs(value)).setScale(places, RoundingMode.HALF_UP).toPlainString();
        // The formatter keeps the sign of a negative value even when it rounds to zero (-0.00).
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        return negative ? "-" + digits : digits;
    }
}
