package dev.gilsim.cli;

import dev.gilsim.scenario.InputException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Builds the command line for {@code main} and for tests alike, with one mapping of failures to
 * exit codes: 0 success, 2 bad input (a scenario or a command-line mistake), 1 anything else. No
 * failure prints a stack trace unless {@code GILSIM_DEBUG} is set.
 */
public final class Cli {
    public static final int BAD_INPUT = 2;
    public static final int FAILURE = 1;

    private Cli() {
    }

    /**
     * Every subcommand by name, in the order {@code gilsim --help} lists them. Made only when
     * needed: picocli reads a command's annotations when it is added, and reading all eleven was
     * most of the start-up a command spends in picocli.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("run", RunCommand::new);
        m.put("chart", ChartCommand::new);
        m.put("check", CheckCommand::new);
        m.put("sweep", SweepCommand::new);
        m.put("merge", MergeCommand::new);
        m.put("diff", DiffCommand::new);
        m.put("init", InitCommand::new);
        m.put("bench", BenchCommand::new);
        m.put("validate", ValidateCommand::new);
        m.put("calibrate", CalibrateCommand::new);
        m.put("generate-completion", picocli.AutoComplete.GenerateCompletion::new);
        return Collections.unmodifiableMap(m);
    }

    /** The whole command line, every subcommand in it. */
    public static CommandLine commandLine() {
        return commandLine(COMMANDS.keySet());
    }

    /**
     * The command line that parses {@code args}: when they start with one of gilsim's own
     * commands, that command alone under {@code gilsim}, which parses and prints the same;
     * otherwise (top-level help, a mistake, the completion script, which reads every command)
     * all of them.
     */
    public static CommandLine commandLine(String[] args) {
        boolean one = args.length > 0 && COMMANDS.containsKey(args[0]) && !args[0].equals("generate-completion");
        return commandLine(one ? Set.of(args[0]) : COMMANDS.keySet());
    }

    private static CommandLine commandLine(Set<String> names) {
        CommandLine cl = new CommandLine(new GilsimCommand());
        COMMANDS.forEach((name, command) -> {
            if (names.contains(name)) {
                cl.addSubcommand(name, command.get());
            }
        });
        cl.setExecutionExceptionHandler(Cli::handle);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /**
     * One line for a full heap, naming the way out; {@code main} prints it too when the error
     * escapes the command (it is an {@link Error}, which picocli does not hand to {@link #handle}).
     */
    static String outOfMemory() {
        long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return "gilsim: out of memory: the Java heap (" + mb + " MB) is full; give the JVM more "
                + "(JAVA_TOOL_OPTIONS=-Xmx4g) or simulate less (fewer threads or workers, a shorter duration)";
    }

    static boolean causedByOutOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (causedByOutOfMemory(e)) {
            err.println(outOfMemory());
            err.flush();
            return FAILURE;
        }
        if (e instanceof InputException) {
            err.println(e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        if (e instanceof UserException u) {
            err.println("gilsim: " + u.getMessage());
            err.flush();
            return u.exitCode();
        }
        err.println("gilsim: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        if (System.getenv("GILSIM_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return FAILURE;
    }
}
