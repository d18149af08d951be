package dev.gilsim.scenario;

import static dev.gilsim.scenario.InputException.quote;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed conversions of single nodes, shared by {@link MapReader} (fields) and binders walking list
 * items. Every failure is an {@link InputException} located at the offending value.
 */
public final class Nodes {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+(?:_\\d+)*");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private Nodes() {
    }

    /** The node as a non-null scalar, or an error saying what was found instead of {@code expected}. */
    public static ScalarNode scalar(Node n, String expected) {
        if (n instanceof ScalarNode s && !s.isNull()) {
            return s;
        }
        throw InputException.at(n, wrongKind(n), expected);
    }

    public static String string(Node n) {
        return scalar(n, "a string").text();
    }

    public static long duration(Node n) {
        String text = scalar(n, "a duration, " + Units.DURATION_EXAMPLES).text();
        try {
            return Units.parseDurationNanos(text);
        } catch (Units.InvalidQuantityException e) {
            throw InputException.at(n, e.getMessage(), e.expected());
        }
    }

    /** A duration that must be strictly positive, for intervals and periods where zero would never advance time. */
    public static long positiveDuration(Node n) {
        long v = duration(n);
        if (v == 0) {
            throw InputException.at(n, "must be greater than 0 (got " + ((ScalarNode) n).text().strip() + ")");
        }
        return v;
    }

    /** Events per second. */
    public static double rate(Node n) {
        String text = scalar(n, "a rate, " + Units.RATE_EXAMPLES).text();
        try {
            return Units.parseRatePerSecond(text);
        } catch (Units.InvalidQuantityException e) {
            throw InputException.at(n, e.getMessage(), e.expected());
        }
    }

    /** A whole number in {@code [min, max]}; the bounds keep absurd sizes out of the simulator. */
    public static int integer(Node n, int min, int max) {
        String expected = "a whole number" + range(BigDecimal.valueOf(min), BigDecimal.valueOf(max),
                min == Integer.MIN_VALUE, max == Integer.MAX_VALUE);
        String t = scalar(n, expected).text().strip();
        if (!INTEGER.matcher(t).matches()) {
            throw InputException.at(n, quote(t) + " is not a whole number", expected);
        }
        BigInteger v = new BigInteger(t.replace("_", ""));
        checkRange(n, new BigDecimal(v), BigDecimal.valueOf(min), BigDecimal.valueOf(max), t);
        return v.intValueExact();
    }

    public static double number(Node n, double min, double max) {
        String expected = "a number" + range(plain(min), plain(max), Double.isInfinite(min), Double.isInfinite(max));
        String t = scalar(n, expected).text().strip();
        if (!DECIMAL.matcher(t).matches()) {
            throw InputException.at(n, quote(t) + " is not a number", expected);
        }
        double v = Double.parseDouble(t);
        if (Double.isInfinite(v)) {
            throw InputException.at(n, quote(t) + " is too large", expected);
        }
        checkRange(n, new BigDecimal(t), plain(min), plain(max), t);
        return v;
    }

    public static boolean bool(Node n) {
        String t = scalar(n, "true or false").text().strip();
        return switch (t) {
            case "true", "True", "TRUE" -> true;
            case "false", "False", "FALSE" -> false;
            default -> throw InputException.at(n, quote(t) + " is not a boolean", "true or false");
        };
    }

    /** An enum constant by its YAML spelling, see {@link #spelling}. */
    public static <E extends Enum<E>> E choice(Node n, Class<E> type) {
        List<String> names = spellings(type);
        String expected = "one of " + String.join(", ", names);
        String t = scalar(n, expected).text().strip();
        int i = names.indexOf(t);
        if (i >= 0) {
            return type.getEnumConstants()[i];
        }
        Optional<String> close = Suggest.closest(t, names);
        throw InputException.at(n, quote(t) + " is not a valid choice"
                + close.map(c -> ", did you mean '" + c + "'?").orElse(""), expected);
    }

    public static ListNode list(Node n) {
        if (n instanceof ListNode l) {
            return l;
        }
        throw InputException.at(n, wrongKind(n), "a list");
    }

    /** How an enum constant is written in YAML: {@code FREE_THREADED} is {@code free-threaded}. */
    public static String spelling(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** All spellings of {@code type}, in declaration order. */
    public static <E extends Enum<E>> List<String> spellings(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(spelling(e));
        }
        return names;
    }

    /** The "what is wrong" for a node of the wrong shape: {@code got a list}, {@code has no value}. */
    public static String wrongKind(Node n) {
        return n instanceof ScalarNode s && s.isNull() ? "has no value" : "got " + describe(n);
    }

    /** A short description for messages: {@code a mapping}, {@code a list}, {@code an empty value} or the quoted text. */
    public static String describe(Node n) {
        if (n instanceof MapNode) {
            return "a mapping";
        }
        if (n instanceof ListNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) n;
        return s.isNull() ? "an empty value" : quote(s.text());
    }

    private static void checkRange(Node n, BigDecimal v, BigDecimal min, BigDecimal max, String text) {
        if (min != null && v.compareTo(min) < 0) {
            throw InputException.at(n, "must be at least " + min.toPlainString() + " (got " + text + ")");
        }
        if (max != null && v.compareTo(max) > 0) {
            throw InputException.at(n, "must be at most " + max.toPlainString() + " (got " + text + ")");
        }
    }

    private static String range(BigDecimal min, BigDecimal max, boolean noMin, boolean noMax) {
        if (noMin && noMax) {
            return "";
        }
        if (noMax) {
            return " of at least " + min.toPlainString();
        }
        if (noMin) {
            return " of at most " + max.toPlainString();
        }
        return " from " + min.toPlainString() + " to " + max.toPlainString();
    }

    /** Exact decimal of a bound, or null for an infinite (absent) bound. */
    private static BigDecimal plain(double d) {
        return Double.isInfinite(d) ? null : BigDecimal.valueOf(d).stripTrailingZeros();
    }
}
