package dev.gilsim.server;

import dev.gilsim.asyncio.AsyncStep;
import dev.gilsim.interpreter.ProgramStep;
import java.util.List;

/** An endpoint at run time: its spec, index, and what its handler coroutine runs. */
final class Endpoint {
    final EndpointSpec spec;
    final int index;
    /** An async def's own steps; a def's steps wrapped as one await on the anyio pool (E2). */
    final List<ProgramStep> coroutineSteps;
    boolean submitsJobs;
    boolean pollsJobs;

    Endpoint(EndpointSpec spec, int index) {
        this.spec = spec;
        this.index = index;
        this.coroutineSteps = spec.kind() == EndpointKind.ASYNC ? spec.steps()
                : List.of(new AsyncStep.RunInExecutor(ServerSpec.ANYIO, spec.steps()));
    }

    String name() {
        return spec.name();
    }
}
