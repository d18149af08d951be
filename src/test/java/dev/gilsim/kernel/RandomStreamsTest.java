package dev.gilsim.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static long[] draw(RandomGenerator rng, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextLong();
        }
        return out;
    }

    @Test
    void addingAStreamNeverChangesWhatAnotherStreamDraws() {
        RandomStreams alone = new RandomStreams(7);
        long[] expected = draw(alone.stream("thread:app/worker"), 5);

        RandomStreams crowded = new RandomStreams(7);
        draw(crowded.stream("thread:app/new-thread"), 100);
        draw(crowded.stream("wakeup-latency:app"), 100);
        assertArrayEquals(expected, draw(crowded.stream("thread:app/worker"), 5));
    }

    @Test
    void streamsDifferByNameAndBySeed() {
        assertNotEquals(RandomStreams.deriveSeed(1, "a"), RandomStreams.deriveSeed(1, "b"));
        assertNotEquals(RandomStreams.deriveSeed(1, "a"), RandomStreams.deriveSeed(2, "a"));
        assertEquals(RandomStreams.deriveSeed(3, "x"), RandomStreams.deriveSeed(3, "x"));
    }
}
