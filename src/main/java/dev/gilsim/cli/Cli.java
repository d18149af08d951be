package dev.gilsim.cli;

import dev.gilsim.scenario.InputException;
import java.io.PrintWriter;
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

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GilsimCommand());
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
