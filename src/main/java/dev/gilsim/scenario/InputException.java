package dev.gilsim.scenario;

/**
 * The single kind of error a user can cause with a scenario file or a command-line override.
 *
 * <p>The message is designed to be printed verbatim and jumped to by an editor:
 * {@code FILE:LINE:COL: field.path: what is wrong (expected ...)}. Everything needed to build it is
 * kept as separate fields so that callers and tests do not have to parse the message back.
 */
public final class InputException extends RuntimeException {

    private static final int QUOTE_LIMIT = 40;

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

    /** User text in single quotes, one line, shortened so a pasted paragraph cannot swamp the message. */
    public static String quote(String text) {
        String t = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        if (t.length() > QUOTE_LIMIT) {
            t = t.substring(0, QUOTE_LIMIT - 3) + "...";
        }
        return "'" + t + "'";
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

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder();
        if (location != null) {
            sb.append(location).append(": ");
        }
        sb.append(Node.displayPath(path)).append(": ").append(problem);
        if (expected != null) {
            sb.append(" (expected ").append(expected).append(')');
        }
        return sb.toString();
    }
}
