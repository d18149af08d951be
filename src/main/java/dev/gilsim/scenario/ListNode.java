package dev.gilsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A YAML sequence. Items' paths are {@code path[i]}. */
public record ListNode(Location location, String path, List<Node> items) implements Node {

    public ListNode {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(path, "path");
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    public Node get(int index) {
        return items.get(index);
    }

    /** A copy with item {@code index} replaced; the new item is re-pathed to its slot. */
    public ListNode with(int index, Node item) {
        List<Node> copy = new ArrayList<>(items);
        copy.set(index, item.withPath(Node.item(path, index)));
        return new ListNode(location, path, copy);
    }

    @Override
    public ListNode withPath(String newPath) {
        if (newPath.equals(path)) {
            return this;
        }
        List<Node> moved = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            moved.add(items.get(i).withPath(Node.item(newPath, i)));
        }
        return new ListNode(location, newPath, moved);
    }
}
