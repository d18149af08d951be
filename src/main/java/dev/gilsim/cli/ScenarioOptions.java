package dev.gilsim.cli;

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

    List<String> overrides() {
        List<String> all = new ArrayList<>(sets);
        if (seed != null) {
            all.add("seed=" + seed);
        }
        return all;
    }
}
