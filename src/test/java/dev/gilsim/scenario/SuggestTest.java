package dev.gilsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestTest {

    @Test
    void typoSuggestsClosest() {
        assertEquals(Optional.of("switch_interval"),
                Suggest.closest("swich_interval", List.of("duration", "switch_interval", "name")));
    }

    @Test
    void transpositionCountsAsOneEdit() {
        assertEquals(1, Suggest.distance("durtaion", "duration"));
        assertEquals(Optional.of("duration"), Suggest.closest("durtaion", List.of("duration")));
    }

    @Test
    void unrelatedWordsGetNoSuggestion() {
        assertEquals(Optional.empty(), Suggest.closest("colour", List.of("duration", "name", "python")));
        // Short words must not be "corrected" into other short words.
        assertEquals(Optional.empty(), Suggest.closest("ab", List.of("cd")));
    }

    @Test
    void tiesGoToTheFirstCandidate() {
        assertEquals(Optional.of("cat"), Suggest.closest("bat", List.of("cat", "hat")));
        assertEquals(Optional.of("hat"), Suggest.closest("bat", List.of("hat", "cat")));
    }

    @Test
    void comparisonIgnoresCase() {
        assertEquals(Optional.of("free-threaded"), Suggest.closest("FREE_THREADED", List.of("gil", "free-threaded")));
    }
}
