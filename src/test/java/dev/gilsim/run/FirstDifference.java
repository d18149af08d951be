package dev.gilsim.run;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where two versions of a text file part, said the way a reader looks for it: the line number and
 * both lines. A golden file of several thousand lines is no use in an assertion message whole.
 */
final class FirstDifference {
    private FirstDifference() {
    }

    /** Empty when the bytes are identical. */
    static Optional<String> of(byte[] golden, byte[] now) {
        if (Arrays.equals(golden, now)) {
            return Optional.empty();
        }
        String[] a = new String(golden, StandardCharsets.UTF_8).split("\n", -1);
        String[] b = new String(now, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String was = i < a.length ? a[i] : null;
            String is = i < b.length ? b[i] : null;
            if (was == null || !was.equals(is)) {
                return Optional.of("line " + (i + 1) + "\n  golden: " + shown(was) + "\n  now:    " + shown(is));
            }
        }
        // Only bytes the split does not show differ: a byte order mark or invalid UTF-8.
        return Optional.of("the same lines but different bytes (encoding?)");
    }

    private static String shown(String line) {
        return line == null ? "(end of file)" : line.replace("\r", "\\r");
    }
}
