package dev.gilsim.server;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Everything {@link App#build} puts on a machine: one or more servers. */
public record AppSpec(List<ServerSpec> servers) {
    public AppSpec {
        servers = List.copyOf(servers);
        Set<String> names = new HashSet<>();
        for (ServerSpec s : servers) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("duplicate server " + s.name());
            }
        }
    }

    public static AppSpec of(ServerSpec... servers) {
        return new AppSpec(List.of(servers));
    }
}
