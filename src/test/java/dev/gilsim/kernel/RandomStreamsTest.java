package dev.gilsim.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
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
        long[] base = draw(new RandomStreams(1).stream("a"), 5);
        assertFalse(Arrays.equals(base, draw(new RandomStreams(1).stream("b"), 5)), "another name, same numbers");
        assertFalse(Arrays.equals(base, draw(new RandomStreams(2).stream("a"), 5)), "another seed, same numbers");
    }

    @Test
    void theSameSeedAndNameDrawTheSameNumbersInSeparateRuns() {
        // Two instances share nothing, as two runs of one scenario do: only the seed and the name
        // may decide what a stream draws, never the time or some state left over in the process.
        assertArrayEquals(draw(new RandomStreams(3).stream("thread:app/worker"), 5),
                draw(new RandomStreams(3).stream("thread:app/worker"), 5));
    }
}
