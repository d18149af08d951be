package dev.gilsim.scenario;

import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.OsSettings;
import dev.gilsim.interpreter.PythonVersion;
import java.util.List;
import java.util.Objects;

/**
 * One runnable configuration: a scenario file with its defaults filled in, its {@code --set}
 * overrides applied, and, when it declares variants, one variant's changes.
 *
 * @param name the scenario's name, used for its output folder
 * @param variant the variant's name, or {@code "base"} when the file declares none
 */
public record Scenario(
        String name,
        String title,
        String description,
        String source,
        String variant,
        String variantDescription,
        long duration,
        long warmup,
        long seed,
        OsSettings machine,
        PythonVersion version,
        GilSettings python,
        List<ProcessSpec> processes) {

    public Scenario {
        Objects.requireNonNull(name);
        processes = List.copyOf(processes);
        if (warmup >= duration) {
            throw new IllegalArgumentException("warm-up must be shorter than the duration");
        }
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, title, description, source, variant, variantDescription, duration, warmup,
                newSeed, machine, version, python, processes);
    }
}
