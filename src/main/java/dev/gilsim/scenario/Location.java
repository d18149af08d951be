package dev.gilsim.scenario;

import java.util.Objects;

/**
 * A position in a scenario source, 1-based like editors and compilers print it.
 *
 * <p>{@code file} is whatever the user should recognise: a path as typed on the command line,
 * or a pseudo-origin such as {@code --set python.switch_interval} for command-line overrides.
 */
public record Location(String file, int line, int column) {

    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
