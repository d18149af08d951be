package dev.gilsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputExceptionTest {

    private static final Location LOC = new Location("s.yaml", 3, 7);

    @Test
    void messageHasLocationPathProblemAndExpectation() {
        assertEquals("s.yaml:3:7: python.switch_interval: '5 bananas' is not a duration (expected e.g. 5ms)",
                new InputException(LOC, "python.switch_interval", "'5 bananas' is not a duration", "e.g. 5ms").getMessage());
    }

    @Test
    void expectationIsOptional() {
        assertEquals("s.yaml:3:7: a.b: duplicate key 'b'", new InputException(LOC, "a.b", "duplicate key 'b'", null).getMessage());
    }

    @Test
    void rootPathIsShownAsRoot() {
        assertEquals("s.yaml:3:7: (root): file is empty", new InputException(LOC, "", "file is empty", null).getMessage());
    }

    @Test
    void missingLocationStartsWithThePath() {
        assertEquals("x.yaml: cannot read file: no such file",
                new InputException(null, "x.yaml", "cannot read file: no such file", null).getMessage());
    }

    @Test
    void atNodeUsesTheNodesLocationAndPath() {
        ScalarNode n = new ScalarNode(LOC, "processes[0].name", "", true, false);
        assertEquals("s.yaml:3:7: processes[0].name: has no value (expected a string)",
                InputException.at(n, "has no value", "a string").getMessage());
    }

    @Test
    void quoteEscapesAndShortens() {
        assertEquals("'a\\nb'", InputException.quote("a\nb"));
        assertEquals("'" + "x".repeat(57) + "...'", InputException.quote("x".repeat(100)));
        assertEquals("'" + "x".repeat(60) + "'", InputException.quote("x".repeat(60)), "60 fit whole");
    }

    @Test
    void controlAndBidiCharactersAreShownAsEscapesWhereverTheyAre() {
        // ESC [2J clears the screen; U+202E reverses what follows; a newline splits the line.
        String msg = new InputException(new Location("a\u001b[2J.yaml", 1, 1), "names.\u202eevil",
                "'\u0007' is bad", "x\ny").getMessage();
        assertEquals("a\\x1b[2J.yaml:1:1: names.\\u202eevil: '\\x07' is bad (expected x\\ny)", msg);
        assertEquals("'\\x1b[2J \\u2066 \\x00'", InputException.quote("\u001b[2J \u2066 \u0000"));
    }

    @Test
    void anEscapeIsNeverCutInHalf() {
        String q = InputException.quote("x".repeat(55) + "\u001b\u001b");
        assertEquals("'" + "x".repeat(55) + "...'", q);
    }

    @Test
    void aHugeEchoedValueGivesAShortLine() {
        String huge = "n".repeat(100_000);
        String msg = new InputException(LOC, "processes." + huge + ".threads", "unknown " + huge, huge)
                .getMessage();
        assertTrue(msg.length() < 1_000, "length " + msg.length());
        assertTrue(msg.matches("s\\.yaml:3:7: processes\\.n{50}\\.\\.\\.n{52}\\.threads: unknown n+\\.\\.\\. \\(expected n+\\.\\.\\.\\)"),
                "the path keeps its start and the field at its end: " + msg);
    }

    @Test
    void locationPrintsLikeACompiler() {
        assertEquals("s.yaml:3:7", LOC.toString());
    }
}
