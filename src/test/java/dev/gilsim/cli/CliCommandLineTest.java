package dev.gilsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliCommandLineTest {
    private static final List<String> ALL = List.of("run", "chart", "check", "sweep", "merge", "diff", "init",
            "bench", "validate", "calibrate", "generate-completion");

    private static List<String> commands(CommandLine cl) {
        return List.copyOf(cl.getSubcommands().keySet());
    }

    @Test
    void theWholeCommandLineHoldsEveryCommandUnderItsOwnNameInHelpOrder() {
        CommandLine cl = Cli.commandLine();
        assertEquals(ALL, commands(cl));
        cl.getSubcommands().forEach((name, sub) -> assertEquals(name, sub.getCommandName()));
    }

    @Test
    void aCommandLineStartingWithACommandHoldsThatCommandAlone() {
        assertEquals(List.of("check"), commands(Cli.commandLine(new String[] {"check", "a.yaml"})));
        assertEquals(List.of("run"), commands(Cli.commandLine(new String[] {"run", "--help"})));
    }

    /** Top-level help, a misspelt command (picocli suggests the near ones) and the completion script need them all. */
    @Test
    void anyOtherCommandLineHoldsEveryCommand() {
        assertEquals(ALL, commands(Cli.commandLine(new String[0])));
        assertEquals(ALL, commands(Cli.commandLine(new String[] {"--help"})));
        assertEquals(ALL, commands(Cli.commandLine(new String[] {"rnu", "a.yaml"})));
        assertEquals(ALL, commands(Cli.commandLine(new String[] {"generate-completion"})));
    }
}
