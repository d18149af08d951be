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
        footer = {"", "Examples:",
            "  gilsim run scenarios/sleeper-beside-cpu.yaml",
            "  gilsim run scenarios/convoy-effect.yaml --set python.switch_interval=1ms",
            "  gilsim chart output/sleeper-beside-cpu",
            "  gilsim check scenarios/*.yaml",
            "  gilsim validate --data probes/data/linux-kvm-2core"})
// The subcommands are added by Cli.commandLine, only the one named when a command line names one.
final class GilsimCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: try 'gilsim run' or 'gilsim --help'");
    }
}
