package dev.gilsim.server;

import dev.gilsim.interpreter.ProgramStep;
import java.util.List;

/**
 * An endpoint of a server.
 *
 * @param weight its share of the server's arrivals (0: reached only by polling clients)
 * @param limit E5, or null for none
 */
public record EndpointSpec(String name, EndpointKind kind, List<ProgramStep> steps, LimitSpec limit, double weight) {
    public EndpointSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an endpoint needs a name");
        }
        if (kind == null) {
            throw new IllegalArgumentException("endpoint " + name + " needs a kind (async or def)");
        }
        steps = List.copyOf(steps);
        if (kind == EndpointKind.SYNC) {
            for (ProgramStep s : steps) {
                if (s.isAwait()) {
                    throw new IllegalArgumentException("def endpoint " + name + " cannot await: " + s);
                }
            }
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("endpoint " + name + ": weight must be a non-negative number");
        }
    }

    public EndpointSpec withLimit(LimitSpec l) {
        return new EndpointSpec(name, kind, steps, l, weight);
    }

    public EndpointSpec withWeight(double w) {
        return new EndpointSpec(name, kind, steps, limit, w);
    }
}
