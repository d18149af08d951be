package dev.gilsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class MapReaderTest {

    enum Mode { GIL, FREE_THREADED }

    enum Policy { FIFO, LOOP_FIRST }

    private static MapReader reader(String yaml) {
        return MapReader.of(YamlSource.parse("s.yaml", yaml), null);
    }

    private static String error(Executable e) {
        return assertThrows(InputException.class, e).getMessage();
    }

    @Test
    void typedGettersReadValuesAndDefaults() {
        MapReader r = reader("""
                interval: 5ms
                workers: 4
                share: 0.25
                name: demo
                verbose: true
                mode: free-threaded
                policy: loop-first
                rate: 100/s
                """);
        assertEquals(5_000_000L, r.duration("interval", 0));
        assertEquals(7L, r.duration("absent", 7));
        assertEquals(4, r.integer("workers", 1, 1, 10_000));
        assertEquals(0.25, r.number("share", 1, 0, 1));
        assertEquals("demo", r.string("name", null));
        assertTrue(r.bool("verbose", false));
        assertEquals(Mode.FREE_THREADED, r.choice("mode", Mode.class, Mode.GIL));
        assertEquals(Policy.LOOP_FIRST, r.choice("policy", Policy.class, Policy.FIFO));
        assertEquals(Mode.GIL, r.choice("absent_mode", Mode.class, Mode.GIL));
        assertEquals(100.0, r.rate("rate", 0));
        r.finish();
    }

    @Test
    void wrongTypeNamesTheFieldAndAnExample() {
        MapReader python = reader("python:\n  switch_interval: 5 bananas\n").map("python");
        assertEquals("s.yaml:2:20: python.switch_interval: '5 bananas' is not a duration (expected e.g. 5ms, 250us, 1.5s)",
                error(() -> python.duration("switch_interval", 0)));
    }

    @Test
    void wrongShapeSaysWhatWasFound() {
        MapReader r = reader("a: [1, 2]\nb:\nc: x\n");
        assertEquals("s.yaml:1:4: a: got a list (expected a duration, e.g. 5ms, 250us, 1.5s)",
                error(() -> r.duration("a", 0)));
        assertEquals("s.yaml:2:3: b: has no value (expected a string)", error(() -> r.string("b", "x")));
        assertEquals("s.yaml:3:4: c: got 'x' (expected a list)", error(() -> r.list("c")));
        assertEquals("s.yaml:3:4: c: got 'x' (expected a mapping)", error(() -> r.map("c")));
    }

    @Test
    void nonMappingRootNamesTheExpectation() {
        Node root = YamlSource.parse("s.yaml", "- a\n");
        assertEquals("s.yaml:1:1: (root): got a list (expected a mapping with name and duration)",
                error(() -> MapReader.of(root, "a mapping with name and duration")));
    }

    @Test
    void missingRequiredFieldIsLocatedAtTheMap() {
        MapReader python = reader("name: x\npython:\n  other: 1\n").map("python");
        assertEquals("s.yaml:3:3: python.switch_interval: missing required field "
                        + "(expected a duration, e.g. 5ms, 250us, 1.5s)",
                error(() -> python.durationReq("switch_interval")));
        assertEquals("s.yaml:3:3: python.threads: missing required field", error(() -> python.req("threads")));
    }

    @Test
    void absurdSizesAreRejected() {
        MapReader r = reader("count: 1000000\nzero: 0\nhalf: 2.5\nhuge: 99999999999999999999\n");
        assertEquals("s.yaml:1:8: count: must be at most 10000 (got 1000000)",
                error(() -> r.integer("count", 1, 1, 10_000)));
        assertEquals("s.yaml:2:7: zero: must be at least 1 (got 0)", error(() -> r.integer("zero", 1, 1, 10_000)));
        assertEquals("s.yaml:3:7: half: '2.5' is not a whole number (expected a whole number from 1 to 10000)",
                error(() -> r.integer("half", 1, 1, 10_000)));
        assertEquals("s.yaml:4:7: huge: must be at most 2147483647 (got 99999999999999999999)",
                error(() -> r.integer("huge", 1, 0, Integer.MAX_VALUE)));
    }

    @Test
    void numbersAreRangeChecked() {
        MapReader r = reader("p: 1.5\nq: lots\nr: .nan\n");
        assertEquals("s.yaml:1:4: p: must be at most 1 (got 1.5)", error(() -> r.number("p", 0, 0, 1)));
        assertEquals("s.yaml:2:4: q: 'lots' is not a number (expected a number from 0 to 1)",
                error(() -> r.number("q", 0, 0, 1)));
        assertEquals("s.yaml:3:4: r: '.nan' is not a number (expected a number)",
                error(() -> r.number("r", 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)));
    }

    @Test
    void zeroIsNotAPositiveDuration() {
        MapReader r = reader("interval: 0\nnegative: -1ms\n");
        assertEquals("s.yaml:1:11: interval: must be greater than 0 (got 0)",
                error(() -> r.positiveDuration("interval", 1)));
        assertEquals("s.yaml:2:11: negative: must not be negative (got -1ms)", error(() -> r.duration("negative", 0)));
    }

    @Test
    void badChoiceListsValidValuesAndSuggests() {
        MapReader r = reader("mode: free_threaded\nother: turbo\n");
        assertEquals("s.yaml:1:7: mode: 'free_threaded' is not a valid choice, did you mean 'free-threaded'? "
                        + "(expected one of gil, free-threaded)",
                error(() -> r.choice("mode", Mode.class, Mode.GIL)));
        assertEquals("s.yaml:2:8: other: 'turbo' is not a valid choice (expected one of gil, free-threaded)",
                error(() -> r.choice("other", Mode.class, Mode.GIL)));
    }

    @Test
    void booleansAreStrictlyTrueOrFalse() {
        MapReader r = reader("a: yes\nb: False\n");
        assertEquals("s.yaml:1:4: a: 'yes' is not a boolean (expected true or false)", error(() -> r.bool("a", false)));
        assertFalse(r.bool("b", true));
    }

    @Test
    void unknownKeySuggestsClosest() {
        MapReader python = reader("python:\n  swich_interval: 5ms\n").map("python");
        python.duration("switch_interval", 5_000_000);
        assertEquals("s.yaml:2:3: python.swich_interval: unknown field 'swich_interval' (did you mean 'switch_interval'?)",
                error(python::finish));
    }

    @Test
    void unknownKeyWithoutNearMatchListsKnownFields() {
        MapReader r = reader("name: x\ncolour: red\n");
        r.string("name", null);
        r.duration("duration", 0);
        assertEquals("s.yaml:2:1: colour: unknown field 'colour' (expected one of name, duration)", error(r::finish));
    }

    @Test
    void firstUnknownKeyBySourcePositionIsReported() {
        MapReader r = reader("zeta: 1\nname: x\nalpha: 2\n");
        r.string("name", null);
        assertEquals("s.yaml:1:1: zeta: unknown field 'zeta' (expected one of name)", error(r::finish));
    }

    @Test
    void declaredKeysCountAsKnown() {
        MapReader r = reader("mean: 5ms\nstddev: 1ms\n");
        r.declare("mean", "stddev");
        r.finish();
        MapReader s = reader("stdev: 1ms\n").declare("mean", "stddev");
        assertEquals("s.yaml:1:1: stdev: unknown field 'stdev' (did you mean 'stddev'?)", error(s::finish));
    }

    @Test
    void optionalSectionsAndListsAreOptional() {
        MapReader r = reader("threads:\n  - a\n  - b\n");
        assertEquals(Optional.empty(), r.optMap("python"));
        assertEquals(Optional.empty(), r.optList("processes"));
        ListNode threads = r.list("threads");
        assertEquals(List.of("a", "b"), threads.items().stream().map(Nodes::string).toList());
        r.finish();
    }

    @Test
    void entriesMarksUserNamedKeysAsRead() {
        MapReader r = reader("variants:\n  fast: {x: 1}\n  slow: {x: 2}\n").map("variants");
        assertEquals(List.of("fast", "slow"), List.copyOf(r.entries().keySet()));
        r.finish();
    }

    @Test
    void crossFieldErrorsPointAtTheValue() {
        MapReader r = reader("warmup: 10s\nduration: 5s\n");
        assertEquals("s.yaml:1:9: warmup: must be shorter than duration (got 10s)",
                r.error("warmup", "must be shorter than duration (got 10s)", null).getMessage());
        assertEquals("s.yaml:1:1: seed: needed when repeat > 1",
                r.error("seed", "needed when repeat > 1", null).getMessage());
    }

    @Test
    void listItemsConvertThroughNodes() {
        ListNode l = reader("d: [1ms, 2 bananas]\n").list("d");
        assertEquals(1_000_000L, Nodes.duration(l.get(0)));
        assertEquals("s.yaml:1:10: d[1]: '2 bananas' is not a duration (expected e.g. 5ms, 250us, 1.5s)",
                error(() -> Nodes.duration(l.get(1))));
    }

    @Test
    void enumSpellingIsLowerCaseWithDashes() {
        assertEquals("free-threaded", Nodes.spelling(Mode.FREE_THREADED));
        assertEquals(List.of("fifo", "loop-first"), Nodes.spellings(Policy.class));
    }
}
