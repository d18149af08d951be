package dev.gilsim.results;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameter rows of a process's threads, one row per run of numbered threads that do the same
 * thing ({@code threads.spinner-1..3: cpu forever}): a group of {@code count: 10000} was ten
 * thousand identical rows in the report and in summary.json.
 */
final class ThreadRows {
    private static final Pattern NUMBERED = Pattern.compile("(.*)-(\\d+)");

    private final String prefix;
    private final List<Parameter> out;
    private String base;
    private long first;
    private long last;
    private String value;
    private String name;

    ThreadRows(String prefix, List<Parameter> out) {
        this.prefix = prefix;
        this.out = out;
    }

    void add(String threadName, String threadValue) {
        Matcher m = NUMBERED.matcher(threadName);
        boolean numbered = m.matches() && m.group(2).length() < 10;
        if (numbered && value != null && base != null && m.group(1).equals(base)
                && Long.parseLong(m.group(2)) == last + 1 && threadValue.equals(value)) {
            last++;
            return;
        }
        flush();
        name = threadName;
        value = threadValue;
        base = numbered ? m.group(1) : null;
        first = numbered ? Long.parseLong(m.group(2)) : 0;
        last = first;
    }

    void flush() {
        if (value == null) {
            return;
        }
        out.add(new Parameter(prefix + (last > first ? base + "-" + first + ".." + last : name), value));
        value = null;
    }
}
