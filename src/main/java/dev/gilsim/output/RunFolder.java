package dev.gilsim.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's folder, {@code <out>/<scenario>/}, written whole or not at all. The run writes into a
 * hidden sibling ({@code .<scenario>~new-N}); {@link #commit()} moves the old folder aside, renames
 * the new one in and deletes the old one, so no reader sees one run's summary beside another run's
 * charts, and nothing of the old run (PNGs beside new SVGs) survives.
 *
 * <p>A lock on {@code <out>/.<scenario>.lock}, held from {@link #claim} to {@link #close()}, keeps a
 * second run out of the same folder. The lock file stays: deleting it on the way out would let the
 * next two runs lock two different files. Hidden siblings left by a killed run are deleted when the
 * next run claims the folder. Scenario names cannot hold {@code ~}, so {@code .<scenario>~} belongs to
 * exactly one scenario.
 */
public final class RunFolder implements AutoCloseable {
    private static final String NEW = "~new-";
    private static final String OLD = "~old-";

    /** Another run holds the folder's lock. */
    public static final class HeldException extends IOException {
        HeldException(String message) {
            super(message);
        }
    }

    private final Path out;
    private final String name;
    private final FileChannel lockFile;
    private Path staging;

    private RunFolder(Path out, String name, FileChannel lockFile) {
        this.out = out;
        this.name = name;
        this.lockFile = lockFile;
    }

    /**
     * Creates {@code out} and writes and deletes a small file in it, so a file where the folder
     * should be, or a folder we may not write, is found before anything is simulated.
     */
    public static void probe(Path out) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IOException(out + ": is a file, not a folder");
        }
        try {
            Files.createDirectories(out);
            Path probe = Files.createTempFile(out, ".gilsim-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IOException(out + ": " + problem(e), e);
        }
    }

    private static String problem(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied" + (a.getFile() == null ? "" : " (" + a.getFile() + ")");
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file, not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    /**
     * Locks {@code <out>/<name>} for this run and deletes what killed runs left beside it. Throws
     * {@link HeldException} when another run, in this process or another, holds it.
     */
    public static RunFolder claim(Path out, String name) throws IOException {
        Path lockPath = out.resolve("." + name + ".lock");
        FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new HeldException(out.resolve(name) + ": another gilsim run is writing this folder (it holds "
                    + lockPath + ")");
        }
        RunFolder folder = new RunFolder(out, name, channel);
        folder.deleteLeftovers();
        return folder;
    }

    /** The final folder, {@code <out>/<name>}. */
    public Path target() {
        return out.resolve(name);
    }

    /** The hidden folder the run writes into; created on first use. */
    public Path staging() throws IOException {
        if (staging == null) {
            staging = Files.createTempDirectory(out, "." + name + NEW);
            // createTempDirectory makes the folder private (0700); results are meant to be read and shared.
            if (Files.getFileStore(staging).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return staging;
    }

    /** Replaces the final folder with the staging folder. */
    public void commit() throws IOException {
        Path written = staging();
        Path target = target();
        Path aside = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            aside = out.resolve(written.getFileName().toString().replace(NEW, OLD));
            move(target, aside);
        }
        move(written, target);
        staging = null;
        if (aside != null) {
            deleteTree(aside);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes an uncommitted staging folder and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            if (staging != null) {
                deleteTree(staging);
                staging = null;
            }
        } finally {
            lockFile.close();
        }
    }

    private void deleteLeftovers() throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(out, "." + name + "~*")) {
            for (Path p : entries) {
                String file = p.getFileName().toString();
                if (file.startsWith("." + name + NEW) || file.startsWith("." + name + OLD)) {
                    leftovers.add(p);
                }
            }
        }
        for (Path p : leftovers) {
            deleteTree(p);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
