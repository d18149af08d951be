package dev.gilsim.kernel;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Named, independent random streams derived from one seed. The seed of a stream depends only on
 * the run's seed and the stream's name, so adding a thread (and its stream) never changes the
 * numbers any other stream draws: runs that differ in one thread stay comparable (common random
 * numbers), and no result depends on the order in which streams are first asked for.
 */
public final class RandomStreams {
    private final long seed;
    private final Map<String, RandomGenerator> streams = new HashMap<>();

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    public RandomGenerator stream(String name) {
        return streams.computeIfAbsent(name, n -> newGenerator(deriveSeed(seed, n)));
    }

    /** SplitMix64 over the seed mixed with a 64-bit FNV-1a hash of the name. */
    public static long deriveSeed(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return splitMix(seed ^ splitMix(h));
    }

    static long splitMix(long x) {
        long z = x + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static RandomGenerator newGenerator(long derived) {
        return new SplittableStream(derived);
    }
}
