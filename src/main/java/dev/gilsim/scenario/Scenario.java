package dev.gilsim.scenario;

import dev.gilsim.executor.PoolDefaults;
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
 * @param poolDefaults the pool sizes of the version's defaults on this machine (E1, E3)
 * @param processes plain processes of threads
 * @param servers servers with event loops, pools and arrivals (model.md sections 5 and 6)
 * @param timelineStartNanos where the GIL timeline and trace start ({@code timeline.start})
 * @param timelineEndNanos where they end ({@code timeline.end}, or {@code timeline.span} after the start)
 */
public record Scenario(
        String name,
        String title,
        String description,
        String source,
        String variant,
        String variantDescription,
        long durationNanos,
        long warmupNanos,
        long seed,
        OsSettings machine,
        PythonVersion version,
        PoolDefaults poolDefaults,
        GilSettings python,
        List<ProcessSpec> processes,
        List<ServerSetup> servers,
        long timelineStartNanos,
        long timelineEndNanos) {

    public Scenario {
        Objects.requireNonNull(name);
        Objects.requireNonNull(poolDefaults, "poolDefaults");
        processes = List.copyOf(processes);
        servers = List.copyOf(servers);
        if (warmupNanos >= durationNanos) {
            throw new IllegalArgumentException("warm-up must be shorter than the duration");
        }
        if (timelineStartNanos < 0 || timelineEndNanos <= timelineStartNanos || timelineEndNanos > durationNanos) {
            throw new IllegalArgumentException("the timeline must be a span within the run");
        }
    }

    public boolean hasServers() {
        return !servers.isEmpty();
    }

    /**
     * The same scenario cut to 1 ms with no warm-up: enough for every figure a run reports to
     * exist (their names follow the scenario's structure, not its numbers), at no cost.
     */
    public Scenario brief() {
        return new Scenario(name, title, description, source, variant, variantDescription, 1_000_000L, 0L, seed,
                machine, version, poolDefaults, python, processes, servers, 0L, 1_000_000L);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, title, description, source, variant, variantDescription, durationNanos,
                warmupNanos, newSeed, machine, version, poolDefaults, python, processes, servers, timelineStartNanos,
                timelineEndNanos);
    }
}
