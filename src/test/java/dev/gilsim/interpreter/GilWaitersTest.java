package dev.gilsim.interpreter;

import static dev.gilsim.Steps.cpuForever;
import static dev.gilsim.interpreter.TestWorld.forever;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GilWaitersTest {

    private static List<PyThread> threads(int n) {
        TestWorld w = TestWorld.twoCores();
        Interpreter p = w.process("app", TestWorld.exact());
        List<PyThread> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(p.newThread("t" + i, new ProgramRunner(forever(cpuForever()))));
        }
        return out;
    }

    private static List<PyThread> inOrder(GilWaiters w) {
        List<PyThread> out = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            out.add(w.get(i));
        }
        return out;
    }

    @Test
    void waitersKeepTheOrderTheyBeganWaitingInWhateverLeaves() {
        List<PyThread> t = threads(5);
        GilWaiters w = new GilWaiters();
        t.forEach(w::add);
        w.remove(t.get(0));
        w.remove(t.get(2));
        w.remove(t.get(4));
        assertEquals(List.of(t.get(1), t.get(3)), inOrder(w));
        assertEquals(t.get(1), w.first());
        assertEquals(t.get(3), w.last());
        w.add(t.get(0));
        assertEquals(List.of(t.get(1), t.get(3), t.get(0)), inOrder(w));
        assertTrue(w.contains(t.get(0)));
        assertFalse(w.contains(t.get(2)));
        assertThrows(IllegalStateException.class, () -> w.add(t.get(1)));
    }

    /** Against a plain list, over many joins and leaves that force compactions and growth. */
    @Test
    void manyJoinsAndLeavesMatchAPlainList() {
        List<PyThread> t = threads(300);
        GilWaiters w = new GilWaiters();
        List<PyThread> expected = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(7);
        for (int step = 0; step < 20_000; step++) {
            PyThread x = t.get(r.nextInt(t.size()));
            if (expected.contains(x)) {
                expected.remove(x);
                w.remove(x);
            } else {
                expected.add(x);
                w.add(x);
            }
            assertEquals(expected.size(), w.size());
            if (!expected.isEmpty() && step % 97 == 0) {
                assertEquals(expected, inOrder(w));
                assertEquals(expected.get(0), w.first());
                assertEquals(expected.get(expected.size() - 1), w.last());
            }
        }
    }

    @Test
    void aPredicatePicksAmongTheWaitersThatPassIt() {
        List<PyThread> t = threads(6);
        GilWaiters w = new GilWaiters();
        t.forEach(w::add);
        t.get(1).setWakeupPreferred(true);
        t.get(4).setWakeupPreferred(true);
        w.remove(t.get(1));
        assertEquals(1, w.count(PyThread::isWakeupPreferred));
        assertEquals(t.get(4), w.get(PyThread::isWakeupPreferred, 0));
    }
}
