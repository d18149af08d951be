package dev.gilsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The style guide's sizes, kept on every main source file: no file over 400 lines, no method,
 * constructor, lambda or initializer over 60 (from its first line to its closing brace). A method
 * may run longer only as a hot path that says so: its Javadoc or the comment above it names it a
 * {@value #HOT_PATH}. Sources are parsed with the JDK's own parser, so the counts are exact.
 */
class SizeLimitsTest {
    private static final int MAX_FILE_LINES = 400;
    private static final int MAX_METHOD_LINES = 60;
    private static final String HOT_PATH = "hot path";
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void noFileOver400LinesAndNoMethodOver60() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(SOURCES)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(files.size() > 100, "sources found: " + files.size());
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager fm = compiler.getStandardFileManager(null, null, null);
        JavacTask task = (JavacTask) compiler.getTask(null, fm, null, List.of("-proc:none"), null,
                fm.getJavaFileObjectsFromPaths(files));
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        List<String> over = new ArrayList<>();
        for (CompilationUnitTree cu : task.parse()) {
            Path file = Path.of(cu.getSourceFile().toUri());
            String name = SOURCES.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
            List<String> text = Files.readAllLines(file);
            if (text.size() > MAX_FILE_LINES) {
                over.add(name + ": " + text.size() + " lines");
            }
            new Scanner(cu, positions, text, name, over).scan(cu, null);
        }
        assertEquals(List.of(), over, "over the limits (split it, or mark a tuned loop as a " + HOT_PATH + ")");
    }

    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final CompilationUnitTree cu;
        private final SourcePositions positions;
        private final LineMap lines;
        private final List<String> text;
        private final String file;
        private final List<String> over;

        Scanner(CompilationUnitTree cu, SourcePositions positions, List<String> text, String file, List<String> over) {
            this.cu = cu;
            this.positions = positions;
            this.lines = cu.getLineMap();
            this.text = text;
            this.file = file;
            this.over = over;
        }

        private void check(Tree t, String what) {
            long first = lines.getLineNumber(positions.getStartPosition(cu, t));
            long last = lines.getLineNumber(positions.getEndPosition(cu, t));
            if (last - first + 1 > MAX_METHOD_LINES && !markedHot(first)) {
                over.add(file + ": " + what + " runs " + (last - first + 1) + " lines (" + first + "-" + last + ")");
            }
        }

        /** The comment right above the declaration calls it a hot path. */
        private boolean markedHot(long firstLine) {
            for (int i = (int) firstLine - 2; i >= 0 && i >= firstLine - 12; i--) {
                String line = text.get(i).strip();
                if (line.toLowerCase().contains(HOT_PATH)) {
                    return true;
                }
                if (!(line.startsWith("*") || line.startsWith("/*") || line.startsWith("//") || line.startsWith("@"))) {
                    return false;
                }
            }
            return false;
        }

        @Override
        public Void visitMethod(MethodTree t, Void v) {
            if (t.getBody() != null) {
                check(t, t.getName().toString());
            }
            return super.visitMethod(t, v);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree t, Void v) {
            check(t, "a lambda");
            return super.visitLambdaExpression(t, v);
        }

        @Override
        public Void visitBlock(BlockTree t, Void v) {
            if (getCurrentPath().getParentPath().getLeaf() instanceof ClassTree) {
                check(t, "an initializer");
            }
            return super.visitBlock(t, v);
        }
    }
}
