package dev.gilsim.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes files so a reader never sees half of one: the bytes go to a temporary file beside the
 * target, which is moved over the target only once complete. A failure or Ctrl-C leaves the old
 * file (or none), never a torn one; the temporary file is removed on the way out.
 */
public final class AtomicFiles {
    /**
     * Whether each folder written into keeps POSIX permissions. Asking the file store reads the
     * mount table for the file and each of its parents: asked per file, it was 9 % of the CPU
     * samples of convoy-effect's chart threads. A folder's store does not change while a process
     * writes into it; one entry per folder, a few per run.
     */
    private static final Map<Path, Boolean> POSIX_BY_FOLDER = new ConcurrentHashMap<>();

    private AtomicFiles() {
    }

    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        temp.toFile().deleteOnExit();
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            // createTempFile makes the file private (0600); results are meant to be read and shared.
            if (posix(dir, temp)) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean posix(Path dir, Path file) throws IOException {
        Boolean known = POSIX_BY_FOLDER.get(dir);
        if (known == null) {
            known = Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class);
            POSIX_BY_FOLDER.put(dir, known);
        }
        return known;
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
