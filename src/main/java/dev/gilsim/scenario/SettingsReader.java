package dev.gilsim.scenario;

import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.OsSettings;
import dev.gilsim.interpreter.PythonVersion;
import dev.gilsim.interpreter.RequesterWins;
import dev.gilsim.interpreter.WakeupPolicyKind;
import dev.gilsim.kernel.Distribution;
import java.util.Arrays;

/**
 * The {@code machine:} and {@code python:} sections (model.md sections 3 and 4): the OS settings
 * of the machine, and the GIL settings of a process, each version's row of defaults.yaml giving
 * what depends on the version (the check interval, the zero sleep, the free-threaded slowdown).
 */
final class SettingsReader {
    private final Defaults defaults;

    SettingsReader(Defaults defaults) {
        this.defaults = defaults;
    }

    static OsSettings machine(MapReader m) {
        int cores = m.integerReq("cores", 1, 1024);
        long slice = m.positiveDurationReq("time_slice");
        long slack = m.durationReq("timer_slack");
        long haltPoll = m.durationReq("halt_poll");
        Distribution polled = DistributionReader.read(m.req("polled_wakeup", DistributionReader.EXPECTED));
        Distribution timerWakeup = DistributionReader.read(m.req("timer_wakeup", DistributionReader.EXPECTED));
        Distribution handoffWakeup = DistributionReader.read(m.req("handoff_wakeup", DistributionReader.EXPECTED));
        long coldStart = m.durationReq("cold_start");
        boolean coldHolding = m.boolReq("cold_start_holding_gil");
        boolean coalescing = m.boolReq("timer_coalescing");
        Distribution burstGap = DistributionReader.read(m.req("timer_burst_gap", DistributionReader.EXPECTED));
        boolean expiredTakesSignal = m.boolReq("expired_wait_takes_signal");
        double onDropperCore = m.numberReq("handoff_on_dropper_core", 0, 1);
        long migrationCost = m.durationReq("migration_cost");
        double syscallScale = m.numberReq("syscall_scale", 0, 100);
        boolean groups = m.boolReq("condvar_groups");
        double behindHolder = m.numberReq("timeout_behind_holder", 0, 1);
        long awakeWindow = m.durationReq("awake_window");
        Distribution awakeReturn = DistributionReader.read(m.req("awake_return", DistributionReader.EXPECTED));
        long interruptEvery = m.durationReq("interrupt_every");
        long interruptCost = m.durationReq("interrupt_cost");
        if (syscallScale <= 0) {
            throw m.error("syscall_scale", "must be above 0",
                    "1 for syscalls as the scenario gives them, 2 on a host whose syscalls take twice as long");
        }
        if (slice > 1_000_000_000L) {
            throw m.error("time_slice", "is longer than 1s", "a few milliseconds");
        }
        if (slack > 1_000_000_000L) {
            throw m.error("timer_slack", "is longer than 1s", "about 50us");
        }
        if (haltPoll > 1_000_000_000L) {
            throw m.error("halt_poll", "is longer than 1s", "a few hundred microseconds (0 turns halt polling off)");
        }
        if (coldStart > 100_000L) {
            throw m.error("cold_start", "is longer than 100us per root microsecond", "about 250ns (0 turns cold starts off)");
        }
        if (awakeWindow > 1_000_000L) {
            throw m.error("awake_window", "is longer than 1ms", "about 1us (0 turns the window off)");
        }
        if (interruptEvery > 0 && interruptEvery < 10_000L) {
            throw m.error("interrupt_every", "is shorter than 10us", "a few milliseconds (Linux's tick: 4ms at 250 Hz; 0 turns them off)");
        }
        if (interruptCost > 10_000_000L) {
            throw m.error("interrupt_cost", "is longer than 10ms", "tens of microseconds");
        }
        if (migrationCost > 1_000_000_000L) {
            throw m.error("migration_cost", "is longer than 1s", "about 500us (Linux's sched_migration_cost)");
        }
        m.finish();
        return new OsSettings(cores, slice, slack, haltPoll, polled, timerWakeup, handoffWakeup, coldStart,
                coldHolding, coalescing, burstGap, expiredTakesSignal, onDropperCore, migrationCost, syscallScale, groups,
                behindHolder, awakeWindow, awakeReturn, interruptEvery, interruptCost);
    }

    static PythonVersion version(MapReader py) {
        Node n = py.req("version", "a version such as \"3.12\"");
        String text = Nodes.string(n);
        return PythonVersion.parse(text).orElseThrow(() -> InputException.at(n,
                "unknown Python version " + InputException.quote(text), "one of " + String.join(", ",
                        Arrays.stream(PythonVersion.values()).map(PythonVersion::text).toList())));
    }

    GilSettings python(Node pythonNode) {
        MapReader py = MapReader.of(pythonNode, "a mapping of Python settings");
        PythonVersion version = version(py);
        MapReader row = defaults.version(version);
        Build build = py.choiceReq("build", Build.class);
        if (build == Build.FREE_THREADED && !version.hasFreeThreadedBuild()) {
            throw py.error("build", "Python " + version + " has no free-threaded build", "version 3.13 or later");
        }
        long interval = py.positiveDurationReq("switch_interval");
        if (interval < 1_000 || interval > 10_000_000_000L) {
            throw py.error("switch_interval", "must be between 1us and 10s (got " + Units.formatDuration(interval) + ")",
                    null);
        }
        long check = py.positiveDuration("check_interval", row.durationReq("check_interval"));
        if (check > 1_000_000_000L) {
            throw py.error("check_interval", "is longer than 1s", "a few microseconds");
        }
        Distribution latency = DistributionReader.read(py.req("wakeup_latency", DistributionReader.EXPECTED));
        WakeupPolicyKind policy = py.choiceReq("wakeup_policy", WakeupPolicyKind.class);
        long youngWait = py.durationReq("young_wait");
        if (youngWait > 1_000_000_000L) {
            throw py.error("young_wait", "is longer than 1s", "about 200us, or 0 for one share whatever the waiters' age");
        }
        RequesterWins requesterWins = new RequesterWins(py.numberReq("requester_wins", 0, 1),
                py.numberReq("requester_wins_against_young", 0, 1), youngWait);
        Distribution overhead = DistributionReader.read(py.req("drop_overhead", DistributionReader.EXPECTED));
        // G10: a version without a free-threaded build has no slowdown to apply; 1 is no factor, not a default.
        double slowdown = py.number("free_threaded_slowdown", row.number("free_threaded_slowdown", 1.0, 1, 100), 1,
                100);
        // C8: the version's row says whether time.sleep(0) is a syscall that returns at once.
        long zeroSleep = row.has("zero_sleep") ? row.durationReq("zero_sleep") : -1;
        py.finish();
        return new GilSettings(interval, check, latency, overhead, policy, build, slowdown, requesterWins, zeroSleep);
    }
}
