package dev.gilsim.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pool's default {@code max_workers} as defaults.yaml's versions table writes it, in CPython's
 * own terms: {@code cpu} ({@code os.cpu_count()}), {@code process_cpu_count} (3.13's
 * {@code os.process_cpu_count()}, the same here: the model has no CPU affinity), either plus a
 * whole number, a whole number, or {@code min(N, ...)} of one of those.
 */
final class PoolSizeFormula {
    static final String EXPECTED = "a worker count such as 4, cpu, cpu+4 or min(32, process_cpu_count+4)";
    private static final Pattern MIN = Pattern.compile("min\\(\\s*(\\d+)\\s*,(.*)\\)");
    private static final Pattern TERM = Pattern.compile("(\\d+)|(cpu|process_cpu_count)(?:\\s*\\+\\s*(\\d+))?");

    private PoolSizeFormula() {
    }

    /** The formula at {@code n} for a machine of {@code cores} cores. */
    static int workers(Node n, int cores) {
        String text = Nodes.string(n).strip();
        Matcher min = MIN.matcher(text);
        int workers = min.matches() ? Math.min(number(n, min.group(1)), term(n, min.group(2).strip(), cores))
                : term(n, text, cores);
        if (workers < 1) {
            throw InputException.at(n, InputException.quote(text) + " gives no workers", EXPECTED);
        }
        return workers;
    }

    private static int term(Node n, String text, int cores) {
        Matcher m = TERM.matcher(text);
        if (!m.matches()) {
            throw InputException.at(n, InputException.quote(text) + " is not a worker count", EXPECTED);
        }
        if (m.group(1) != null) {
            return number(n, m.group(1));
        }
        return cores + (m.group(3) == null ? 0 : number(n, m.group(3)));
    }

    private static int number(Node n, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw InputException.at(n, digits + " is too large", EXPECTED);
        }
    }
}
