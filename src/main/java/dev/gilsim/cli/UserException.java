package dev.gilsim.cli;

/** A failure the user can act on (a missing output folder's parent, a file that cannot be written). */
final class UserException extends RuntimeException {
    private final int exitCode;

    UserException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
