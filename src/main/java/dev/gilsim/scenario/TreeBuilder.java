package dev.gilsim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Builds a located {@link Node} tree from Jackson's YAML token stream.
 *
 * <p>Jackson reports token positions but not everything we need: it drops anchors on scalars and
 * does not say whether a scalar was quoted. Both are recovered from the source text at the token's
 * position, where YAML puts node properties ({@code &anchor}, {@code !tag}) in front of the value.
 */
final class TreeBuilder {

    // Thread-safe once configured, and never reconfigured.
    private static final YAMLFactory FACTORY = new YAMLFactory();
    // Aliases are copied, so "billion laughs" documents must be cut off rather than expanded.
    private static final int MAX_NODES = 100_000;

    private final String file;
    private final String text;
    private final int columnOffset;
    private final int[] charIndexOfCodePoint;
    private final boolean fromDefaults;
    private final Map<String, Node> anchors = new HashMap<>();
    private final Map<String, Integer> anchorSizes = new HashMap<>();
    private YAMLParser parser;
    private int nodes;

    private TreeBuilder(String file, String text, int columnOffset, boolean fromDefaults) {
        this.file = file;
        this.fromDefaults = fromDefaults;
        this.text = text;
        this.columnOffset = columnOffset;
        this.charIndexOfCodePoint = text.codePointCount(0, text.length()) == text.length() ? null : codePointIndex(text);
    }

    /**
     * @param columnOffset added to columns on line 1, for fragments that sit inside a longer line
     * @return the single document's root, or null if the text holds no document at all
     */
    static Node build(String file, String text, String rootPath, int columnOffset) {
        return build(file, text, rootPath, columnOffset, false);
    }

    /** @param fromDefaults whether the text is defaults.yaml or a machine profile (see {@link Location}) */
    static Node build(String file, String text, String rootPath, int columnOffset, boolean fromDefaults) {
        TreeBuilder b = new TreeBuilder(file, text, columnOffset, fromDefaults);
        try (YAMLParser p = FACTORY.createParser(text)) {
            b.parser = p;
            JsonToken t = b.next(rootPath);
            if (t == null) {
                return null;
            }
            Node root = b.value(t, rootPath);
            if (b.next(rootPath) != null) {
                throw new InputException(b.tokenLocation(), "", "file contains more than one YAML document",
                        "a single document");
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Node value(JsonToken t, String path) {
        JsonLocation at = parser.currentTokenLocation();
        int start = charIndex(at.getCharOffset());
        Properties props = properties(start);
        int valueStart = props.valueStart();
        String anchor = props.anchor();
        Location loc = location(at.getLineNr(), at.getColumnNr());
        if (valueStart > start && !crossesLine(start, valueStart)) {
            // Point at the value itself, not at "&name" or "!tag" in front of it.
            loc = new Location(loc.file(), loc.line(), loc.column() + text.codePointCount(start, valueStart),
                    fromDefaults);
        }
        int before = nodes;
        Node node = switch (t) {
            case START_OBJECT -> map(loc, path);
            case START_ARRAY -> list(loc, path);
            default -> parser.isCurrentAlias() ? alias(loc, path) : scalar(t, loc, path, valueStart);
        };
        if (++nodes > MAX_NODES) {
            throw tooLarge(loc, path);
        }
        if (anchor != null) {
            anchors.put(anchor, node);
            anchorSizes.put(anchor, nodes - before);
        }
        return node;
    }

    private MapNode map(Location loc, String path) {
        Map<String, Node> values = new LinkedHashMap<>();
        Map<String, Location> keys = new LinkedHashMap<>();
        for (JsonToken t = next(path); t != JsonToken.END_OBJECT; t = next(path)) {
            String key = text(t);
            Location keyLoc = tokenLocation();
            String childPath = Node.child(path, key);
            if (keys.containsKey(key)) {
                throw new InputException(keyLoc, childPath, "duplicate key " + InputException.quote(key), null);
            }
            if (key.equals("<<") && !isQuote(charIndex(parser.currentTokenLocation().getCharOffset()))) {
                throw new InputException(keyLoc, childPath, "merge keys ('<<') are not supported",
                        "the fields written out, or a whole value reused with an alias (*name)");
            }
            keys.put(key, keyLoc);
            values.put(key, value(next(childPath), childPath));
        }
        return new MapNode(loc, path, values, keys);
    }

    private ListNode list(Location loc, String path) {
        List<Node> items = new ArrayList<>();
        for (JsonToken t = next(path); t != JsonToken.END_ARRAY; t = next(path)) {
            items.add(value(t, Node.item(path, items.size())));
        }
        return new ListNode(loc, path, items);
    }

    private ScalarNode scalar(JsonToken t, Location loc, String path, int valueStart) {
        boolean quoted = valueStart < text.length() && "'\"|>".indexOf(text.charAt(valueStart)) >= 0;
        return new ScalarNode(loc, path, text(t), t == JsonToken.VALUE_NULL, quoted);
    }

    private Node alias(Location loc, String path) {
        String name = text(JsonToken.VALUE_STRING);
        Node target = anchors.get(name);
        if (target == null) {
            throw new InputException(loc, path, "unknown alias " + InputException.quote("*" + name),
                    "an anchor " + InputException.quote("&" + name) + " defined earlier in the file");
        }
        int size = anchorSizes.get(name);
        // Checked before copying: the copy itself is what an alias bomb uses to exhaust memory.
        if (nodes + size > MAX_NODES) {
            throw tooLarge(loc, path);
        }
        nodes += size - 1; // the caller counts the alias itself
        return target.withPath(path);
    }

    private static InputException tooLarge(Location loc, String path) {
        return new InputException(loc, path, "document is too large (more than " + MAX_NODES + " values)",
                null);
    }

    private JsonToken next(String path) {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException | YAMLException e) {
            throw syntaxError(e, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(JsonToken t) {
        try {
            return t == JsonToken.FIELD_NAME ? parser.currentName() : parser.getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns Jackson's/snakeyaml's exception into one line, keeping snakeyaml's precise marks. */
    private InputException syntaxError(Exception e, String path) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ReaderException) {
                return specialCharacter(e);
            }
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                String problem = m.getProblem() == null ? "syntax error" : m.getProblem().strip();
                if (problem.contains("(TAB)")) {
                    problem = "tab characters cannot be used for indentation (use spaces)";
                }
                Mark cm = m.getContextMark();
                if (m.getContext() != null && cm != null && !cm.equals(m.getProblemMark())) {
                    problem += " (" + m.getContext() + " that started at line " + (cm.getLine() + 1)
                            + ", column " + location(cm.getLine() + 1, cm.getColumn() + 1).column() + ")";
                }
                Mark pm = m.getProblemMark();
                return new InputException(location(pm.getLine() + 1, pm.getColumn() + 1), path,
                        "invalid YAML: " + problem, null, e);
            }
        }
        JsonLocation jl = e instanceof JsonProcessingException j ? j.getLocation() : null;
        if (jl == null || jl.getLineNr() < 1) {
            jl = parser.currentLocation();
        }
        Location loc = jl.getLineNr() < 1 ? null : location(jl.getLineNr(), jl.getColumnNr());
        String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        msg = msg == null ? "syntax error" : msg.strip().lines().findFirst().orElse("syntax error");
        if (msg.startsWith("Expected a field name")) {
            msg = "mapping keys must be plain values, not lists or mappings";
        }
        if (e instanceof StreamConstraintsException) {
            // The path of a runaway document is as long as the document; name the root instead.
            return new InputException(loc, "", "document is nested too deeply or too large", null, e);
        }
        return new InputException(loc, path, "invalid YAML: " + msg, null, e);
    }

    /**
     * snakeyaml refuses a character it cannot print (NUL, BEL, ESC...) while it reads ahead, long
     * before the parser reaches it, and without a line: find the first one and count lines and
     * columns as snakeyaml's marks do, so the error points at the character itself.
     */
    private InputException specialCharacter(Exception e) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (!StreamReader.isPrintable(c)) {
                String shown = InputException.escape(new String(Character.toChars(c)));
                return new InputException(location(line, column), "", "invalid YAML: the character " + shown
                        + " is not allowed", "printable text", e);
            }
            boolean crLf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (c == '\n' || c == '\r' && !crLf || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                line++;
                column = 1;
            } else if (c != '\uFEFF') {
                column++;
            }
        }
        return new InputException(null, "", "invalid YAML: " + e.getMessage(), null, e);
    }

    private Location tokenLocation() {
        JsonLocation l = parser.currentTokenLocation();
        return location(l.getLineNr(), l.getColumnNr());
    }

    private Location location(int line, int column) {
        return new Location(file, line, line == 1 ? column + columnOffset : column, fromDefaults);
    }

    /** Where the value proper starts after "&anchor" / "!tag" properties, and the anchor if any. */
    private record Properties(int valueStart, String anchor) {
    }

    private Properties properties(int i) {
        String anchor = null;
        while (i < text.length() && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
            int end = i + 1;
            while (end < text.length() && " \t\r\n,[]{}".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            if (text.charAt(i) == '&') {
                anchor = text.substring(i + 1, end);
            }
            i = end;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
        }
        return new Properties(i, anchor);
    }

    private boolean crossesLine(int from, int to) {
        return to >= text.length() || text.charAt(to) == '\n' || text.charAt(to) == '\r'
                || text.substring(from, to).indexOf('\n') >= 0;
    }

    private boolean isQuote(int i) {
        return i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"');
    }

    /** snakeyaml counts positions in code points; Java strings index UTF-16 units. */
    private int charIndex(long codePoint) {
        int cp = (int) Math.max(0, Math.min(codePoint, text.length()));
        return charIndexOfCodePoint == null ? cp : charIndexOfCodePoint[Math.min(cp, charIndexOfCodePoint.length - 1)];
    }

    private static int[] codePointIndex(String text) {
        int[] index = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            index[cp++] = i;
        }
        index[cp] = text.length();
        return index;
    }
}
