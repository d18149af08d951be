package dev.gilsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12: the corpus in {@code src/test/resources/malformed}, one fault per file across syntax,
 * fields, types, references, distributions, sweeps, resource bombs, zero-time loops, names and
 * control characters. Each file's second line says where {@code gilsim check} must locate the fault
 * and what it must say; every file gets exit code 2, one line, no stack trace, and (for
 * {@code gilsim run}) nothing written.
 */
class MalformedScenariosTest {
    private static final Path CORPUS = Path.of("src/test/resources/malformed");
    private static final String EXPECT = "# check: ";

    @TempDir
    Path out;

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusHoldsAtLeastSixtyFaults() throws IOException {
        assertTrue(corpus().count() >= 60, "the corpus is missing");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void checkLocatesTheFaultInOneLineWithExitCodeTwo(Path file) throws IOException {
        String expected = Files.readAllLines(file).get(1);
        assertTrue(expected.startsWith(EXPECT), file + ": the second line must say what check reports");
        CliRunner.Outcome o = CliRunner.run("check", file.toString());
        assertEquals(2, o.code(), o.out() + o.err());
        assertEquals("", o.out());
        assertOneLineWithoutTrace(o.err());
        assertTrue(o.err().startsWith(file + ":" + expected.substring(EXPECT.length())), o.err());
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void runRefusesTheFaultAndWritesNothing(Path file) throws IOException {
        // A plain run ignores a sweep's grid and metric (it checks only their shape).
        if (Files.readString(file).contains("\nsweep:")) {
            return;
        }
        CliRunner.Outcome o = CliRunner.run("run", file.toString(), "--out", out.toString());
        assertEquals(2, o.code(), o.out() + o.err());
        assertOneLineWithoutTrace(o.err());
        try (Stream<Path> written = Files.list(out)) {
            List<Path> left = written.toList();
            assertTrue(left.isEmpty(), "written: " + left);
        }
    }

    private static void assertOneLineWithoutTrace(String err) {
        String text = err.strip();
        assertFalse(text.isEmpty(), "no message");
        assertFalse(text.contains("\n"), "more than one line: " + err);
        assertFalse(text.contains("Exception") || text.contains("\tat "), "a stack trace: " + err);
    }
}
