package dev.gilsim.report;

import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.kernel.Durations;
import dev.gilsim.scenario.ProcessSpec;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ThreadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** A variant's parameters as a table, named as the scenario file names them. */
final class Parameters {
    private Parameters() {
    }

    static List<Parameter> of(Scenario s) {
        List<Parameter> out = new ArrayList<>();
        out.add(new Parameter("seed", Long.toString(s.seed())));
        out.add(new Parameter("duration", Durations.format(s.duration())));
        out.add(new Parameter("warmup", Durations.format(s.warmup())));
        out.add(new Parameter("machine.cores", Integer.toString(s.machine().cores())));
        out.add(new Parameter("machine.time_slice", Durations.format(s.machine().timeSlice())));
        out.add(new Parameter("machine.timer_slack", Durations.format(s.machine().timerSlack())));
        out.add(new Parameter("python.version", s.version().text()));
        for (ProcessSpec p : s.processes()) {
            String at = "processes." + p.name() + ".";
            gil(out, at, p.gil());
            for (ThreadSpec t : p.threads()) {
                String start = t.start() == 0 ? "" : " (starts at " + Durations.format(t.start()) + ")";
                out.add(new Parameter(at + "threads." + t.name(), program(t.program()) + start));
            }
        }
        return out;
    }

    private static void gil(List<Parameter> out, String at, GilSettings g) {
        out.add(new Parameter(at + "build", g.build() == Build.GIL ? "gil" : "free-threaded"));
        if (g.build() == Build.GIL) {
            out.add(new Parameter(at + "switch_interval", Durations.format(g.switchInterval())));
            out.add(new Parameter(at + "check_interval", Durations.format(g.checkInterval())));
            out.add(new Parameter(at + "wakeup_latency", g.wakeupLatency().describe()));
            out.add(new Parameter(at + "wakeup_policy", g.wakeupPolicy().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-')));
            out.add(new Parameter(at + "drop_overhead", g.dropOverhead().describe()));
        } else {
            out.add(new Parameter(at + "free_threaded_slowdown",
                    String.format(Locale.ROOT, "%.2f", g.freeThreadedSlowdown())));
        }
    }

    static String program(ProgramStep step) {
        if (step instanceof ProgramStep.Repeat r) {
            StringJoiner steps = new StringJoiner(", ");
            r.steps().forEach(st -> steps.add(program(st)));
            if (r.times() == 1) {
                return steps.toString();
            }
            return (r.times() == ProgramStep.Repeat.FOREVER ? "forever" : r.times() + " times") + ": [" + steps + "]";
        }
        if (step instanceof ProgramStep.Cpu c) {
            return "cpu " + (c.duration() == null ? "forever" : c.duration().describe());
        }
        if (step instanceof ProgramStep.Native n) {
            return (n.releasesGil() ? "native releasing the GIL " : "native holding the GIL ") + n.duration().describe();
        }
        if (step instanceof ProgramStep.Io io) {
            return "io " + io.duration().describe();
        }
        if (step instanceof ProgramStep.Sleep sl) {
            return "sleep " + sl.duration().describe();
        }
        if (step instanceof ProgramStep.Syscall sc) {
            return "syscall " + sc.duration().describe();
        }
        return step.toString();
    }
}
