package dev.gilsim.server;

import dev.gilsim.interpreter.ProgramStep;
import java.util.Objects;

/** A plain thread started in every worker process beside the loop (a CPU-bound helper, a poller). */
public record BackgroundThreadSpec(String name, ProgramStep.Repeat program) {
    public BackgroundThreadSpec {
        if (name == null || name.isBlank() || name.equals("loop")) {
            throw new IllegalArgumentException("a background thread needs a name other than 'loop'");
        }
        Objects.requireNonNull(program, "program");
    }
}
