package dev.gilsim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML mapping with string keys, in document order.
 *
 * <p>Key positions are kept separately from value positions because "unknown field" errors must
 * point at the key, while "bad value" errors point at the value.
 *
 * @param values entries in insertion (= document) order
 * @param keyLocations where each key of {@code values} is written; same key set
 */
public record MapNode(Location location, String path, Map<String, Node> values,
                      Map<String, Location> keyLocations) implements Node {

    public MapNode {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(path, "path");
        // Map.copyOf would lose the order, and the order is what users see in messages.
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
        if (!values.keySet().equals(keyLocations.keySet())) {
            throw new IllegalArgumentException("every key needs exactly one location");
        }
    }

    public Optional<Node> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Keys in document order. */
    public Set<String> keys() {
        return values.keySet();
    }

    public Location keyLocation(String key) {
        Location l = keyLocations.get(key);
        if (l == null) {
            throw new IllegalArgumentException("no key '" + key + "' in " + Node.displayPath(path));
        }
        return l;
    }

    public int size() {
        return values.size();
    }

    /**
     * A copy with {@code key} set to {@code value} (re-pathed to {@code path.key}). An existing key keeps
     * its position in the order; a new key is appended.
     */
    public MapNode with(String key, Location keyLocation, Node value) {
        Map<String, Node> v = new LinkedHashMap<>(values);
        Map<String, Location> k = new LinkedHashMap<>(keyLocations);
        v.put(key, value.withPath(Node.child(path, key)));
        k.put(key, keyLocation);
        return new MapNode(location, path, v, k);
    }

    /** This mapping without {@code key} (unchanged if absent). */
    public MapNode without(String key) {
        if (!values.containsKey(key)) {
            return this;
        }
        Map<String, Node> v = new LinkedHashMap<>(values);
        Map<String, Location> k = new LinkedHashMap<>(keyLocations);
        v.remove(key);
        k.remove(key);
        return new MapNode(location, path, v, k);
    }

    @Override
    public MapNode withPath(String newPath) {
        if (newPath.equals(path)) {
            return this;
        }
        Map<String, Node> moved = new LinkedHashMap<>();
        values.forEach((key, value) -> moved.put(key, value.withPath(Node.child(newPath, key))));
        return new MapNode(location, newPath, moved, keyLocations);
    }
}
