package dev.gilsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    @Test
    void eventsAtTheSameInstantFireByPriorityThenBySchedulingOrder() {
        Simulator sim = new Simulator();
        List<String> fired = new ArrayList<>();
        sim.at(10, 1, () -> fired.add("p1-first"));
        sim.at(10, 0, () -> fired.add("p0"));
        sim.at(10, 1, () -> fired.add("p1-second"));
        sim.at(5, 9, () -> fired.add("earlier"));
        sim.runUntil(100);
        assertEquals(List.of("earlier", "p0", "p1-first", "p1-second"), fired);
        assertEquals(100, sim.now());
    }

    /**
     * An event scheduled with a reserved key fires exactly where an event of that priority,
     * scheduled when the key was reserved, would have: between the two scheduled before and after
     * the reservation at the same priority, after a lower priority, and moved when keyed again.
     */
    @Test
    void anEventScheduledAsAnotherFiresWhereThatOneWould() {
        Simulator sim = new Simulator();
        List<String> fired = new ArrayList<>();
        sim.at(10, 1, () -> fired.add("before"));
        long reserved = sim.reserveSequence();
        sim.at(10, 1, () -> fired.add("after"));
        sim.at(10, 0, () -> fired.add("lower priority"));
        Event stand = new Event(5, () -> fired.add("stand-in"));
        sim.scheduleAs(stand, 20, 1, reserved);
        sim.scheduleAs(stand, 10, 1, reserved);
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAs(new Event(() -> { }), 10, 1, 99),
                "a sequence never reserved");
        sim.runUntil(100);
        assertEquals(List.of("lower priority", "before", "stand-in", "after"), fired);
    }

    @Test
    void cancelledEventNeverFiresAndCanBeRescheduled() {
        Simulator sim = new Simulator();
        List<Long> fired = new ArrayList<>();
        Event e = new Event(() -> fired.add(sim.now()));
        sim.schedule(e, 10);
        assertTrue(sim.cancel(e));
        assertFalse(sim.cancel(e));
        sim.schedule(e, 20);
        sim.reschedule(e, 30);
        sim.runUntil(100);
        assertEquals(List.of(30L), fired);
    }

    @Test
    void schedulingInThePastIsRefused() {
        Simulator sim = new Simulator();
        sim.runUntil(50);
        assertThrows(IllegalArgumentException.class, () -> sim.at(49, 0, () -> { }));
    }

    @Test
    void runUntilLeavesLaterEventsForTheNextRun() {
        Simulator sim = new Simulator();
        List<Long> fired = new ArrayList<>();
        sim.at(10, 0, () -> fired.add(sim.now()));
        sim.at(60, 0, () -> fired.add(sim.now()));
        sim.runUntil(50);
        assertEquals(List.of(10L), fired);
        sim.runUntil(70);
        assertEquals(List.of(10L, 60L), fired);
    }

    /** Whatever is scheduled and cancelled, events fire in (time, priority, order) and time never goes back. */
    @Property(tries = 200)
    void timeNeverGoesBackwardsAndOrderIsTotal(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 1000) Integer> times,
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 3) Integer> priorities,
            @ForAll @IntRange(min = 0, max = 5) int cancelEvery) {
        Simulator sim = new Simulator();
        List<long[]> fired = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            int priority = priorities.get(i % priorities.size());
            int index = i;
            Event e = new Event(priority, () -> fired.add(new long[] {sim.now(), priority, index}));
            sim.schedule(e, times.get(i));
            events.add(e);
        }
        if (cancelEvery > 0) {
            for (int i = 0; i < events.size(); i += cancelEvery) {
                sim.cancel(events.get(i));
            }
        }
        sim.runUntil(2000);
        for (int i = 1; i < fired.size(); i++) {
            long[] a = fired.get(i - 1);
            long[] b = fired.get(i);
            boolean ordered = a[0] < b[0] || (a[0] == b[0] && (a[1] < b[1] || (a[1] == b[1] && a[2] < b[2])));
            assertTrue(ordered, "out of order at " + i);
        }
        long expected = cancelEvery == 0 ? times.size() : times.size() - (times.size() + cancelEvery - 1) / cancelEvery;
        assertEquals(expected, fired.size());
    }
}
