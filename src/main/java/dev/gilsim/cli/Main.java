package dev.gilsim.cli;

/** The {@code gilsim} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.commandLine().execute(args));
    }
}
