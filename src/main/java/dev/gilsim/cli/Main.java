package dev.gilsim.cli;

/** The {@code gilsim} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = Cli.commandLine(args).execute(args);
        } catch (OutOfMemoryError e) {
            // The command's objects are unreachable once the error has left it: there is room to say so.
            System.err.println(Cli.outOfMemory());
            code = Cli.FAILURE;
        }
        System.exit(code);
    }
}
