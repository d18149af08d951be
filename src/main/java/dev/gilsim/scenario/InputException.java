package dev.gilsim.scenario;

/**
 * The single kind of error a user can cause with a scenario file or a command-line override.
 *
 * <p>The message is designed to be printed verbatim and jumped to by an editor:
 * {@code FILE:LINE:COL: field.path: what is wrong (expected ...)}. Everything needed to build it is
 * kept as separate fields so that callers and tests do not have to parse the message back.
 */
public final class InputException extends RuntimeException {

    /** Characters of a value echoed in quotes: enough to recognise it, too few to swamp the line. */
    private static final int QUOTE_LIMIT = 60;
    /** A path keeps this much of its start and of its end, where the field is named. */
    private static final int PATH_END = 60;
    /** A net under the problem and the expectation, for user text echoed without {@link #quote}. */
    private static final int PART_LIMIT = 400;

    private final Location location;
    private final String path;
    private final String problem;
    private final String expected;

    /**
     * @param location where the problem is, or null when there is no meaningful position (unreadable file)
     * @param path dotted field path; the empty string means the document root
     * @param problem what is wrong, phrased so it reads after {@code path: }
     * @param expected what would have been accepted, or null when there is nothing useful to say
     */
    public InputException(Location location, String path, String problem, String expected) {
        this(location, path, problem, expected, null);
    }

    InputException(Location location, String path, String problem, String expected, Throwable cause) {
        super(cause);
        this.location = location;
        this.path = path == null ? "" : path;
        this.problem = problem;
        this.expected = expected;
    }

    /** An error about the value of {@code node}, located where that value is written. */
    public static InputException at(Node node, String problem, String expected) {
        return new InputException(node.location(), node.path(), problem, expected);
    }

    public static InputException at(Node node, String problem) {
        return at(node, problem, null);
    }

    /**
     * User text in single quotes, one line, escaped as {@link #escape} does (backslashes doubled, so
     * an escape is never ambiguous), and shortened so a pasted paragraph cannot swamp the message.
     */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder();
        int keep = 0; // the end of the last whole character that leaves room for "..."
        for (int i = 0; i < text.length() && out.length() <= QUOTE_LIMIT; i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else {
                appendEscaped(out, c);
            }
            if (out.length() <= QUOTE_LIMIT - 3) {
                keep = out.length();
            }
        }
        return "'" + (out.length() <= QUOTE_LIMIT ? out : out.substring(0, keep) + "...") + "'";
    }

    /**
     * {@code text} with every character that a terminal would act on rather than show written as
     * an escape: control characters ({@code \x1b}, which starts a terminal command; {@code \n},
     * which would split the one-line message), format characters such as the bidirectional
     * overrides ({@code \u202e}, which reorders what follows), and line separators.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            appendEscaped(out, text.codePointAt(i));
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, int c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (!unsafe(c)) {
                    out.appendCodePoint(c);
                } else if (c <= 0xFF) {
                    out.append(String.format(java.util.Locale.ROOT, "\\x%02x", c));
                } else if (c <= 0xFFFF) {
                    out.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
                } else {
                    out.append(String.format(java.util.Locale.ROOT, "\\U%08x", c));
                }
            }
        }
    }

    private static boolean unsafe(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    /** {@code text} cut to {@code limit} characters with an ellipsis. */
    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 3) + "...";
    }

    /** A long path keeps its start and its end, where the field is named. */
    private static String cutPath(String path) {
        return path.length() <= 2 * PATH_END + 3 ? path
                : path.substring(0, PATH_END) + "..." + path.substring(path.length() - PATH_END);
    }

    /** Null when the problem has no position, e.g. a file that could not be read. */
    public Location location() {
        return location;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }

    /** Null when the message has no "(expected ...)" part. */
    public String expected() {
        return expected;
    }

    /**
     * The one line to print. Every part may hold what the user wrote (a file name, a key, a value),
     * so each is escaped and cut here, whatever its builder did: the line stays one line, short,
     * and inert on a terminal.
     */
    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder();
        if (location != null) {
            sb.append(escape(location.toString())).append(": ");
        }
        sb.append(cutPath(escape(Node.displayPath(path)))).append(": ").append(cut(escape(problem), PART_LIMIT));
        if (expected != null) {
            sb.append(" (expected ").append(cut(escape(expected), PART_LIMIT)).append(')');
        }
        return sb.toString();
    }
}
