package dev.gilsim.scenario;

import java.util.List;
import java.util.Map;

/**
 * A step's optional {@code label:} beside its one kind ({@code {cpu: 2ms, label: parse JSON}}): the
 * name the timeline and trace show while the step runs.
 */
final class StepLabel {
    static final String KEY = "label";
    static final int MAX_LENGTH = 60;

    private StepLabel() {
    }

    /** A step's mapping taken apart: its one kind, and its label or null. */
    record Split(MapNode map, Map.Entry<String, Node> kind, String label) {
        InputException labelError(String message, String hint) {
            return new InputException(map.keyLocation(KEY), Node.child(map.path(), KEY), message, hint);
        }
    }

    static Split split(Node n, List<String> kinds) {
        String expected = "a step such as cpu: 5ms (one of " + String.join(", ", kinds) + "), with an optional label:";
        if (!(n instanceof MapNode m)) {
            throw InputException.at(n, Nodes.wrongKind(n), expected);
        }
        int size = m.size() - (m.has(KEY) ? 1 : 0);
        if (size != 1) {
            throw InputException.at(n, size == 0 ? "a step needs a kind besides its label" : "a step has exactly one kind",
                    expected);
        }
        String label = null;
        Map.Entry<String, Node> kind = null;
        for (Map.Entry<String, Node> e : MapReader.of(m, null).entries().entrySet()) {
            if (e.getKey().equals(KEY)) {
                label = label(e.getValue());
            } else {
                kind = e;
            }
        }
        return new Split(m, kind, label);
    }

    private static String label(Node v) {
        String hint = "a short name such as label: parse JSON (at most " + MAX_LENGTH + " characters)";
        if (!(v instanceof ScalarNode s) || s.isNull()) {
            throw InputException.at(v, Nodes.describe(v) + " is not a label", hint);
        }
        String text = s.text().strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH || text.chars().anyMatch(Character::isISOControl)) {
            throw InputException.at(v, text.isEmpty() ? "the label is empty"
                    : text.length() > MAX_LENGTH ? "the label is longer than " + MAX_LENGTH + " characters"
                    : "the label holds a control character", hint);
        }
        return text;
    }
}
