package dev.gilsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The open requests an endpoint keeps are those a sorted map of arrival times with counts (what
 * it used before) would keep, in the same order, through any mixture of arrivals in time order
 * (several at one instant too), answers in any order, and answers for nothing open.
 */
class OpenArrivalsProperties {

    @Property(tries = 200)
    void keepsWhatASortedMapOfCountsKeeps(@ForAll long seed, @ForAll @IntRange(min = 1, max = 600) int steps) {
        Random r = new Random(seed);
        OpenArrivals open = new OpenArrivals();
        TreeMap<Long, Integer> reference = new TreeMap<>();
        List<Long> arrived = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < steps; i++) {
            if (r.nextInt(3) > 0 || arrived.isEmpty()) {
                now += r.nextInt(3);
                open.arrived(now);
                reference.merge(now, 1, Integer::sum);
                arrived.add(now);
            } else {
                long t = r.nextInt(10) == 0 ? now + 1 : arrived.remove(r.nextInt(arrived.size()));
                open.closed(t);
                reference.computeIfPresent(t, (k, n) -> n == 1 ? null : n - 1);
            }
            assertEquals(expanded(reference), list(open));
        }
    }

    private static List<Long> expanded(TreeMap<Long, Integer> counts) {
        List<Long> out = new ArrayList<>();
        counts.forEach((t, n) -> {
            for (int k = 0; k < n; k++) {
                out.add(t);
            }
        });
        return out;
    }

    private static List<Long> list(OpenArrivals open) {
        List<Long> out = new ArrayList<>();
        open.forEach(out::add);
        return out;
    }
}
