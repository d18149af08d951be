package dev.gilsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlSourceTest {

    private static Node parse(String text) {
        return YamlSource.parse("s.yaml", text);
    }

    private static String error(String text) {
        return assertThrows(InputException.class, () -> parse(text)).getMessage();
    }

    @Test
    void treeKeepsPathsLocationsAndKeyOrder() {
        MapNode root = (MapNode) parse("""
                name: demo
                python:
                  switch_interval: 5ms
                processes:
                  - name: app
                    threads:
                      - {name: a, count: 2}
                      - name: b
                """);
        assertEquals(List.of("name", "python", "processes"), List.copyOf(root.keys()));
        assertEquals("", root.path());
        assertEquals(new Location("s.yaml", 2, 1), root.keyLocation("python"));

        ScalarNode interval = (ScalarNode) ((MapNode) root.values().get("python")).values().get("switch_interval");
        assertEquals("python.switch_interval", interval.path());
        assertEquals(new Location("s.yaml", 3, 20), interval.location());
        assertEquals("5ms", interval.text());

        ListNode procs = (ListNode) root.values().get("processes");
        ListNode threads = (ListNode) ((MapNode) procs.get(0)).values().get("threads");
        MapNode b = (MapNode) threads.get(1);
        assertEquals("processes[0].threads[1]", b.path());
        assertEquals("processes[0].threads[0].count", ((MapNode) threads.get(0)).values().get("count").path());
        assertEquals(new Location("s.yaml", 7, 9), threads.get(0).location());
        assertEquals(new Location("s.yaml", 8, 9), b.keyLocation("name"));
    }

    @Test
    void scalarsKeepRawTextNullnessAndQuoting() {
        MapNode root = (MapNode) parse("""
                a: ~
                b:
                c: null
                d: "null"
                e: ''
                f: 1_000
                g: yes
                h: |
                  block
                """);
        ScalarNode a = (ScalarNode) root.values().get("a");
        assertTrue(a.isNull());
        assertEquals("~", a.text());
        assertTrue(((ScalarNode) root.values().get("b")).isNull());
        assertTrue(((ScalarNode) root.values().get("c")).isNull());
        ScalarNode d = (ScalarNode) root.values().get("d");
        assertFalse(d.isNull());
        assertTrue(d.quoted());
        assertEquals("null", d.text());
        ScalarNode e = (ScalarNode) root.values().get("e");
        assertFalse(e.isNull());
        assertEquals("", e.text());
        assertEquals("1_000", ((ScalarNode) root.values().get("f")).text());
        ScalarNode g = (ScalarNode) root.values().get("g");
        assertEquals("yes", g.text());
        assertFalse(g.quoted());
        assertTrue(((ScalarNode) root.values().get("h")).quoted());
    }

    @Test
    void malformedYamlReportsLineAndColumn() {
        assertEquals("s.yaml:3:8: python: invalid YAML: mapping values are not allowed here",
                error("name: x\npython:\n  a: bb: c\n"));
    }

    @Test
    void unclosedFlowListPointsAtTheProblemAndTheStart() {
        assertEquals("s.yaml:3:2: threads: invalid YAML: expected ',' or ']', but got : "
                        + "(while parsing a flow sequence that started at line 2, column 10)",
                error("name: x\nthreads: [a, b\nc: 3\n"));
    }

    @Test
    void unterminatedQuoteIsReported() {
        assertEquals("s.yaml:2:1: name: invalid YAML: found unexpected end of stream "
                        + "(while scanning a quoted scalar that started at line 1, column 7)",
                error("name: \"demo\n"));
    }

    @Test
    void tabIndentationGetsAPlainMessage() {
        assertEquals("s.yaml:2:1: (root): invalid YAML: tab characters cannot be used for indentation (use spaces)",
                error("a: 1\n\tb: 2\n"));
    }

    @Test
    void complexKeysAreRejected() {
        assertEquals("s.yaml:1:4: (root): invalid YAML: mapping keys must be plain values, not lists or mappings",
                error("? [a, b]\n: 1\n"));
    }

    @Test
    void duplicateKeyIsAnError() {
        assertEquals("s.yaml:3:3: python.switch_interval: duplicate key 'switch_interval'",
                error("python:\n  switch_interval: 5ms\n  switch_interval: 1ms\n"));
    }

    @Test
    void emptyFileIsAnError() {
        assertEquals("s.yaml:1:1: (root): file is empty (expected a YAML mapping)", error(""));
        assertEquals("s.yaml:1:1: (root): file is empty (expected a YAML mapping)", error("# just a comment\n"));
        assertEquals("s.yaml:1:1: (root): file is empty (expected a YAML mapping)", error("---\n"));
        InputException e = assertThrows(InputException.class,
                () -> YamlSource.parse("s.yaml", "\n", "a mapping with name, duration, ..."));
        assertEquals("s.yaml:1:1: (root): file is empty (expected a mapping with name, duration, ...)", e.getMessage());
    }

    @Test
    void secondDocumentIsRejected() {
        assertEquals("s.yaml:3:1: (root): file contains more than one YAML document (expected a single document)",
                error("a: 1\n---\nb: 2\n"));
    }

    @Test
    void aliasesCopyTheAnchoredValueUnderTheirOwnPath() {
        MapNode root = (MapNode) parse("""
                base: &worker {name: w, cpu: 5ms}
                tick: &t 1ms
                threads: [*worker, *worker]
                again: *t
                """);
        ListNode threads = (ListNode) root.values().get("threads");
        MapNode second = (MapNode) threads.get(1);
        assertEquals("threads[1]", second.path());
        assertEquals("threads[1].cpu", second.values().get("cpu").path());
        assertEquals(new Location("s.yaml", 1, 30), second.values().get("cpu").location());
        ScalarNode again = (ScalarNode) root.values().get("again");
        assertEquals("1ms", again.text());
        assertEquals("again", again.path());
        // The anchored value itself is located at the value, not at "&t".
        assertEquals(new Location("s.yaml", 2, 10), root.values().get("tick").location());
    }

    @Test
    void unknownAliasIsAnError() {
        assertEquals("s.yaml:1:4: a: unknown alias '*nope' (expected an anchor '&nope' defined earlier in the file)",
                error("a: *nope\n"));
    }

    @Test
    void aliasBombIsCutOffInsteadOfExpanded() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        InputException e = assertThrows(InputException.class, () -> parse(yaml.toString()));
        assertEquals("document is too large (more than 100000 values)", e.problem());
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        InputException e = assertThrows(InputException.class, () -> parse(deep));
        assertEquals("s.yaml:1:1004: (root): document is nested too deeply or too large", e.getMessage());
    }

    @Test
    void mergeKeysAreRejectedClearly() {
        assertEquals("s.yaml:3:3: b.<<: merge keys ('<<') are not supported "
                        + "(expected the fields written out, or a whole value reused with an alias (*name))",
                error("a: &a {x: 1}\nb:\n  <<: *a\n"));
    }

    @Test
    void quotedDetectionSurvivesWideCharacters() {
        MapNode root = (MapNode) parse("emoji: \"\uD83D\uDE00\"\nnext: &n 'x'\nplain: y\n");
        assertTrue(((ScalarNode) root.values().get("next")).quoted());
        assertFalse(((ScalarNode) root.values().get("plain")).quoted());
        assertEquals(new Location("s.yaml", 2, 10), root.values().get("next").location());
    }

    @Test
    void aNulOrBelByteIsLocatedWhereItIs() {
        // snakeyaml refuses both while reading ahead, before the parser gets there.
        assertEquals("s.yaml:3:9: (root): invalid YAML: the character \\x00 is not allowed (expected printable text)",
                error("name: x\nduration: 1s\ntitle: a\u0000b\n"));
        assertEquals("s.yaml:2:4: (root): invalid YAML: the character \\x07 is not allowed (expected printable text)",
                error("a: 1\r\nb: \u0007\n"));
    }

    @Test
    void byteOrderMarkIsIgnored() {
        MapNode root = (MapNode) parse("\uFEFFa: 1\n");
        assertEquals(new Location("s.yaml", 1, 1), root.keyLocation("a"));
    }

    @Test
    void missingFileHasNoLocation(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        InputException e = assertThrows(InputException.class, () -> YamlSource.parse(missing));
        assertNull(e.location());
        assertEquals(missing + ": cannot read file: no such file", e.getMessage());
    }

    @Test
    void directoryAndInvalidUtf8AreUnreadable(@TempDir Path dir) throws Exception {
        assertEquals(dir + ": cannot read file: is a directory",
                assertThrows(InputException.class, () -> YamlSource.parse(dir)).getMessage());
        Path bad = dir.resolve("bad.yaml");
        Files.write(bad, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});
        assertEquals(bad + ": cannot read file: not UTF-8 text",
                assertThrows(InputException.class, () -> YamlSource.parse(bad)).getMessage());
    }

    @Test
    void aFileLargerThanOneMebibyteIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.write(big, ("# " + "x".repeat(YamlSource.MAX_BYTES) + "\n").getBytes(StandardCharsets.UTF_8));
        String msg = assertThrows(InputException.class, () -> YamlSource.parse(big)).getMessage();
        assertTrue(msg.startsWith(big + ": cannot read file: larger than 1 MiB"), msg);
        Path fits = dir.resolve("fits.yaml");
        Files.write(fits, ("a: 1\n# " + "x".repeat(YamlSource.MAX_BYTES - 8) + "\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(YamlSource.MAX_BYTES, Files.size(fits));
        assertTrue(YamlSource.parse(fits) instanceof MapNode);
    }

    @Test
    void aFileThatNeverEndsIsRefusedInsteadOfExhaustingMemory() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "a Unix machine");
        String msg = assertThrows(InputException.class, () -> YamlSource.parse(zero)).getMessage();
        assertTrue(msg.startsWith("/dev/zero: cannot read file: larger than 1 MiB"), msg);
    }

    @Test
    void fileIsReadAsUtf8AndNamedAsGiven(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ok.yaml");
        Files.writeString(f, "name: caf\u00e9\n", StandardCharsets.UTF_8);
        MapNode root = (MapNode) YamlSource.parse(f);
        assertEquals("caf\u00e9", ((ScalarNode) root.values().get("name")).text());
        assertEquals(f.toString(), root.location().file());
    }

    @Test
    void rootMayBeAnyKindOfNode() {
        assertEquals(2, ((ListNode) parse("- a\n- b\n")).size());
        assertEquals("[1]", ((ListNode) parse("- a\n- b\n")).get(1).path());
        assertEquals("5", ((ScalarNode) parse("5\n")).text());
    }
}
