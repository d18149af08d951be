package dev.gilsim.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * C9's lane of GIL waits: timers join at the back only in the order they fire (deadline, then
 * arming), leave from anywhere when cancelled, and the front is always the first still armed,
 * across the ring's wrap-around and growth.
 */
class TimerLaneTest {
    @Test
    void aTimerJoinsOnlyIfItFiresAfterTheNewest() {
        TimerLane<String> lane = new TimerLane<>();
        assertTrue(lane.accepts(5, 1), "an empty lane takes anything");
        lane.add("a", 5, 1);
        assertTrue(lane.accepts(6, 0), "a later deadline");
        assertTrue(lane.accepts(5, 2), "the same deadline, armed later");
        assertFalse(lane.accepts(5, 1), "not the same key twice");
        assertFalse(lane.accepts(4, 9), "an earlier deadline goes to the heap");
        long b = lane.add("b", 7, 2);
        lane.remove(b);
        assertFalse(lane.accepts(6, 3), "a cancelled newest still bounds what may follow");
    }

    @Test
    void theFrontIsTheFirstTimerStillArmedThroughWrapAroundAndGrowth() {
        TimerLane<Integer> lane = new TimerLane<>();
        List<Long> positions = new ArrayList<>();
        List<Integer> armed = new ArrayList<>();
        long key = 0;
        // Arm, cancel every third, and fire from the front, so the ring wraps and grows.
        for (int i = 0; i < 200; i++) {
            positions.add(lane.add(i, ++key, key));
            armed.add(i);
            if (i % 3 == 0) {
                lane.remove(positions.get(i));
                armed.remove(Integer.valueOf(i));
            }
            if (i % 2 == 1) {
                Integer first = lane.first();
                assertEquals(armed.get(0), first);
                lane.remove(positions.get(first));
                armed.remove(0);
            }
        }
        for (Integer expected : armed) {
            assertEquals(expected, lane.first());
            lane.remove(positions.get(expected));
        }
        assertNull(lane.first());
        assertTrue(lane.accepts(0, 0), "empty again: it takes anything");
    }
}
