package dev.gilsim.server;

import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;

import dev.gilsim.HandWorked;
import dev.gilsim.asyncio.LoopSpec;
import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.Machine;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.interpreter.WakeupPolicyKind;
import dev.gilsim.kernel.Distribution;
import dev.gilsim.kernel.RandomStreams;
import dev.gilsim.kernel.Simulator;
import dev.gilsim.scenario.DefaultSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds an app on a fresh machine and records everything it reports, in order. */
final class AppWorld {
    final Simulator sim = new Simulator();
    final Log log = new Log();
    final Machine machine;
    final App app;

    AppWorld(int cores, long seed, GilSettings gil, AppSpec spec) {
        machine = new Machine(sim, new RandomStreams(seed), HandWorked.machine(cores, millis(3), 0),
                dev.gilsim.interpreter.GilObserver.NONE);
        app = App.build(machine, spec, DefaultSpecs.poolDefaults(cores), server -> gil, log);
    }

    static AppWorld exact(int cores, AppSpec spec) {
        return new AppWorld(cores, 42, exactGil(), spec);
    }

    static GilSettings exactGil() {
        return HandWorked.gil(millis(5), micros(5), Distribution.constant(0), Distribution.constant(0),
                WakeupPolicyKind.FIFO, Build.GIL, 1.4);
    }

    /** A server for hand-worked timelines: no HTTP overhead, free loop, no probe, no epoll rounding. */
    static ServerSpec bare(String name, EndpointSpec... endpoints) {
        return DefaultSpecs.server(name, List.of(endpoints)).withHttp(HandWorked.noHttp())
                .withLoop(new LoopSpec(null, DefaultSpecs.loop().slowCallbackThresholdNanos(), 0, HandWorked.freeLoop()));
    }

    /** An endpoint without a limit, weight 1 (arrivals that name none are shared equally). */
    static EndpointSpec async(String name, ProgramStep... steps) {
        return new EndpointSpec(name, EndpointKind.ASYNC, List.of(steps), null, 1);
    }

    static EndpointSpec sync(String name, ProgramStep... steps) {
        return new EndpointSpec(name, EndpointKind.SYNC, List.of(steps), null, 1);
    }

    static ArrivalSpec burst(int n, long at) {
        return new ArrivalSpec.Burst(n, at);
    }

    void runFor(long end) {
        sim.runUntil(end);
        app.checkInvariants();
    }

    /** Every report as one line, so two runs can be compared whole. */
    static final class Log implements AppObserver {
        record Response(long time, String endpoint, int worker, long latency) {
        }

        final List<String> lines = new ArrayList<>();
        final List<Response> completed = new ArrayList<>();
        final List<Response> rejected = new ArrayList<>();
        final List<Long> lags = new ArrayList<>();
        final List<Long> jobResults = new ArrayList<>();
        long open;
        long maxOpen;

        private void line(String format, Object... args) {
            lines.add(String.format(Locale.ROOT, format, args));
        }

        @Override
        public void requestArrived(String server, String endpoint, long now) {
            open++;
            maxOpen = Math.max(maxOpen, open);
            line("%d arrived %s %s", now, server, endpoint);
        }

        @Override
        public void requestCompleted(String server, String endpoint, int worker, long latency, long now) {
            open--;
            completed.add(new Response(now, endpoint, worker, latency));
            line("%d completed %s %s w%d %d", now, server, endpoint, worker, latency);
        }

        @Override
        public void requestRejected(String server, String endpoint, int worker, long latency, long now) {
            open--;
            rejected.add(new Response(now, endpoint, worker, latency));
            line("%d rejected %s %s w%d %d", now, server, endpoint, worker, latency);
        }

        @Override
        public void jobResult(String server, long timeToResult, long now) {
            jobResults.add(timeToResult);
            line("%d job %s %d", now, server, timeToResult);
        }

        @Override
        public void loopLag(String process, long lag, long now) {
            lags.add(lag);
            line("%d lag %s %d", now, process, lag);
        }

        @Override
        public void slowCallback(String process, long duration, long now) {
            line("%d slow %s %d", now, process, duration);
        }

        @Override
        public void executorQueueLength(String process, String executor, int length, long now) {
            line("%d queue %s %s %d", now, process, executor, length);
        }

        @Override
        public void taskSubmitted(String process, String executor, long now) {
            line("%d submit %s %s", now, process, executor);
        }

        @Override
        public void taskCompleted(String process, String executor, long queued, long now) {
            line("%d done %s %s %d", now, process, executor, queued);
        }
    }
}
