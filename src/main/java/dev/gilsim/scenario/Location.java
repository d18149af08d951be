package dev.gilsim.scenario;

import java.util.Objects;

/**
 * A position in a scenario source, 1-based like editors and compilers print it.
 *
 * <p>{@code file} is whatever the user should recognise: a path as typed on the command line,
 * or a pseudo-origin such as {@code --set python.switch_interval} for command-line overrides.
 * {@code fromDefaults} says the value came from defaults.yaml or a machine profile rather than
 * from the scenario: tracked from where it was read, never guessed from a file's name.
 */
public record Location(String file, int line, int column, boolean fromDefaults) {

    /** A position in the scenario or on the command line. */
    public Location(String file, int line, int column) {
        this(file, line, column, false);
    }

    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /**
     * Whether both positions are in the same text, so that their lines compare: the same file, and
     * both defaults or both not (a scenario may be called defaults.yaml too).
     */
    public boolean sameSource(Location other) {
        return file.equals(other.file) && fromDefaults == other.fromDefaults;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
