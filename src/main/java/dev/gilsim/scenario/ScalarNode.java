package dev.gilsim.scenario;

import java.util.Objects;

/**
 * A YAML scalar, kept as the raw text the user wrote so that every conversion (durations, rates,
 * enum spellings) happens in one place with one error style, rather than after YAML's own typing.
 *
 * @param text the scalar's text after YAML unquoting/folding; for nulls the literal ({@code ~}, {@code null} or empty)
 * @param isNull YAML null: an unquoted {@code ~}, {@code null} or a missing value
 * @param quoted written in a non-plain style (single/double quotes or a {@code |}/{@code >} block),
 *     i.e. the author explicitly asked for a string
 */
public record ScalarNode(Location location, String path, String text, boolean isNull, boolean quoted)
        implements Node {

    public ScalarNode {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public ScalarNode withPath(String newPath) {
        return newPath.equals(path) ? this : new ScalarNode(location, newPath, text, isNull, quoted);
    }
}
