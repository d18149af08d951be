package dev.gilsim.interpreter;

import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.HandWorked;
import dev.gilsim.kernel.Distribution;
import dev.gilsim.kernel.RandomStreams;
import dev.gilsim.kernel.Simulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Invariants of the model over small random worlds (every process, policy and step kind). */
class InterpreterInvariantsTest {

    @Property(tries = 150)
    void invariantsHoldInRandomWorlds(@ForAll long worldSeed) {
        Checker checker = new Checker();
        run(worldSeed, checker);
        checker.finish();
    }

    @Property(tries = 40)
    void sameSeedGivesTheIdenticalRun(@ForAll long worldSeed) {
        Checker first = new Checker();
        Checker second = new Checker();
        run(worldSeed, first);
        run(worldSeed, second);
        assertEquals(first.log, second.log);
    }

    private static void run(long worldSeed, Checker checker) {
        SplittableRandom r = new SplittableRandom(worldSeed);
        Simulator sim = new Simulator();
        int cores = 1 + r.nextInt(3);
        checker.cores = cores;
        checker.sim = sim;
        Machine m = new Machine(sim, new RandomStreams(worldSeed), HandWorked.machine(cores, millis(1 + r.nextInt(4)), 
                micros(r.nextInt(60))), checker);
        int processes = 1 + r.nextInt(2);
        for (int p = 0; p < processes; p++) {
            GilSettings s = HandWorked.gil(micros(500 + r.nextInt(9500)), micros(1 + r.nextInt(200)),
                    r.nextBoolean() ? Distribution.constant(0) : new Distribution.Exponential(micros(1 + r.nextInt(80))),
                    r.nextInt(4) == 0 ? new Distribution.Exponential(micros(20)) : Distribution.constant(0),
                    WakeupPolicyKind.values()[r.nextInt(WakeupPolicyKind.values().length)],
                    r.nextInt(5) == 0 ? Build.FREE_THREADED : Build.GIL, 1.4);
            Interpreter interp = m.newInterpreter("p" + p, s);
            int threads = 1 + r.nextInt(4);
            for (int t = 0; t < threads; t++) {
                List<ProgramStep> steps = new ArrayList<>();
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    steps.add(randomStep(r));
                }
                steps.add(new ProgramStep.Cpu(new Distribution.Exponential(micros(10 + r.nextInt(2000)))));
                long times = r.nextInt(3) == 0 ? 1 + r.nextInt(20) : ProgramStep.Repeat.FOREVER;
                PyThread thread = interp.newThread("t" + t, new ProgramRunner(new ProgramStep.Repeat(times, steps)));
                thread.setWakeupPreferred(t == 0);
                thread.start(micros(r.nextInt(3000)));
            }
        }
        sim.runUntil(millis(150));
    }

    private static ProgramStep randomStep(SplittableRandom r) {
        Distribution d = switch (r.nextInt(3)) {
            case 0 -> Distribution.constant(micros(1 + r.nextInt(3000)));
            case 1 -> new Distribution.Exponential(micros(1 + r.nextInt(3000)));
            default -> new Distribution.Uniform(0, micros(1 + r.nextInt(3000)));
        };
        return switch (r.nextInt(7)) {
            case 0 -> new ProgramStep.Cpu(d);
            case 1 -> new ProgramStep.Native(d, false);
            case 2 -> new ProgramStep.Native(d, true);
            case 3 -> new ProgramStep.Sleep(d);
            case 4 -> new ProgramStep.Io(d);
            case 5 -> new ProgramStep.Syscall(Distribution.constant(micros(1 + r.nextInt(5))));
            default -> new ProgramStep.Repeat(1 + r.nextInt(3), List.of(new ProgramStep.Cpu(d)));
        };
    }

    private static final class Checker implements GilObserver {
        int cores;
        Simulator sim;
        long lastTime;
        final List<String> log = new ArrayList<>();
        final Map<Interpreter, PyThread> holders = new HashMap<>();
        final Map<Interpreter, PyThread> forcedDroppers = new HashMap<>();
        final Map<Interpreter, Long> heldSince = new HashMap<>();
        final Map<Interpreter, Long> held = new HashMap<>();

        private void tick(long now, String what) {
            assertTrue(now >= lastTime, "time went back to " + now + " from " + lastTime);
            lastTime = now;
            log.add(now + " " + what);
        }

        @Override
        public void gilAcquired(PyThread t, long waited, long now) {
            tick(now, "acquire " + t);
            Interpreter i = t.interpreter();
            assertTrue(holders.get(i) == null, "two holders of " + i.name() + " at " + now);
            assertTrue(waited >= 0);
            assertTrue(forcedDroppers.get(i) != t, t + " re-took the GIL it was asked to drop, at " + now);
            forcedDroppers.remove(i);
            holders.put(i, t);
            heldSince.put(i, now);
        }

        private void dropped(PyThread t, long now) {
            Interpreter i = t.interpreter();
            assertEquals(t, holders.get(i), "a non-holder dropped at " + now);
            holders.remove(i);
            held.merge(i, now - heldSince.get(i), Long::sum);
        }

        @Override
        public void forcedDrop(PyThread t, long now) {
            tick(now, "forced " + t);
            dropped(t, now);
            forcedDroppers.put(t.interpreter(), t);
        }

        @Override
        public void voluntaryDrop(PyThread t, long now) {
            tick(now, "voluntary " + t);
            dropped(t, now);
        }

        @Override
        public void dropRequested(PyThread requester, PyThread holder, long now) {
            tick(now, "request " + requester + " -> " + holder);
            assertEquals(holders.get(holder.interpreter()), holder);
        }

        @Override
        public void threadState(PyThread t, ThreadState from, ThreadState to, long now) {
            tick(now, t + " " + to);
        }

        @Override
        public void returnedFromBlocking(PyThread t, long delay, long now) {
            tick(now, "return " + t + " " + delay);
            assertTrue(delay >= 0, "negative return delay");
        }

        @Override
        public void coresBusy(int busy, long now) {
            tick(now, "cores " + busy);
            assertTrue(busy <= cores, busy + " busy cores of " + cores);
        }

        void finish() {
            long now = sim.now();
            for (Map.Entry<Interpreter, Long> e : held.entrySet()) {
                long total = e.getValue();
                PyThread h = holders.get(e.getKey());
                if (h != null) {
                    total += now - heldSince.get(e.getKey());
                }
                assertTrue(total <= now, "held " + total + " of " + now);
            }
        }
    }
}
