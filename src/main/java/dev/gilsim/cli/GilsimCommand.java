package dev.gilsim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "gilsim",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Simulates CPython's GIL: an event loop, worker threads, process pools, server workers and",
            "CPU cores in virtual time, and reports latency distributions for every scenario.",
        },
        subcommands = {RunCommand.class, ChartCommand.class, CheckCommand.class, SweepCommand.class,
            MergeCommand.class, DiffCommand.class, InitCommand.class, BenchCommand.class, ValidateCommand.class,
            CalibrateCommand.class, picocli.AutoComplete.GenerateCompletion.class},
        footer = {"", "Examples:",
            "  gilsim run scenarios/sleeper-beside-cpu.yaml",
            "  gilsim run scenarios/convoy-effect.yaml --set python.switch_interval=1ms",
            "  gilsim chart output/sleeper-beside-cpu",
            "  gilsim check scenarios/*.yaml",
            "  gilsim validate --data probes/data/linux-kvm-2core"})
final class GilsimCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: try 'gilsim run' or 'gilsim --help'");
    }
}
