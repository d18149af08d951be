package dev.gilsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverridesTest {

    private static final String SCENARIO = """
            name: demo
            python:
              switch_interval: 5ms
            processes:
              - name: app
                threads:
                  - name: spinner
                    count: 1
                  - name: io
                    count: 2
              - name: batch
                threads: []
            """;

    private static final Node ROOT = YamlSource.parse("s.yaml", SCENARIO);

    private static Node set(String assignment) {
        return Overrides.apply(ROOT, assignment, "--set");
    }

    private static Node at(Node root, String... steps) {
        Node n = root;
        for (String step : steps) {
            n = n instanceof ListNode l ? l.get(Integer.parseInt(step)) : ((MapNode) n).values().get(step);
        }
        return n;
    }

    private static String error(String assignment) {
        return assertThrows(InputException.class, () -> set(assignment)).getMessage();
    }

    @Test
    void setReplacesAScalarAndLocatesItOnTheCommandLine() {
        Node root = set("python.switch_interval=1ms");
        ScalarNode v = (ScalarNode) at(root, "python", "switch_interval");
        assertEquals("1ms", v.text());
        assertEquals("python.switch_interval", v.path());
        assertEquals(new Location("--set", 1, 24), v.location());
        // The key is still where the file wrote it; the original tree is untouched.
        assertEquals(new Location("s.yaml", 3, 3), ((MapNode) at(root, "python")).keyLocation("switch_interval"));
        assertEquals("5ms", ((ScalarNode) at(ROOT, "python", "switch_interval")).text());
    }

    @Test
    void badValueFromSetIsReportedAgainstTheCommandLine() {
        Node root = Overrides.apply(ROOT, "python.switch_interval=5 bananas", "--set python.switch_interval");
        MapReader python = MapReader.of(root, null).map("python");
        assertEquals("--set python.switch_interval:1:24: python.switch_interval: '5 bananas' is not a duration "
                + "(expected e.g. 5ms, 250us, 1.5s)",
                assertThrows(InputException.class, () -> python.duration("switch_interval", 0)).getMessage());
    }

    @Test
    void setSelectsListItemByName() {
        Node root = set("processes.app.threads.spinner.count=4");
        ScalarNode count = (ScalarNode) at(root, "processes", "0", "threads", "0", "count");
        assertEquals("4", count.text());
        assertEquals("processes[0].threads[0].count", count.path());
        assertEquals("2", ((ScalarNode) at(root, "processes", "0", "threads", "1", "count")).text());
    }

    @Test
    void setSelectsListItemByIndexInEitherSpelling() {
        assertEquals("8", ((ScalarNode) at(set("processes.0.threads.1.count=8"), "processes", "0", "threads", "1", "count")).text());
        assertEquals("8", ((ScalarNode) at(set("processes[0].threads[1].count=8"), "processes", "0", "threads", "1", "count")).text());
    }

    @Test
    void valueIsParsedAsFlowYaml() {
        Node root = set("processes.batch.threads=[{name: x, work: {exponential: {mean: 5ms}}}]");
        ListNode threads = (ListNode) at(root, "processes", "1", "threads");
        ScalarNode mean = (ScalarNode) at(threads, "0", "work", "exponential", "mean");
        assertEquals("5ms", mean.text());
        assertEquals("processes[1].threads[0].work.exponential.mean", mean.path());
        assertEquals(new Location("--set", 1, 63), mean.location());
    }

    @Test
    void newLeafKeyIsAddedForTheBinderToJudge() {
        Node root = set("python.swich_interval=1ms");
        MapNode python = (MapNode) at(root, "python");
        assertEquals(List.of("switch_interval", "swich_interval"), List.copyOf(python.keys()));
        assertEquals(new Location("--set", 1, 8), python.keyLocation("swich_interval"));
        MapReader r = MapReader.of(python, null);
        r.duration("switch_interval", 0);
        assertEquals("--set:1:8: python.swich_interval: unknown field 'swich_interval' (did you mean 'switch_interval'?)",
                assertThrows(InputException.class, r::finish).getMessage());
    }

    @Test
    void emptyValueIsNull() {
        ScalarNode v = (ScalarNode) at(set("name="), "name");
        assertTrue(v.isNull());
        assertEquals(new Location("--set", 1, 6), v.location());
    }

    @Test
    void unknownIntermediateKeySuggestsClosest() {
        assertEquals("--set:1:1: pyhton: field 'pyhton' does not exist (did you mean 'python'?)",
                error("pyhton.switch_interval=1ms"));
    }

    @Test
    void unknownIntermediateKeyWithoutNearMatchListsExistingKeys() {
        assertEquals("--set:1:1: gc: field 'gc' does not exist "
                + "(expected one of name, python, processes, or the whole value set at once, e.g. gc={...})",
                error("gc.threshold=700"));
    }

    @Test
    void unknownItemNameSuggestsClosest() {
        assertEquals("--set:1:11: processes: no item named 'ap' (did you mean 'app'?)", error("processes.ap.threads=[]"));
        assertEquals("--set:1:11: processes: no item named 'web' (expected an index or one of app, batch)",
                error("processes.web.threads=[]"));
    }

    @Test
    void ambiguousItemNameIsRejected() {
        Node twins = YamlSource.parse("t.yaml", "threads: [{name: w}, {name: w}]\n");
        assertEquals("--set:1:9: threads: more than one item is named 'w' (expected an index, e.g. threads[0])",
                assertThrows(InputException.class, () -> Overrides.apply(twins, "threads.w.count=2", "--set")).getMessage());
    }

    @Test
    void indexOutOfRangeIsReported() {
        assertEquals("--set:1:11: processes[5]: index is out of range (expected an index from 0 to 1)",
                error("processes[5].name=x"));
        assertEquals("--set:1:21: processes[1].threads[0]: index is out of range (expected nothing: the list is empty)",
                error("processes.1.threads.0.count=1"));
    }

    @Test
    void cannotDescendIntoAScalar() {
        assertEquals("--set:1:24: python.switch_interval: got '5ms', which has no 'unit' to set (expected a mapping or a list)",
                error("python.switch_interval.unit=ms"));
    }

    @Test
    void malformedAssignmentsAreRejected() {
        assertEquals("--set:1:1: python.switch_interval: missing '=' (expected path=value, e.g. python.switch_interval=1ms)",
                error("python.switch_interval"));
        assertEquals("--set:1:8: python..x: empty step in path (expected e.g. python.switch_interval)", error("python..x=1"));
        assertEquals("--set:1:11: processes[a].name: '[a]' is not a list index (expected e.g. [0])",
                error("processes[a].name=x"));
        assertEquals("--set:1:10: processes[0: unclosed '[' (expected e.g. processes[0])", error("processes[0=x"));
        assertEquals("--set:1:13: processes[0]x: expected '.' or '[' after ']'", error("processes[0]x=1"));
    }

    @Test
    void malformedValueIsLocatedInTheAssignment() {
        assertEquals("--set:1:30: processes[1].threads: invalid YAML: expected ',' or ']', but got <stream end> "
                + "(while parsing a flow sequence that started at line 1, column 25)",
                error("processes.batch.threads=[a, b"));
    }

    @Test
    void mergeOverlaysMapsAndReplacesEverythingElse() {
        Node variant = YamlSource.parse("v.yaml", """
                python:
                  switch_interval: 1ms
                  check_interval: 100
                processes: []
                """);
        MapNode merged = (MapNode) Overrides.merge(ROOT, variant);
        assertEquals(List.of("name", "python", "processes"), List.copyOf(merged.keys()));
        MapNode python = (MapNode) merged.values().get("python");
        assertEquals(List.of("switch_interval", "check_interval"), List.copyOf(python.keys()));
        assertEquals(new Location("v.yaml", 2, 20), python.values().get("switch_interval").location());
        assertEquals(new Location("v.yaml", 3, 3), python.keyLocation("check_interval"));
        assertEquals(0, ((ListNode) merged.values().get("processes")).size());
        assertSame(at(ROOT, "name"), merged.values().get("name"));
    }

    @Test
    void mergedSubtreesTakeTheBasePaths() {
        MapNode variants = (MapNode) YamlSource.parse("s.yaml", "variants:\n  fast:\n    python: {switch_interval: 1ms}\n");
        Node fast = at(variants, "variants", "fast");
        MapNode merged = (MapNode) Overrides.merge(ROOT, fast);
        assertEquals("python.switch_interval", at(merged, "python", "switch_interval").path());
        assertEquals(new Location("s.yaml", 3, 31), at(merged, "python", "switch_interval").location());
    }
}
