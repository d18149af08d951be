package dev.gilsim.server;

import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.HandWorked;
import dev.gilsim.asyncio.AsyncStep;
import dev.gilsim.executor.ExecutorSpec;
import dev.gilsim.executor.StartMethod;
import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.interpreter.WakeupPolicyKind;
import dev.gilsim.kernel.Distribution;
import dev.gilsim.scenario.DefaultSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Small random apps (1 to 3 workers, any dispatch, async and def endpoints mixing every step kind,
 * thread and process pools shared or per request, limits, open and closed arrivals), run for
 * 300 ms of virtual time.
 */
class RandomAppProperties {

    @Property(tries = 40)
    void everyRequestAndTaskIsAccountedForAndLagIsNeverNegative(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        AppWorld w = run(seed);
        // checkInvariants ran in runFor: arrived = completed + rejected + in flight; each pool's
        // submitted = completed + in flight; each limit within bounds; jobs done, queued or running.
        Server s = w.app.server("web");
        assertEquals(s.arrived(), s.completed() + s.rejected() + s.inFlight());
        assertTrue(w.log.lags.stream().allMatch(l -> l >= 0), "negative lag");
        assertTrue(s.arrived() > 0);
    }

    @Property(tries = 15)
    void sameSeedGivesIdenticalObservations(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        assertEquals(run(seed).log.lines, run(seed).log.lines);
    }

    private static AppWorld run(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        GilSettings gil = HandWorked.gil(millis(5), micros(5), Distribution.constant(micros(r.nextInt(0, 60))),
                Distribution.constant(0), WakeupPolicyKind.values()[r.nextInt(WakeupPolicyKind.values().length)],
                Build.GIL, 1.4);
        AppWorld w = new AppWorld(r.nextInt(1, 5), seed, gil, AppSpec.of(randomServer(r)));
        w.runFor(millis(300));
        return w;
    }

    private static ServerSpec randomServer(SplittableRandom r) {
        List<ExecutorSpec> pools = List.of(
                DefaultSpecs.threadPool("tp", r.nextInt(1, 4), false),
                DefaultSpecs.threadPool("tp-per-request", null, true),
                DefaultSpecs.processPool("pp", r.nextInt(1, 3), StartMethod.FORK, false),
                DefaultSpecs.processPool("pp-per-request", 1, StartMethod.values()[r.nextInt(3)], true));
        List<EndpointSpec> endpoints = new ArrayList<>();
        int n = r.nextInt(1, 4);
        for (int i = 0; i < n; i++) {
            boolean async = r.nextBoolean();
            List<ProgramStep> steps = new ArrayList<>();
            int k = r.nextInt(1, 4);
            for (int j = 0; j < k; j++) {
                steps.add(async ? randomAsyncStep(r, pools) : randomSyncStep(r));
            }
            EndpointSpec e = new EndpointSpec("e" + i, async ? EndpointKind.ASYNC : EndpointKind.SYNC, steps,
                    r.nextInt(4) == 0 ? new LimitSpec(r.nextInt(1, 4), r.nextInt(0, 3)) : null, r.nextInt(1, 4));
            endpoints.add(e);
        }
        List<ArrivalSpec> arrivals = new ArrayList<>();
        arrivals.add(new ArrivalSpec.Poisson(r.nextInt(20, 300), 0));
        if (r.nextBoolean()) {
            arrivals.add(new ArrivalSpec.ClosedLoop(r.nextInt(1, 5), new Distribution.Exponential(millis(2)), 0));
        }
        if (r.nextBoolean()) {
            arrivals.add(new ArrivalSpec.Burst(r.nextInt(1, 20), millis(r.nextInt(0, 200))));
        }
        ServerSpec s = new ServerSpec("web", r.nextInt(1, 4), Dispatch.values()[r.nextInt(Dispatch.values().length)],
                arrivals, endpoints, DefaultSpecs.http(), null, DefaultSpecs.loop().withHeartbeat(millis(r.nextInt(1, 20))),
                withImplicitPools(pools), null, List.of());
        if (r.nextInt(4) == 0) {
            s = s.withLimit(new LimitSpec(r.nextInt(1, 6), r.nextInt(0, 4)));
        }
        return s;
    }

    /** The declared pools and, as a scenario adds them, the default thread pool and anyio's. */
    private static List<ExecutorSpec> withImplicitPools(List<ExecutorSpec> pools) {
        List<ExecutorSpec> all = new ArrayList<>(pools);
        all.add(DefaultSpecs.threadPool(dev.gilsim.asyncio.ExecutorLookup.DEFAULT, null, false));
        all.add(DefaultSpecs.anyio(ServerSpec.ANYIO));
        return all;
    }

    private static ProgramStep randomAsyncStep(SplittableRandom r, List<ExecutorSpec> pools) {
        return switch (r.nextInt(5)) {
            case 0 -> new AsyncStep.AwaitIo(new Distribution.Exponential(millis(3)));
            case 1 -> new AsyncStep.AwaitSleep(Distribution.constant(micros(r.nextInt(100, 5000))));
            case 2 -> new AsyncStep.RunInExecutor(pools.get(r.nextInt(pools.size())).name(),
                    List.of(randomSyncStep(r), randomSyncStep(r)));
            case 3 -> new AsyncStep.ToThread(List.of(randomSyncStep(r)));
            default -> randomSyncStep(r);
        };
    }

    private static ProgramStep randomSyncStep(SplittableRandom r) {
        Distribution d = new Distribution.Exponential(micros(r.nextInt(50, 3000)));
        return switch (r.nextInt(6)) {
            case 0 -> new ProgramStep.Cpu(d);
            case 1 -> new ProgramStep.Native(d, false);
            case 2 -> new ProgramStep.Native(d, true);
            case 3 -> new ProgramStep.Syscall(Distribution.constant(micros(2)));
            case 4 -> new ProgramStep.Io(d);
            default -> new ProgramStep.Sleep(d);
        };
    }
}
