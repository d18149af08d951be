package dev.gilsim.scenario;

/**
 * An immutable YAML value that remembers where it was written and where it sits in the document.
 *
 * <p>Jackson's own tree model throws positions away, and every error the binder reports has to
 * name both the source position and the field path, so the tree carries both on every node.
 * By convention a child's path is derived from its parent's with {@link #child} and {@link #item};
 * {@link #withPath} re-establishes that after a subtree is moved (aliases, overrides, merges).
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    Location location();

    /** Dotted path from the document root, e.g. {@code processes[0].threads[1]}; empty for the root. */
    String path();

    /** A copy of this subtree whose paths are rooted at {@code newPath}; locations are unchanged. */
    Node withPath(String newPath);

    /** Path of a mapping entry under {@code parent}. */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** Path of a list item under {@code parent}. */
    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** How a path is shown to users; the root has no name of its own. */
    static String displayPath(String path) {
        return path.isEmpty() ? "(root)" : path;
    }
}
