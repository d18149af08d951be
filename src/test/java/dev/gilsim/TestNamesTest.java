package dev.gilsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Surefire runs only the classes whose names match the {@code <include>} patterns in pom.xml, and
 * skips the others without a word: for a while, seven of the ten jqwik properties never ran because
 * {@code *Properties} was not among them. This keeps every class with tests in a name that runs.
 */
class TestNamesTest {
    private static final Pattern INCLUDE = Pattern.compile("<include>\\*\\*/([\\w*]+)\\.java</include>");
    private static final Pattern TEST_ANNOTATION = Pattern.compile(
            "^\\s*@(Test|Property|TestFactory|ParameterizedTest|RepeatedTest|Example)\\b", Pattern.MULTILINE);

    @Test
    void everyClassWithTestsIsNamedSoSurefireRunsIt() throws IOException {
        List<Pattern> included = includedNames(Files.readString(Path.of("pom.xml")));
        assertFalse(included.isEmpty(), "no <include> in pom.xml's Surefire configuration");
        List<String> skipped = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.java$", "");
                if (TEST_ANNOTATION.matcher(Files.readString(f)).find()
                        && included.stream().noneMatch(p -> p.matcher(name).matches())) {
                    skipped.add(f.toString());
                }
            }
        }
        assertEquals(List.of(), skipped, "classes with tests that Surefire would never run: rename them or "
                + "add their pattern to pom.xml's <includes>");
    }

    @Test
    void includePatternsAreReadAsNameGlobs() {
        List<Pattern> p = includedNames("<include>**/*Test.java</include>\n<include>**/Test*.java</include>");
        assertEquals(2, p.size());
        assertTrue(p.get(0).matcher("LayeringTest").matches());
        assertFalse(p.get(0).matcher("UnitsProperties").matches());
        assertTrue(p.get(1).matcher("TestWorld").matches());
    }

    private static List<Pattern> includedNames(String pom) {
        List<Pattern> names = new ArrayList<>();
        Matcher m = INCLUDE.matcher(pom);
        while (m.find()) {
            names.add(Pattern.compile(m.group(1).replace("*", "\\w*")));
        }
        return names;
    }
}
