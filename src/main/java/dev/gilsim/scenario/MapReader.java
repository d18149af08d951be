package dev.gilsim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, located reads of one mapping, for binders.
 *
 * <p>The reader remembers every key it was asked about, so {@link #finish()} can reject the keys
 * nobody asked about: a misspelt optional field would otherwise be silently ignored and the
 * simulation would run with the default, which is the worst kind of wrong answer. Absent keys still
 * count as known, which is what makes "did you mean" work for optional fields.
 *
 * <p>A reader is not thread-safe and is meant to live for one binding call.
 */
public final class MapReader {

    private static final String DURATION = "a duration, " + Units.DURATION_EXAMPLES;

    private final MapNode map;
    private final Set<String> known = new LinkedHashSet<>();

    private MapReader(MapNode map) {
        this.map = map;
    }

    /**
     * @param what the expectation if {@code n} is not a mapping, e.g. {@code "a mapping with name and threads"};
     *     null means {@code "a mapping"}
     */
    public static MapReader of(Node n, String what) {
        if (n instanceof MapNode m) {
            return new MapReader(m);
        }
        throw InputException.at(n, Nodes.wrongKind(n), what == null ? "a mapping" : what);
    }

    public MapNode node() {
        return map;
    }

    public String path() {
        return map.path();
    }

    public Location location() {
        return map.location();
    }

    /** Marks keys as known without reading them, for fields that are only read in some configurations. */
    public MapReader declare(String... keys) {
        known.addAll(List.of(keys));
        return this;
    }

    public boolean has(String key) {
        known.add(key);
        return map.has(key);
    }

    public Optional<Node> opt(String key) {
        known.add(key);
        return map.get(key);
    }

    /** A field that must be present. An explicit null is present; typed conversions reject it. */
    public Node req(String key, String expected) {
        Optional<Node> found = opt(key);
        if (found.isPresent()) {
            return found.get();
        }
        // A required field written with a typo is that typo's fault, not a missing field's.
        List<String> unknown = map.keys().stream().filter(k -> !known.contains(k)).toList();
        Optional<String> typo = unknown.stream().filter(k -> Suggest.closest(k, List.of(key)).isPresent()).findFirst();
        if (typo.isPresent()) {
            throw new InputException(map.keyLocation(typo.get()), Node.child(map.path(), typo.get()),
                    "unknown field " + InputException.quote(typo.get()) + " (did you mean '" + key + "'?)", null);
        }
        throw new InputException(map.location(), Node.child(map.path(), key), "missing required field", expected);
    }

    public Node req(String key) {
        return req(key, null);
    }

    /**
     * Every entry, all marked as read; for mappings whose keys are names chosen by the user
     * (e.g. named variants) rather than a fixed schema.
     */
    public Map<String, Node> entries() {
        known.addAll(map.keys());
        return map.values();
    }

    public long duration(String key, long dflt) {
        return opt(key).map(Nodes::duration).orElse(dflt);
    }

    public long durationReq(String key) {
        return Nodes.duration(req(key, DURATION));
    }

    /** Like {@link #duration} but zero is rejected; the default is returned as given. */
    public long positiveDuration(String key, long dflt) {
        return opt(key).map(Nodes::positiveDuration).orElse(dflt);
    }

    public long positiveDurationReq(String key) {
        return Nodes.positiveDuration(req(key, DURATION));
    }

    public double rate(String key, double dflt) {
        return opt(key).map(Nodes::rate).orElse(dflt);
    }

    public double rateReq(String key) {
        return Nodes.rate(req(key, "a rate, " + Units.RATE_EXAMPLES));
    }

    public int integer(String key, int dflt, int min, int max) {
        return opt(key).map(n -> Nodes.integer(n, min, max)).orElse(dflt);
    }

    public int integerReq(String key, int min, int max) {
        return Nodes.integer(req(key, "a whole number"), min, max);
    }

    public double number(String key, double dflt, double min, double max) {
        return opt(key).map(n -> Nodes.number(n, min, max)).orElse(dflt);
    }

    public double numberReq(String key, double min, double max) {
        return Nodes.number(req(key, "a number"), min, max);
    }

    /** @param dflt returned when absent; may be null */
    public String string(String key, String dflt) {
        return opt(key).map(Nodes::string).orElse(dflt);
    }

    public String stringReq(String key) {
        return Nodes.string(req(key, "a string"));
    }

    public boolean bool(String key, boolean dflt) {
        return opt(key).map(Nodes::bool).orElse(dflt);
    }

    public boolean boolReq(String key) {
        return Nodes.bool(req(key, "true or false"));
    }

    public <E extends Enum<E>> E choice(String key, Class<E> type, E dflt) {
        return opt(key).map(n -> Nodes.choice(n, type)).orElse(dflt);
    }

    public <E extends Enum<E>> E choiceReq(String key, Class<E> type) {
        return Nodes.choice(req(key, "one of " + String.join(", ", Nodes.spellings(type))), type);
    }

    /** A required list. */
    public ListNode list(String key) {
        return Nodes.list(req(key, "a list"));
    }

    public Optional<ListNode> optList(String key) {
        return opt(key).map(Nodes::list);
    }

    /** A required nested mapping. Its reader must be {@link #finish() finished} separately. */
    public MapReader map(String key) {
        return of(req(key, "a mapping"), null);
    }

    public Optional<MapReader> optMap(String key) {
        return opt(key).map(n -> of(n, null));
    }

    /**
     * An error about field {@code key} for cross-field checks the typed getters cannot express
     * ("must be less than duration"); located at the value, or at this mapping if the key is absent.
     */
    public InputException error(String key, String problem, String expected) {
        Optional<Node> n = map.get(key);
        return n.isPresent()
                ? InputException.at(n.get(), problem, expected)
                : new InputException(map.location(), Node.child(map.path(), key), problem, expected);
    }

    /** Rejects the first (in source order) key that was never read or declared. */
    public void finish() {
        List<String> order = new ArrayList<>(map.keys());
        Optional<String> first = order.stream()
                .filter(k -> !known.contains(k))
                .min(sourceOrder(order));
        if (first.isEmpty()) {
            return;
        }
        String key = first.get();
        Optional<String> close = Suggest.closest(key, known);
        String problem = "unknown field " + InputException.quote(key) + close.map(c -> " (did you mean '" + c + "'?)").orElse("");
        String expected = close.isPresent() || known.isEmpty() ? null : "one of " + String.join(", ", known);
        throw new InputException(map.keyLocation(key), Node.child(map.path(), key), problem, expected);
    }

    /**
     * Keys written in this mapping's own file come first by line and column; keys that arrived from
     * elsewhere (overrides, merged variants) follow in insertion order, since positions in different
     * files cannot be compared meaningfully.
     */
    private Comparator<String> sourceOrder(List<String> insertion) {
        Location here = map.location();
        Comparator<String> local = Comparator.comparing(k -> !map.keyLocation(k).sameSource(here));
        return local
                .thenComparingInt(k -> sameSourceOr(k, here, map.keyLocation(k).line()))
                .thenComparingInt(k -> sameSourceOr(k, here, map.keyLocation(k).column()))
                .thenComparingInt(insertion::indexOf);
    }

    private int sameSourceOr(String key, Location here, int value) {
        return map.keyLocation(key).sameSource(here) ? value : 0;
    }
}
