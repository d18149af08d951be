package dev.gilsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Command-line {@code --set path=value} edits and deep merges of node trees.
 *
 * <p>Edits happen on the located tree, before binding, so a value given on the command line is
 * validated by exactly the same code and with the same messages as one written in the file; only
 * its location differs ({@code originName:1:column}).
 */
public final class Overrides {

    private Overrides() {
    }

    /** One step of a path; {@code bracket} when written {@code [n]} rather than {@code .n}. */
    private record Segment(String text, boolean bracket, int column) {
    }

    /**
     * Returns {@code root} with the value at {@code path} replaced or added.
     *
     * <p>Path steps are separated by dots. A step into a list is an index ({@code processes.0} or
     * {@code processes[0]}) or the {@code name:} of an item ({@code processes.app}). The value is YAML
     * ({@code 1ms}, {@code [a, b]}, {@code {exponential: {mean: 5ms}}}); an empty value is YAML null.
     * A missing last key is added, so that the binder reports it as an unknown field if it is one.
     *
     * @param assignment {@code path=value}
     * @param originName the "file" of every location this produces, e.g. {@code --set}; columns count
     *     from the start of {@code assignment}
     */
    public static Node apply(Node root, String assignment, String originName) {
        int eq = assignment.indexOf('=');
        if (eq < 0) {
            throw new InputException(new Location(originName, 1, 1), assignment.strip(), "missing '='",
                    "path=value, e.g. python.switch_interval=1ms");
        }
        List<Segment> segments = segments(assignment.substring(0, eq), originName);
        return new Edit(segments, originName, assignment.substring(eq + 1), eq + 1, null).descend(root, 0);
    }

    /**
     * Like {@link #apply} with a value that is already a located node, as in a variant's
     * {@code set:} mapping; errors in the path point at the value.
     */
    public static Node set(Node root, String path, Node value) {
        String origin = value.location() == null ? "set" : value.location().file();
        List<Segment> segments = segments(path, origin);
        return new Edit(segments, origin, null, 0, value).descend(root, 0);
    }

    /**
     * Deep merge: mappings are merged key by key, anything else in {@code overlay} replaces what is in
     * {@code base}. A distribution in {@code base} ({@code {lognormal: {median: 60us, sigma: 0.5}}})
     * is replaced whole too: its key is its kind, not a setting, so merging would give it two kinds,
     * or lend a parameter of the default to the scenario's distribution. Paths follow
     * {@code base}; locations follow whichever side a value came from, so errors in a variant point
     * at the variant.
     */
    public static Node merge(Node base, Node overlay) {
        if (base instanceof MapNode b && overlay instanceof MapNode o && !DistributionReader.isDistribution(b)) {
            // The merged mapping stands where the overlay was written: a fault in it (a required
            // field missing) is the overlay's to fix, not the defaults' it was laid over.
            MapNode result = new MapNode(o.location(), b.path(), b.values(), b.keyLocations());
            for (String key : o.keys()) {
                Node value = o.values().get(key);
                Node merged = b.get(key).map(existing -> merge(existing, value)).orElse(value);
                result = result.with(key, o.keyLocation(key), merged);
            }
            return result;
        }
        return overlay.withPath(base.path());
    }

    private static List<Segment> segments(String path, String origin) {
        List<Segment> out = new ArrayList<>();
        int i = 0;
        while (true) {
            if (i < path.length() && path.charAt(i) == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw pathError(origin, i + 1, path.strip(), "unclosed '['", "e.g. processes[0]");
                }
                out.add(segment(path, i + 1, close, true, origin));
                i = close + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                out.add(segment(path, i, end, false, origin));
                i = end;
            }
            if (i >= path.length()) {
                return out;
            }
            if (path.charAt(i) == '.') {
                i++;
            } else if (path.charAt(i) != '[') {
                throw pathError(origin, i + 1, path.strip(), "expected '.' or '[' after ']'", null);
            }
        }
    }

    private static Segment segment(String path, int from, int to, boolean bracket, String origin) {
        String raw = path.substring(from, to);
        String text = raw.strip();
        if (text.isEmpty()) {
            throw pathError(origin, from + 1, path.strip(), "empty step in path", "e.g. python.switch_interval");
        }
        if (bracket && !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw pathError(origin, from + 1, path.strip(), "'[" + text + "]' is not a list index", "e.g. [0]");
        }
        return new Segment(text, bracket, from + 1 + raw.length() - raw.stripLeading().length());
    }

    private static InputException pathError(String origin, int column, String path, String problem, String expected) {
        return new InputException(new Location(origin, 1, column), path, problem, expected);
    }

    /** One assignment being applied; keeps the recursion's invariant state out of its parameters. */
    private record Edit(List<Segment> segments, String origin, String valueText, int valueOffset, Node fixed) {

        Node descend(Node node, int i) {
            Segment seg = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (node instanceof MapNode m && !seg.bracket()) {
                String childPath = Node.child(m.path(), seg.text());
                Optional<Node> child = m.get(seg.text());
                if (last) {
                    Location keyLoc = child.isPresent() ? m.keyLocation(seg.text()) : at(seg);
                    return m.with(seg.text(), keyLoc, value(childPath));
                }
                if (child.isEmpty()) {
                    throw missingField(m, seg, childPath);
                }
                return m.with(seg.text(), m.keyLocation(seg.text()), descend(child.get(), i + 1));
            }
            if (node instanceof ListNode l) {
                int index = index(l, seg);
                Node replaced = last ? value(Node.item(l.path(), index)) : descend(l.get(index), i + 1);
                return l.with(index, replaced);
            }
            String what = seg.bracket() ? "[" + seg.text() + "]" : InputException.quote(seg.text());
            throw new InputException(at(seg), node.path(),
                    Nodes.wrongKind(node) + ", which has no " + what + " to set",
                    seg.bracket() ? "a list" : "a mapping or a list");
        }

        private Node value(String path) {
            if (fixed != null) {
                return fixed.withPath(path);
            }
            return YamlSource.parseFragment(origin, valueText, path, valueOffset);
        }

        private int index(ListNode l, Segment seg) {
            if (seg.text().chars().allMatch(c -> c >= '0' && c <= '9')) {
                int index = seg.text().length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(seg.text());
                if (index >= l.size()) {
                    throw new InputException(at(seg), Node.item(l.path(), index), "index is out of range",
                            l.size() == 0 ? "nothing: the list is empty" : "an index from 0 to " + (l.size() - 1));
                }
                return index;
            }
            List<String> names = new ArrayList<>();
            int found = -1;
            for (int k = 0; k < l.size(); k++) {
                Optional<String> name = nameOf(l.get(k));
                name.ifPresent(names::add);
                if (name.isPresent() && name.get().equals(seg.text())) {
                    if (found >= 0) {
                        throw new InputException(at(seg), l.path(),
                                "more than one item is named " + InputException.quote(seg.text()), "an index, e.g. " + l.path() + "[" + found + "]");
                    }
                    found = k;
                }
            }
            if (found < 0) {
                Optional<String> close = Suggest.closest(seg.text(), names);
                throw new InputException(at(seg), l.path(), "no item named " + InputException.quote(seg.text())
                        + close.map(c -> " (did you mean '" + c + "'?)").orElse(""),
                        close.isPresent() ? null : names.isEmpty() ? "an index" : "an index or one of " + String.join(", ", names));
            }
            return found;
        }

        private InputException missingField(MapNode m, Segment seg, String childPath) {
            Optional<String> close = Suggest.closest(seg.text(), m.keys());
            if (close.isPresent()) {
                return new InputException(at(seg), childPath,
                        "field " + InputException.quote(seg.text()) + " does not exist (did you mean '" + close.get() + "'?)", null);
            }
            String existing = m.keys().isEmpty() ? "" : "one of " + String.join(", ", m.keys()) + ", or ";
            return new InputException(at(seg), childPath, "field " + InputException.quote(seg.text()) + " does not exist",
                    existing + "the whole value set at once, e.g. " + childPath + "={...}");
        }

        private Location at(Segment seg) {
            if (fixed != null && fixed.location() != null) {
                return fixed.location();
            }
            return new Location(origin, 1, seg.column());
        }

        private static Optional<String> nameOf(Node item) {
            return item instanceof MapNode m
                    ? m.get("name").filter(n -> n instanceof ScalarNode s && !s.isNull()).map(n -> ((ScalarNode) n).text())
                    : Optional.empty();
        }
    }
}
