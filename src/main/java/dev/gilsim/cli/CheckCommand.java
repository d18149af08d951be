package dev.gilsim.cli;

import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ScenarioFile;
import dev.gilsim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate scenario files without running them.",
        footer = {"", "Example:", "  gilsim check scenarios/*.yaml"})
final class CheckCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files.")
    List<Path> files;

    @Mixin
    ScenarioOptions options;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        ScenarioLoader loader = options.loader();
        for (Path f : files) {
            ScenarioFile file = loader.load(f, options.overrides());
            List<String> names = file.variants().stream().map(Scenario::variant).toList();
            out.printf("%s: ok (%s, %d variant%s: %s)%n", f, file.name(), names.size(), names.size() == 1 ? "" : "s",
                    String.join(", ", names));
        }
        out.flush();
    }
}
