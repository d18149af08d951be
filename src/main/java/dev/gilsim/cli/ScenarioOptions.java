package dev.gilsim.cli;

import dev.gilsim.scenario.Defaults;
import dev.gilsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by every command that loads scenarios. */
final class ScenarioOptions {
    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a scenario field, e.g. python.switch_interval=1ms or "
                    + "processes.app.threads.spinner.count=4. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "A machine profile (from 'gilsim calibrate'): defaults for this machine, under the scenario.")
    Path profile;

    @Option(names = "--max-threads", paramLabel = "N",
            description = "The thread budget: at most N threads in all, across processes, server workers and "
                    + "their pools (default ${DEFAULT-VALUE}; each costs about 10 KB of heap, up to 0.4 MB "
                    + "once it has recorded thousands of waits).")
    int maxThreads = ScenarioLoader.DEFAULT_MAX_THREADS;

    @Option(names = "--max-events", paramLabel = "N",
            description = "The event budget of one run: a scenario estimated to simulate more events is refused "
                    + "before it runs (default ${DEFAULT-VALUE}, half an hour to a few hours of wall time).")
    long maxEvents = ScenarioLoader.DEFAULT_MAX_EVENTS;

    /** The loader, with the machine profile's defaults when one is given. */
    ScenarioLoader loader() {
        return loader(profile, maxThreads, maxEvents);
    }

    static ScenarioLoader loader(Path profile, int maxThreads, long maxEvents) {
        if (maxThreads < 1 || maxThreads > ScenarioLoader.MAX_THREADS_LIMIT) {
            throw new UserException("--max-threads must be 1 to " + ScenarioLoader.MAX_THREADS_LIMIT, Cli.BAD_INPUT);
        }
        if (maxEvents < 1) {
            throw new UserException("--max-events must be positive", Cli.BAD_INPUT);
        }
        return new ScenarioLoader(defaults(profile)).withMaxThreads(maxThreads).withMaxEvents(maxEvents);
    }

    static Defaults defaults(Path profile) {
        return profile == null ? Defaults.get() : Defaults.withProfile(profile);
    }

    /** These options as a command line, for another gilsim process to load the scenarios alike. */
    List<String> commandLine() {
        List<String> args = new ArrayList<>();
        for (String set : sets) {
            args.addAll(List.of("--set", set));
        }
        if (seed != null) {
            args.addAll(List.of("--seed", String.valueOf(seed)));
        }
        if (profile != null) {
            args.addAll(List.of("--profile", profile.toString()));
        }
        if (maxThreads != ScenarioLoader.DEFAULT_MAX_THREADS) {
            args.addAll(List.of("--max-threads", String.valueOf(maxThreads)));
        }
        if (maxEvents != ScenarioLoader.DEFAULT_MAX_EVENTS) {
            args.addAll(List.of("--max-events", String.valueOf(maxEvents)));
        }
        return args;
    }

    List<String> overrides() {
        List<String> all = new ArrayList<>(sets);
        if (seed != null) {
            all.add("seed=" + seed);
        }
        return all;
    }
}
