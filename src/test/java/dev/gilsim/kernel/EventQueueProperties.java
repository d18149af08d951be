package dev.gilsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The event queue hands out events in (time, priority, sequence) order, through any mixture of
 * adds, cancellations, moves in place and polls: checked against a sorted set that orders them
 * the same way from the fields themselves, not from the packed key the queue compares.
 */
class EventQueueProperties {
    private static final Comparator<Event> ORDER = Comparator.<Event>comparingLong(e -> e.time)
            .thenComparingInt(e -> e.priority).thenComparingLong(EventQueueProperties::sequence);

    private static long sequence(Event e) {
        return e.order & ((1L << Event.SEQUENCE_BITS) - 1);
    }

    @Property(tries = 200)
    void eventsLeaveInTimePriorityAndSequenceOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int steps,
            @ForAll @IntRange(min = 1, max = 50) int timeSpread) {
        check(seed, steps, timeSpread, false, new EventQueue());
    }

    /**
     * The same when most events come in order, as a contended run's GIL timeouts do (each one
     * interval after the last): they take the queue's lane, the others the heap.
     */
    @Property(tries = 200)
    void eventsMostlyInOrderLeaveInTheSameOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 600) int steps,
            @ForAll @IntRange(min = 1, max = 50) int timeSpread) {
        check(seed, steps, timeSpread, true, new EventQueue());
        check(seed, steps, timeSpread, true, new EventQueue(0));
        check(seed, steps, timeSpread, false, new EventQueue(0));
    }

    private static void check(long seed, int steps, int timeSpread, boolean mostlyInOrder, EventQueue q) {
        Random r = new Random(seed);
        long clock = 0;
        TreeSet<Event> reference = new TreeSet<>(ORDER);
        List<Event> pending = new ArrayList<>();
        long sequence = 0;
        for (int i = 0; i < steps; i++) {
            int op = r.nextInt(10);
            if (op < 6 || pending.isEmpty()) {
                int priority = r.nextBoolean() ? r.nextInt(4) : Event.MIN_PRIORITY + r.nextInt(1 << 16);
                Event e = new Event(priority, () -> { });
                clock += r.nextInt(3);
                e.key(mostlyInOrder && r.nextInt(5) > 0 ? clock + timeSpread : clock + r.nextInt(timeSpread),
                        sequence++);
                q.add(e);
                reference.add(e);
                pending.add(e);
            } else if (op < 7) {
                Event e = pending.get(r.nextInt(pending.size()));
                reference.remove(e);
                e.key(clock + r.nextInt(timeSpread + 1), sequence++);
                q.changed(e);
                reference.add(e);
            } else if (op < 8) {
                Event e = pending.remove(r.nextInt(pending.size()));
                q.remove(e);
                reference.remove(e);
                assertFalse(e.isScheduled(), "a cancelled event knows it is not scheduled");
            } else {
                Event expected = reference.pollFirst();
                assertSame(expected, q.poll());
                pending.remove(expected);
            }
            assertEquals(reference.size(), q.size());
            assertSame(reference.isEmpty() ? null : reference.first(), q.peek());
        }
        while (!reference.isEmpty()) {
            assertSame(reference.pollFirst(), q.poll());
        }
    }
}
