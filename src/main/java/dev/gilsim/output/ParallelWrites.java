package dev.gilsim.output;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Files written on a small fixed pool of threads, one per processor, while the caller goes on with
 * other work: a run's charts, whose painting and encoding are most of what its output costs and
 * which are independent of each other. Each file is written atomically by one thread, so its bytes
 * do not depend on the schedule; whoever submits decides the names and the order beforehand.
 *
 * <p>{@link #await} waits for every write and throws the failure of the first file in the order the
 * submitter gives ({@code rank}, which need not be the order of submission), whichever failed first
 * in time, so a run reports the same error at every try. {@link #close}
 * never returns while a write is in progress: a caller that gives up (its own write failed) can
 * delete the folder without a pool thread still writing into it.
 */
final class ParallelWrites implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService pool;
    /** Every write not yet awaited, by rank. */
    private final SortedMap<Integer, Future<?>> pending = new TreeMap<>();

    ParallelWrites() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "gilsim-output-" + pool + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts writing {@code target}; the content is produced on a pool thread. {@code rank} places
     * its failure among the others' ({@link #await}); ranks are distinct.
     */
    void submit(int rank, Path target, AtomicFiles.Content content) {
        Future<?> f = pool.submit(() -> {
            AtomicFiles.write(target, content);
            return null;
        });
        if (pending.put(rank, f) != null) {
            throw new IllegalArgumentException("two writes ranked " + rank);
        }
    }

    /** Waits for every write submitted; throws the first one's failure, in order of rank. */
    void await() throws IOException {
        Throwable first = null;
        try {
            for (Future<?> f : pending.values()) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    first = first == null ? e.getCause() : first;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the charts were written");
        } finally {
            pending.clear();
        }
        if (first instanceof IOException io) {
            throw io;
        } else if (first instanceof RuntimeException r) {
            throw r;
        } else if (first instanceof Error err) {
            throw err;
        }
    }

    /** Drops writes not yet started and waits for those in progress. */
    @Override
    public void close() {
        pending.values().forEach(f -> f.cancel(false));
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
