package dev.gilsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Entry point for reading scenario YAML into a located {@link Node} tree.
 *
 * <p>All failures, including unreadable files and YAML syntax errors, surface as
 * {@link InputException} so the command line has a single way to report bad input.
 */
public final class YamlSource {

    /** The largest scenario file read: the biggest shipped scenario is a few KiB. */
    static final int MAX_BYTES = 1 << 20;

    /** Used when the caller does not say what the document should contain. */
    public static final String DEFAULT_EXPECTED = "a YAML mapping";

    private YamlSource() {
    }

    public static Node parse(Path file) {
        return parse(file, DEFAULT_EXPECTED);
    }

    /**
     * @param expectedRoot what an empty file should have contained, for the error message,
     *     e.g. {@code "a mapping with name, duration, ..."}
     */
    public static Node parse(Path file, String expectedRoot) {
        String name = file.toString();
        return parse(name, read(file, name), expectedRoot);
    }

    public static Node parse(String fileName, String text) {
        return parse(fileName, text, DEFAULT_EXPECTED);
    }

    public static Node parse(String fileName, String text, String expectedRoot) {
        return parse(fileName, text, expectedRoot, false);
    }

    /** Parses defaults.yaml or a machine profile: every value's location says it is a default. */
    static Node parseDefaults(String fileName, String text, String expectedRoot) {
        return parse(fileName, text, expectedRoot, true);
    }

    private static Node parse(String fileName, String text, String expectedRoot, boolean fromDefaults) {
        // A byte-order mark is invisible in editors; do not let it shift columns or confuse the scanner.
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Node root = TreeBuilder.build(fileName, body, "", 0, fromDefaults);
        if (root == null || root instanceof ScalarNode s && s.isNull() && s.text().isEmpty()) {
            throw new InputException(new Location(fileName, 1, 1), "", "file is empty", expectedRoot);
        }
        return root;
    }

    /**
     * Parses a value written on one line inside some other text (a {@code --set} argument). Its nodes
     * get paths under {@code path} and columns shifted by {@code columnOffset}; empty text is a null scalar.
     */
    static Node parseFragment(String origin, String text, String path, int columnOffset) {
        Node n = TreeBuilder.build(origin, text, path, columnOffset);
        return n != null ? n : new ScalarNode(new Location(origin, 1, 1 + columnOffset), path, "", true, false);
    }

    /**
     * The text of a scenario file, for every command alike: at most {@link #MAX_BYTES}, and strict
     * UTF-8. Problems are {@link InputException}s without a location.
     */
    static String readText(Path file) {
        return read(file, file.toString());
    }

    private static String read(Path file, String name) {
        byte[] bytes;
        try {
            bytes = readAtMost(file, MAX_BYTES);
            if (bytes == null) {
                throw unreadable(name, "larger than 1 MiB, which no scenario needs (is it the right file?)");
            }
        } catch (NoSuchFileException e) {
            throw unreadable(name, "no such file");
        } catch (AccessDeniedException e) {
            throw unreadable(name, "permission denied");
        } catch (IOException e) {
            throw unreadable(name, Files.isDirectory(file) ? "is a directory" : String.valueOf(e.getMessage()));
        }
        try {
            // Strict decoding: silently replacing bad bytes would turn them into baffling YAML errors.
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw unreadable(name, "not UTF-8 text");
        }
    }

    /**
     * The file's bytes, or null when it holds more than {@code limit}. Read up to the limit rather
     * than trusting its size: {@code /dev/zero} or a pipe reports none and never ends.
     */
    private static byte[] readAtMost(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            return bytes.length > limit ? null : bytes;
        }
    }

    private static InputException unreadable(String name, String reason) {
        return new InputException(null, name, "cannot read file: " + reason, null);
    }
}
