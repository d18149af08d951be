package dev.gilsim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassReferencesTest {

    /** Mentions two classes only by type: no call, no {@code new}, so no class constant for either. */
    @SuppressWarnings("unused")
    private static final class OnlyDeclares {
        private dev.gilsim.kernel.Simulator simulator;
        private List<dev.gilsim.kernel.Event> events;
    }

    private static Set<String> referencesOf(String binaryName) throws IOException {
        try (InputStream in = ClassReferencesTest.class.getResourceAsStream("/" + binaryName.replace('.', '/')
                + ".class")) {
            assertNotNull(in, binaryName + " is not compiled");
            return ClassReferences.of(in.readAllBytes());
        }
    }

    @Test
    void aFullyQualifiedNameCountsLikeAnImport() throws IOException {
        // ThreadPool.Worker implements dev.gilsim.interpreter.StepSource, spelled out in the source.
        assertTrue(referencesOf("dev.gilsim.executor.ThreadPool$Worker").contains("dev.gilsim.interpreter.StepSource"));
        // RunCommand calls dev.gilsim.kernel.Durations.format(...) without importing it.
        assertTrue(referencesOf("dev.gilsim.cli.RunCommand").contains("dev.gilsim.kernel.Durations"));
    }

    @Test
    void typesOnlyDeclaredAreSeenInDescriptorsAndSignatures() throws IOException {
        Set<String> refs = referencesOf(OnlyDeclares.class.getName());
        assertTrue(refs.contains("dev.gilsim.kernel.Simulator"), refs.toString());
        assertTrue(refs.contains("dev.gilsim.kernel.Event"), "the generic signature: " + refs);
    }

    @Test
    void resourcePathsInStringLiteralsAreNotClasses() throws IOException {
        // RunCommand reads "/dev/gilsim/builtin/...": a resource folder, not a package.
        assertFalse(referencesOf("dev.gilsim.cli.RunCommand").stream().anyMatch(r -> r.contains("builtin")));
    }

    @Test
    void somethingThatIsNotAClassFileIsRefused() {
        assertThrows(IOException.class, () -> ClassReferences.of(new byte[] {1, 2, 3, 4, 0, 0, 0, 0, 0, 0}));
    }
}
