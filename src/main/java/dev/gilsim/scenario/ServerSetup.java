package dev.gilsim.scenario;

import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.server.ServerSpec;
import java.util.Objects;

/** A server as a scenario declares it, with the GIL settings of every process it creates. */
public record ServerSetup(ServerSpec spec, GilSettings gil) {
    public ServerSetup {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(gil, "gil");
    }
}
