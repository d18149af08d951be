package dev.gilsim.scenario;

import dev.gilsim.interpreter.GilSettings;
import java.util.List;

/** A Python process: its interpreter's GIL settings and its threads. */
public record ProcessSpec(String name, GilSettings gil, List<ThreadSpec> threads) {
    public ProcessSpec {
        threads = List.copyOf(threads);
    }
}
