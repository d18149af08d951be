package dev.gilsim.scenario;

import dev.gilsim.asyncio.LoopSpec;
import dev.gilsim.executor.ExecutorSpec;
import dev.gilsim.executor.PoolDefaults;
import dev.gilsim.executor.ProcessPoolCosts;
import dev.gilsim.executor.StartMethod;
import dev.gilsim.server.EndpointSpec;
import dev.gilsim.server.HttpOverhead;
import dev.gilsim.server.ServerSpec;
import java.util.List;
import java.util.Locale;

/**
 * Model values as defaults.yaml gives them, for tests that build servers, loops and pools by hand.
 * They are read the way a scenario reads them (a small server scenario through
 * {@link ScenarioLoader}), so tests follow the file instead of keeping numbers of their own.
 */
public final class DefaultSpecs {
    private static final String SERVER = """
            name: defaults
            duration: 1s
            servers:
              - name: s
                endpoints: [{name: e, kind: async, steps: [{cpu: 1ms}]}]
                executors:
                  - {name: fork, kind: process_pool, start_method: fork}
                  - {name: forkserver, kind: process_pool, start_method: forkserver}
                  - {name: spawn, kind: process_pool, start_method: spawn}
            """;
    private static final Scenario SCENARIO = load(2);
    private static final ServerSpec SPEC = SCENARIO.servers().get(0).spec();

    private DefaultSpecs() {
    }

    private static Scenario load(int cores) {
        return new ScenarioLoader().load("defaults-fixture.yaml", SERVER, List.of("machine.cores=" + cores)).first();
    }

    /** The event loop every server gets: heartbeat, slow-callback threshold, selector and costs. */
    public static LoopSpec loop() {
        return SPEC.loop();
    }

    /** What each request costs the loop besides its handler. */
    public static HttpOverhead http() {
        return SPEC.http();
    }

    /** A thread pool with the defaults' thread start-up; null {@code maxWorkers} for the version's. */
    public static ExecutorSpec.ThreadPool threadPool(String name, Integer maxWorkers, boolean perRequest) {
        ExecutorSpec.ThreadPool d = (ExecutorSpec.ThreadPool) executor(dev.gilsim.asyncio.ExecutorLookup.DEFAULT);
        return new ExecutorSpec.ThreadPool(name, maxWorkers, perRequest, d.threadStart());
    }

    /** anyio's limiter with the defaults' tokens, idle retirement and thread start-up. */
    public static ExecutorSpec.AnyioLimiter anyio(String name) {
        ExecutorSpec.AnyioLimiter d = (ExecutorSpec.AnyioLimiter) executor(ServerSpec.ANYIO);
        return new ExecutorSpec.AnyioLimiter(name, d.tokens(), d.idleRetireNanos(), d.threadStart());
    }

    /** A process pool with the defaults' transfer costs and the start method's start-up. */
    public static ExecutorSpec.ProcessPool processPool(String name, Integer maxWorkers, StartMethod method,
            boolean perRequest) {
        return new ExecutorSpec.ProcessPool(name, maxWorkers, method, perRequest, processPoolCosts(method));
    }

    public static ProcessPoolCosts processPoolCosts(StartMethod method) {
        return ((ExecutorSpec.ProcessPool) executor(method.name().toLowerCase(Locale.ROOT))).costs();
    }

    /** The pool sizes a pool gets without {@code max_workers}, on the defaults' Python and {@code cores}. */
    public static PoolDefaults poolDefaults(int cores) {
        return load(cores).poolDefaults();
    }

    /** One server as a scenario item that declares only its endpoints: the implicit pools included. */
    public static ServerSpec server(String name, List<EndpointSpec> endpoints) {
        List<ExecutorSpec> implicit = SPEC.executors().stream()
                .filter(x -> x.name().equals(dev.gilsim.asyncio.ExecutorLookup.DEFAULT) || x.name().equals(ServerSpec.ANYIO))
                .toList();
        return new ServerSpec(name, SPEC.workers(), SPEC.dispatch(), List.of(), endpoints, SPEC.http(), null,
                SPEC.loop(), implicit, null, List.of());
    }

    private static ExecutorSpec executor(String name) {
        return SPEC.executors().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }
}
