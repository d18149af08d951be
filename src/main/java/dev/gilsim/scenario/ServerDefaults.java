package dev.gilsim.scenario;

import dev.gilsim.asyncio.ExecutorLookup;
import dev.gilsim.server.ServerSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Server items with the defaults they leave out (model.md sections 5 and 6): defaults.yaml's
 * {@code server:} table under each item, each executor's kind's table under it, and the
 * {@code default} and {@code anyio} pools every FastAPI process has, appended to its
 * {@code executors}. Merged before {@code --set} and variants, so those reach every field.
 */
final class ServerDefaults {
    private ServerDefaults() {
    }

    /** Merges the defaults under every server item (and executor item) of {@code servers}, if it is a list. */
    static Node withDefaults(Defaults defaults, Node servers) {
        if (!(servers instanceof ListNode list)) {
            return servers;
        }
        List<Node> items = new ArrayList<>();
        for (Node item : list.items()) {
            Node merged = withImplicitExecutors(under(defaults.server(), item));
            if (merged instanceof MapNode m && m.get("executors").orElse(null) instanceof ListNode xs) {
                List<Node> executors = new ArrayList<>();
                for (Node x : xs.items()) {
                    String kind = x instanceof MapNode xm && xm.get("kind").orElse(null) instanceof ScalarNode k
                            && !k.isNull() ? k.text().strip() : "";
                    executors.add(defaults.executor(kind).map(d -> under(d, withoutDefaults(x))).orElse(x));
                }
                merged = m.with("executors", m.keyLocation("executors"),
                        new ListNode(xs.location(), xs.path(), executors));
            }
            items.add(merged);
        }
        return new ListNode(list.location(), list.path(), items);
    }

    /**
     * The server with the executors every FastAPI process has anyway, {@code default} (the loop's
     * thread pool) and {@code anyio} (which runs {@code def} endpoints), appended to its
     * {@code executors} unless it declares them, so that {@code --set} and variants reach them
     * like declared ones. Appended, not prepended: indices the user writes stay the same.
     * They are located at the server item, as the file implies them there; not at defaults.yaml,
     * whose values a later merge strips.
     */
    private static Node withImplicitExecutors(Node server) {
        if (!(server instanceof MapNode m)) {
            return server;
        }
        Node existing = m.get("executors").orElse(null);
        if (existing != null && !(existing instanceof ListNode)) {
            return server;  // the binder reports it
        }
        Location at = m.location();
        String path = Node.child(m.path(), "executors");
        List<Node> executors = existing == null ? new ArrayList<>() : new ArrayList<>(((ListNode) existing).items());
        Set<String> declared = new HashSet<>();
        for (Node x : executors) {
            if (x instanceof MapNode xm && xm.get("name").orElse(null) instanceof ScalarNode n && !n.isNull()) {
                declared.add(n.text().strip());
            }
        }
        for (String[] implicit : new String[][] {{ExecutorLookup.DEFAULT, "thread_pool"},
                {ServerSpec.ANYIO, "anyio"}}) {
            if (!declared.contains(implicit[0])) {
                String item = Node.item(path, executors.size());
                Map<String, Node> values = new LinkedHashMap<>();
                values.put("name", new ScalarNode(at, Node.child(item, "name"), implicit[0], false, false));
                values.put("kind", new ScalarNode(at, Node.child(item, "kind"), implicit[1], false, false));
                executors.add(new MapNode(at, item, values, Map.of("name", at, "kind", at)));
            }
        }
        Location keyAt = existing == null ? at : m.keyLocation("executors");
        ListNode list = new ListNode(existing == null ? at : existing.location(), path, executors);
        return m.with("executors", keyAt, list);
    }

    /**
     * The item without the values an earlier merge took from defaults.yaml, so that a variant
     * that changes an executor's kind gets the new kind's defaults and not the old kind's fields.
     */
    private static Node withoutDefaults(Node item) {
        if (!(item instanceof MapNode m)) {
            return item;
        }
        MapNode out = m;
        for (String key : m.keys()) {
            // By the value's location: an override of a default keeps the key's place but not its value.
            if (m.values().get(key).location().fromDefaults()) {
                out = out.without(key);
            }
        }
        return out;
    }

    /** {@code item} merged over {@code dflt}, keeping the item's own location and path. */
    private static Node under(MapNode dflt, Node item) {
        if (!(item instanceof MapNode m)) {
            return item;
        }
        MapNode merged = (MapNode) Overrides.merge(dflt.withPath(m.path()), m);
        return new MapNode(m.location(), m.path(), merged.values(), merged.keyLocations());
    }
}
