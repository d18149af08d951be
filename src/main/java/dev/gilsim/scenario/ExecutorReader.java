package dev.gilsim.scenario;

import dev.gilsim.executor.ExecutorSpec;
import dev.gilsim.executor.ProcessPoolCosts;
import dev.gilsim.executor.StartMethod;
import dev.gilsim.interpreter.PythonVersion;
import dev.gilsim.kernel.Distribution;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A server's {@code executors:} list (E1 to E3): thread pools, anyio's limiter pool and process
 * pools, with the start method's cost from defaults.yaml's versions and {@code process_start}
 * tables.
 */
final class ExecutorReader {
    private static final List<String> EXECUTOR_KINDS = List.of("thread_pool", "anyio", "process_pool");
    private static final int MAX_POOL_WORKERS = 10_000;

    private final Defaults defaults;
    private final PythonVersion version;

    ExecutorReader(Defaults defaults, PythonVersion version) {
        this.defaults = defaults;
        this.version = version;
    }

    List<ExecutorSpec> executors(ListNode list) {
        List<ExecutorSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node item : list.items()) {
            MapReader x = MapReader.of(item, "a mapping with name and kind");
            String name = ScenarioLoader.name(x, "name");
            if (!names.add(name)) {
                throw x.error("name", "duplicate executor name '" + name + "'", "a unique name");
            }
            Node kindNode = x.req("kind", "one of " + String.join(", ", EXECUTOR_KINDS));
            String kind = Nodes.string(kindNode);
            ExecutorSpec spec = switch (kind) {
                case "thread_pool" -> new ExecutorSpec.ThreadPool(name, maxWorkers(x), x.boolReq("per_request"),
                        DistributionReader.read(x.req("thread_start")));
                case "anyio" -> new ExecutorSpec.AnyioLimiter(name, x.integerReq("tokens", 1, MAX_POOL_WORKERS),
                        x.positiveDurationReq("idle_retire"), DistributionReader.read(x.req("thread_start")));
                case "process_pool" -> processPool(x, name);
                default -> throw InputException.at(kindNode, InputException.quote(kind) + " is not an executor kind"
                        + Suggest.closest(kind, EXECUTOR_KINDS).map(c -> ", did you mean '" + c + "'?").orElse(""),
                        "one of " + String.join(", ", EXECUTOR_KINDS));
            };
            x.finish();
            out.add(spec);
        }
        return out;
    }

    private static Integer maxWorkers(MapReader x) {
        return x.opt("max_workers").map(n -> Nodes.integer(n, 1, MAX_POOL_WORKERS)).orElse(null);
    }

    private ExecutorSpec processPool(MapReader x, String name) {
        Integer maxWorkers = maxWorkers(x);
        // E3: defaults.yaml's versions table names the start method; process_start gives its cost.
        String methodName = x.string("start_method", defaults.version(version).stringReq("start_method"));
        List<String> methods = List.of("fork", "forkserver", "spawn");
        if (!methods.contains(methodName)) {
            throw x.error("start_method", InputException.quote(methodName) + " is not a start method",
                    "one of fork, forkserver, spawn");
        }
        StartMethod method = StartMethod.named(methodName);
        MapReader start = defaults.processStart(methodName);
        ProcessPoolCosts costs = new ProcessPoolCosts(d(x, "pickle_args"), d(x, "wake_manager"),
                d(x, "manager_hop"), d(x, "pipe_write"), d(x, "unpickle_args"), d(x, "pickle_result"),
                d(x, "unpickle_result"), Distribution.constant(start.durationReq("parent")),
                Distribution.constant(start.durationReq("child")), d(x, "child_exit"));
        return new ExecutorSpec.ProcessPool(name, maxWorkers, method, x.boolReq("per_request"), costs);
    }

    private static Distribution d(MapReader x, String key) {
        return DistributionReader.read(x.req(key, DistributionReader.EXPECTED));
    }
}
