package dev.gilsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirstDifferenceTest {

    private static Optional<String> of(String golden, String now) {
        return FirstDifference.of(golden.getBytes(StandardCharsets.UTF_8), now.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void identicalFilesHaveNoDifference() {
        assertEquals(Optional.empty(), of("{\n  \"a\" : 1\n}\n", "{\n  \"a\" : 1\n}\n"));
    }

    @Test
    void theFirstChangedLineIsNamedWithBothVersions() {
        assertEquals(Optional.of("line 3\n  golden:   \"p99_ms\" : 5.317,\n  now:      \"p99_ms\" : 5.318,"),
                of("{\n  \"count\" : 2,\n  \"p99_ms\" : 5.317,\n  \"max_ms\" : 6\n}\n",
                        "{\n  \"count\" : 2,\n  \"p99_ms\" : 5.318,\n  \"max_ms\" : 7\n}\n"));
    }

    @Test
    void aShorterFileEndsWhereTheOtherGoesOn() {
        assertEquals(Optional.of("line 2\n  golden: (end of file)\n  now:    b"), of("a", "a\nb"));
    }

    @Test
    void carriageReturnsAreShownSinceTheyAreInvisible() {
        assertEquals(Optional.of("line 1\n  golden: a\n  now:    a\\r"), of("a\n", "a\r\n"));
    }
}
