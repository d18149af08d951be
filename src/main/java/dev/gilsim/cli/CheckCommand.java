package dev.gilsim.cli;

import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ScenarioFile;
import dev.gilsim.scenario.ScenarioLoader;
import dev.gilsim.scenario.SweepPlan;
import dev.gilsim.sweep.SweepMetric;
import dev.gilsim.sweep.SweepRunner;
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
            out.printf("%s: ok (%s, %d variant%s: %s%s)%n", f, file.name(), names.size(), names.size() == 1 ? "" : "s",
                    String.join(", ", names), sweep(loader, f));
        }
        out.flush();
    }

    /**
     * A sweep is checked as {@code gilsim sweep} would run it: every point bound (a misspelt path
     * or a bad value is a located error), and the metric looked up in a brief run of the first.
     */
    private String sweep(ScenarioLoader loader, Path f) {
        SweepPlan plan = loader.loadSweep(f, options.overrides(), List.of());
        if (plan.dimensions().isEmpty()) {
            return "";
        }
        if (plan.metric() != null) {
            SweepMetric.check(plan.metric(), SweepRunner.metricNames(plan), plan.metricLocation());
        }
        int n = plan.points().size();
        return "; sweep of " + n + " point" + (n == 1 ? "" : "s") + (plan.metric() == null ? "" : ", metric " + plan.metric());
    }
}
