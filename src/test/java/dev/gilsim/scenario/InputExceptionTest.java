package dev.gilsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals("'" + "x".repeat(37) + "...'", InputException.quote("x".repeat(100)));
    }

    @Test
    void locationPrintsLikeACompiler() {
        assertEquals("s.yaml:3:7", LOC.toString());
    }
}
