package dev.gilsim.server;

import dev.gilsim.executor.PoolDefaults;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.Machine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The entry point of this layer: puts an {@link AppSpec}'s servers (their processes, loops, pools,
 * job workers and arrival processes) on a machine, so that a run is just
 * {@code machine.simulator().runUntil(end)}, and checks the books afterwards.
 */
public final class App {
    private final List<Server> servers = new ArrayList<>();

    private App() {
    }

    /**
     * @param gilSettings each server's Python settings, handed as a value to every process the
     *     server starts: its workers, their process-pool children and its job workers
     */
    public static App build(Machine machine, AppSpec spec, PoolDefaults poolDefaults,
            Function<ServerSpec, GilSettings> gilSettings, AppObserver observer) {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(poolDefaults, "poolDefaults");
        Objects.requireNonNull(gilSettings, "gilSettings");
        Objects.requireNonNull(observer, "observer");
        App app = new App();
        for (ServerSpec s : spec.servers()) {
            app.servers.add(new Server(machine, s, poolDefaults,
                    Objects.requireNonNull(gilSettings.apply(s), s.name()), observer));
        }
        return app;
    }

    public List<Server> servers() {
        return Collections.unmodifiableList(servers);
    }

    public Server server(String name) {
        for (Server s : servers) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no server " + name);
    }

    /**
     * End-of-run books: every request that arrived was answered, rejected or is in flight; every
     * task submitted to a pool completed or is in flight; every job is done, queued or running.
     *
     * @throws IllegalStateException naming the first thing that does not add up
     */
    public void checkInvariants() {
        for (Server s : servers) {
            s.checkInvariants();
        }
    }
}
