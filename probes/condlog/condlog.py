#!/usr/bin/env python3
"""Who takes the GIL and when, traced without disturbing the race: CPython's condition variables
timestamped in-process by an LD_PRELOAD shim (condlog.c, about 50 ns a call).

Tracing the futex syscalls with perf (perf_handoffs.py) costs microseconds a call and changes who
wins: the traced 2-thread heartbeat lags 20 ms at a 20 ms interval where CPython untraced lags 60 to
110 ms. Through this shim the lags stay those of the untraced interpreter (0.42 against 0.39 ms
beside two threads at 5 ms; 71 against 60 ms beside ten at 20 ms).

Each GIL wait of CPython is a pthread_cond_timedwait on the GIL's condition variable (take_gil), a
release signals it (drop_gil), and a new holder signals switch_cond (FORCE_SWITCHING): so the log
holds every wait's start and end (timed out or woken), every release and every take, per thread.

    python3 probes/condlog/condlog.py --python "$(pyenv prefix 3.12.1)/bin/python3" \\
        --workload spinners --threads 4 --interval-ms 5

The shim also records the CPU each wait begins and ends on, and the asyncio selector's sleeping
epoll_waits, so the log says which core each timer sits on: `placement` in the output (the CPU
each wait began on against the holder's, and the GIL timeouts that fire with the loop's).

Workloads: `spinners` (N CPU-bound threads), `heartbeat` (an asyncio loop's 10 ms heartbeat beside
them), `sleep0` (a `time.sleep(0)` loop beside them). Needs gcc and glibc (Linux). Prints the
figures the model's rules rest on (docs/model.md, section 9), or everything as JSON with --json.
"""
import argparse
import bisect
import collections
import json
import os
import shlex
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from gilprobe import QuietMonitor  # noqa: E402

# Every workload starts N CPU-bound threads, runs its own part, stops them and names its threads.
SPINNERS = r"""
import asyncio, sys, threading, time
sys.setswitchinterval(%(interval)f)
run = [True]
def spin():
    while run[0]:
        pass
ts = [threading.Thread(target=spin) for _ in range(%(threads)d)]
for t in ts:
    t.start()
"""
STOP = r"""
run[0] = False
for t in ts:
    t.join()
print("MAIN", %(main)s, "SPIN", ",".join(str(t.native_id) for t in ts))
"""
WORKLOADS = {
    "spinners": (r"""
time.sleep(%(seconds)f)
""", "threading.get_native_id()", ""),
    "heartbeat": (r"""
beats = []
async def beat():
    end = time.monotonic() + %(seconds)f
    while time.monotonic() < end:
        t0 = time.monotonic_ns()
        await asyncio.sleep(0.01)
        beats.append((t0, time.monotonic_ns()))
asyncio.run(beat())
""", "threading.get_native_id()", r"""
print("BEATS", " ".join("%%d:%%d" %% b for b in beats))
"""),
    "sleeper": (r"""
overshoots = []
def sleeper():
    end = time.perf_counter() + %(seconds)f
    while time.perf_counter() < end:
        t0 = time.monotonic_ns()
        time.sleep(0.01)
        overshoots.append((t0, time.monotonic_ns()))
th = threading.Thread(target=sleeper)
th.start()
th.join()
""", "th.native_id", r"""
print("BEATS", " ".join("%%d:%%d" %% b for b in overshoots))
"""),
    "sleep0": (r"""
ops = [0]
def io():
    end = time.perf_counter() + %(seconds)f
    while time.perf_counter() < end:
        time.sleep(0)
        ops[0] += 1
th = threading.Thread(target=io)
th.start()
th.join()
""", "th.native_id", r"""
print("OPS", ops[0])
"""),
}


def workload(name, interval_s, threads, seconds):
    """The Python program of a workload, for `python -c`."""
    body, main, tail = WORKLOADS[name]
    values = {"interval": interval_s, "threads": threads, "seconds": seconds}
    return (SPINNERS % values) + (body % values) + (STOP % {"main": main}) + (tail % values if tail else "")


RECORD = struct.Struct("<iiQqqqii")   # tid, kind, cond, start ns, end ns, return code, CPU at start, at end
TIMED, UNTIMED, SIGNAL, EPOLL, NANOSLEEP = 0, 1, 2, 4, 5


def build(tmp):
    lib = os.path.join(tmp, "condlog.so")
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", lib, os.path.join(HERE, "condlog.c"), "-ldl"],
                   check=True)
    return lib


def trace(args, tmp):
    lib = build(tmp)
    log = os.path.join(tmp, "log.bin")
    env = dict(os.environ, CONDLOG=log, LD_PRELOAD=lib)
    if args.probe:
        # One of gilprobe's experiments as the dataset measured it; its threads are named below
        # from what they do (probe_names).
        cmd = [args.python, os.path.join(os.path.dirname(HERE), "gilprobe.py")] + shlex.split(args.probe)
        subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
        with open(log, "rb") as f:
            data = f.read()
        return [RECORD.unpack_from(data, i) for i in range(0, len(data) - RECORD.size + 1, RECORD.size)], {}
    code = workload(args.workload, args.interval_ms / 1000, args.threads, args.seconds)
    out = subprocess.run([args.python, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    info = {}
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] == "MAIN":
            info["main"] = int(parts[1])
            info["spinners"] = [int(x) for x in parts[3].split(",")] if parts[3:] else []
        elif parts and parts[0] == "BEATS":
            info["beats"] = [tuple(int(x) for x in b.split(":")) for b in parts[1:]]
        elif parts and parts[0] == "OPS":
            info["ops"] = int(parts[1])
    with open(log, "rb") as f:
        data = f.read()
    recs = [RECORD.unpack_from(data, i) for i in range(0, len(data) - RECORD.size + 1, RECORD.size)]
    return recs, info


def probe_names(recs):
    """Names a gilprobe experiment's threads from what they do: the one in epoll_wait with a
    timeout is the loop, one in clock_nanosleep of half a millisecond or more the sleeper, one
    whose clock_nanosleep deadline has already passed (`time.sleep(0)` from 3.11 on) the I/O
    thread, every other thread that waits for the GIL a CPU-bound one. Returns the names and the
    newcomer's."""
    loop = {r[0] for r in recs if r[1] == EPOLL}
    sleeper = repeated(r[0] for r in recs if r[1] == NANOSLEEP and 500_000 <= signed(r[2]) < 10 ** 9) - loop
    io = repeated(r[0] for r in recs if r[1] == NANOSLEEP and signed(r[2]) <= 0) - loop - sleeper
    timed = collections.Counter(r[2] for r in recs if r[1] == TIMED)
    gil = timed.most_common(1)[0][0] if timed else None
    waiters = sorted({r[0] for r in recs if r[1] == TIMED and r[2] == gil} - loop - sleeper - io)
    names = {tid: "cpu-%d" % i for i, tid in enumerate(waiters)}
    names.update({tid: "loop" for tid in loop})
    names.update({tid: "sleeper" for tid in sleeper})
    names.update({tid: "io" for tid in io})
    return names, ("loop" if loop else "sleeper" if sleeper else "io" if io else None)


def repeated(tids):
    """The thread that made the most of some call, if it made it ten times or more (a thread
    that sleeps once, as the main thread waiting for the run to end, is not the sleeper)."""
    top = collections.Counter(tids).most_common(1)
    return {top[0][0]} if top and top[0][1] >= 10 else set()


def signed(cond):
    """A record's 64-bit field read as signed: the time left of a sleep whose deadline passed."""
    return cond - (1 << 64) if cond >= 1 << 63 else cond


def events(recs, threads):
    """(ns, kind, thread, cpu) for the GIL's waits, releases and takes of the threads named, and
    the loop's selector waits with a timeout ("sleep", "slept")."""
    timed = collections.Counter(r[2] for r in recs if r[1] == TIMED and r[0] in threads)
    gil = timed.most_common(1)[0][0]
    untimed = collections.Counter(r[2] for r in recs if r[1] == UNTIMED and r[0] in threads)
    switch = untimed.most_common(1)[0][0] if untimed else None
    ev = []
    for tid, kind, cond, start, end, rc, cpu_start, cpu_end in recs:
        if tid not in threads:
            continue
        name = threads[tid]
        if kind == TIMED and cond == gil:
            ev.append((start, "wait", name, cpu_start))
            ev.append((end, "timeout" if rc else "woken", name, cpu_end))
        elif kind == SIGNAL and cond == gil:
            ev.append((start, "release", name, cpu_start))
        elif kind == SIGNAL and cond == switch:
            ev.append((start, "take", name, cpu_start))
        elif kind == EPOLL or (kind == NANOSLEEP and 500_000 <= signed(cond) < 10 ** 9):
            ev.append((start, "sleep", name, cpu_start))
            ev.append((end, "slept", name, cpu_end))
    ev.sort()
    return ev


def quantiles(a, ps=(0.1, 0.5, 0.9)):
    a = sorted(a)
    return [round(a[int(p * (len(a) - 1))], 1) for p in ps] if a else None


def analyse(ev, interval_ns):
    """The figures of docs/model.md section 9, from one trace."""
    waiting = {}            # thread -> start of its current timed wait
    lateness, woken_after, caught, asleep = [], [], [], []
    winners = collections.Counter()
    other_ages = []
    request_to_release = []
    last_timeout = None
    releases = []
    for t, kind, name, _ in ev:
        if kind == "wait":
            waiting[name] = t
        elif kind in ("timeout", "woken"):
            began = waiting.pop(name, None)
            if began is None:
                continue
            if kind == "timeout":
                lateness.append((t - began - interval_ns) / 1e3)
                last_timeout = (t, name, began)
            else:
                i = bisect.bisect_left(releases, t) - 1
                if i >= 0:
                    after = (t - releases[i]) / 1e3
                    woken_after.append(after)
                    (caught if releases[i] - began < 1000 else asleep).append(after)
        elif kind == "release":
            releases.append(t)
            if last_timeout and t - last_timeout[0] < 100_000:
                request_to_release.append((t - last_timeout[0]) / 1e3)
                last_timeout = None
        elif kind == "take":
            if waiting:
                ages = sorted((t - s) / interval_ns for s in waiting.values())
                other_ages.extend(ages)
    # Who wins: at each take by a thread whose wait just ended woken, was it the oldest current
    # wait among those still waiting, or the thread that asked for the drop?
    waiting, last_end = {}, {}
    last_req = None
    for t, kind, name, _ in ev:
        if kind == "wait":
            waiting[name] = t
            last_end.pop(name, None)
        elif kind in ("timeout", "woken"):
            began = waiting.pop(name, None)
            last_end[name] = (kind, began)
            if kind == "timeout":
                last_req = (t, name)
        elif kind == "take" and last_end.get(name, ("", None))[0] == "woken" and waiting:
            began = last_end.pop(name)[1]
            if began is not None and began <= min(waiting.values()):
                who = "oldest"
            elif last_req and last_req[1] == name and t - last_req[0] < 300_000:
                who = "requester"
            else:
                who = "other"
            winners[who] += 1
    young = sum(1 for a in other_ages if a < 0.1)
    return {
        "timed_wait_lateness_us": quantiles(lateness),
        "signal_to_waiter_running_us": quantiles(woken_after),
        "signal_within_1us_of_wait_start_us": quantiles(caught),
        "signal_later_us": quantiles(asleep),
        "request_to_release_us": quantiles(request_to_release),
        "woken_waiter_was": dict(winners),
        "other_waiters_younger_than_a_tenth_interval": round(young / len(other_ages), 2) if other_ages else None,
    }


def slip(ev, interval_ns):
    """Whether hand-offs slip (docs/model.md section 9, C11): at each switch between CPU-bound
    threads, is the new holder on the dropper's CPU, how late is the dropper back in take_gil,
    how far apart are the switches, and where in the cycle do the GIL timeouts fall."""
    def cpu_bound(name):
        return name.startswith("cpu-")
    last_release, last_taker, switches, pending = None, None, [], {}
    returns, same_cpu, switch_count = [], 0, 0
    late_by_cpu = {"on the holder's CPU": [], "on the other CPU": []}
    timeouts = []
    for t, kind, name, cpu in ev:
        if kind == "release":
            last_release = (name, cpu)
        elif kind == "take":
            # A switch: a CPU-bound thread takes the GIL from another thread (the loop's turns
            # between two CPU-bound holders do not make two switches of one).
            if cpu_bound(name) and last_taker not in (None, name):
                switches.append(t)
            if last_release and cpu_bound(name) and cpu_bound(last_release[0]) and last_release[0] != name:
                switch_count += 1
                same_cpu += cpu == last_release[1]
                pending[last_release[0]] = (t, cpu)
            if cpu_bound(name):
                last_taker = name
            last_release = None
        if kind in ("wait", "take") and name in pending and t > pending[name][0]:
            taken, holder_cpu = pending.pop(name)
            returns.append((t - taken) / 1e3)
            if returns[-1] > 100:
                # Back where the new holder runs (its turn came there) or pulled to the other CPU.
                late_by_cpu["on the holder's CPU" if cpu == holder_cpu else "on the other CPU"].append(returns[-1])
        if kind == "timeout" and cpu_bound(name) and switches:
            timeouts.append((t - switches[-1]) / interval_ns)
    gaps = [(b - a) / 1e6 for a, b in zip(switches, switches[1:])]
    late = [r for r in returns if r > 100]
    n = len(timeouts)
    return {
        "switches_between_cpu_bound_threads": switch_count,
        "new_holder_on_droppers_cpu": round(same_cpu / switch_count, 2) if switch_count else None,
        "dropper_back_later_than_100us": round(len(late) / len(returns), 2) if returns else None,
        "dropper_back_then_us": quantiles(late),
        "dropper_back_late_us_by_cpu": {k: (len(v), quantiles(v)) for k, v in late_by_cpu.items()},
        "switch_gap_ms": quantiles(gaps),
        "timeouts_first_tenth_middle_last_fifth": [
            round(sum(1 for x in timeouts if x < 0.1) / n, 2),
            round(sum(1 for x in timeouts if 0.1 <= x < 0.8) / n, 2),
            round(sum(1 for x in timeouts if x >= 0.8) / n, 2)] if n else None,
    }


def placement(ev):
    """Where timers are armed and threads woken: which CPU each wait began on (its timer's CPU)
    against the holder's, and for each timer expiry of the loop's selector the GIL timeouts that
    ended near it, on the loop's timer CPU or the other (docs/model.md section 9)."""
    holder, holder_cpu = None, None
    armed = collections.Counter()          # (who, "holder's CPU" | "other CPU")
    moved = collections.Counter()          # (how the wait ended, same CPU or not)
    began = {}                             # thread -> (start, cpu) of its current wait or sleep
    loop_wakes, timeouts = [], []          # (end, start cpu, end cpu, name)
    for t, kind, name, cpu in ev:
        if kind == "take":
            holder, holder_cpu = name, cpu
        elif kind in ("wait", "sleep"):
            began[name] = (t, cpu)
            # The loop begins its sleep holding the GIL: the CPU that matters is the next holder's.
            if holder_cpu is not None and holder != name:
                armed[("loop" if kind == "sleep" else "gil wait",
                       "holder's CPU" if cpu == holder_cpu else "other CPU")] += 1
        elif kind in ("timeout", "woken", "slept"):
            start = began.pop(name, None)
            if start is None:
                continue
            moved[(kind, "same CPU" if cpu == start[1] else "moved")] += 1
            if kind == "slept" and t - start[0] > 900_000:
                loop_wakes.append((t, start[1], cpu, name))
            elif kind == "timeout":
                timeouts.append((t, start[1], cpu, name))
    ends = [x[0] for x in timeouts]
    near = {"same timer CPU": [], "other timer CPU": []}
    for t, cpu0, _, _ in loop_wakes:
        i = bisect.bisect_left(ends, t - 300_000)
        while i < len(timeouts) and timeouts[i][0] <= t + 300_000:
            near["same timer CPU" if timeouts[i][1] == cpu0 else "other timer CPU"].append(
                (timeouts[i][0] - t) / 1e3)
            i += 1
    return {
        "waits_armed_on": {"%s on %s" % k: v for k, v in sorted(armed.items())},
        "wait_ended_on": {"%s, %s" % k: v for k, v in sorted(moved.items())},
        "loop_timer_expiries": len(loop_wakes),
        "gil_timeouts_within_300us_of_loop_wake_us": {k: (len(v), quantiles(v)) for k, v in near.items()},
    }


def newcomer(ev, name):
    """How the loop or the sleeper (name) gets the GIL after its sleep: from its first GIL wait to
    its take, how often another thread took the GIL first, and the other waiters' ages when it
    arrived (docs/model.md section 9)."""
    waiting, state, prev, waits, firsts, ages = {}, None, None, [], 0, []
    holds, taken = [], None
    for t, kind, who, _ in ev:
        if who == name and kind == "release" and taken is not None:
            holds.append((t - taken) / 1e3)
            taken = None
        if who == name and kind == "wait" and prev in ("release", "slept", None):
            state = {"wait": t, "others": 0}
            ages.extend((t - s) / 1e3 for s in waiting.values())
        if who == name:
            prev = kind
        if kind == "wait":
            waiting[who] = t
        elif kind in ("timeout", "woken"):
            waiting.pop(who, None)
        elif kind == "take" and state:
            if who == name:
                waits.append((t - state["wait"]) / 1e3)
                firsts += state["others"] > 0
                state = None
                taken = t
            else:
                state["others"] += 1
    return {
        "arrivals": len(waits),
        "wait_for_gil_us": quantiles(waits),
        "another_took_it_first": round(firsts / len(waits), 2) if waits else None,
        "other_waiters_ages_at_arrival_us": quantiles(ages),
        # C7: the Python it runs holding the GIL it waited for, until it lets go again.
        "hold_after_gil_wait_us": quantiles(holds),
    }


def first_waits(ev, name, near_ns=300_000):
    """How the newcomer's waits for the GIL after a release or a sleep end: the share that took the
    GIL after 0, 1, 2 ... timed waits ("6" stands for six or more), and the share of those arrivals
    beside which another thread, woken by a signal that found the GIL taken again, began a new wait
    after the last take and no later than 300 us after the arrival (docs/model.md, section 9: such
    waits ask for the drop before the newcomer's)."""
    prev, last_take, current, done, rewaits = {}, None, None, [], []
    for t, kind, who, _ in ev:
        if kind == "take":
            if who == name and current is not None:
                done.append(current)
                current = None
            last_take = t
        if kind == "wait" and who != name and prev.get(who) == "woken":
            rewaits.append(t)
        if who == name:
            if kind == "wait" and prev.get(who) in ("release", "slept", None) and last_take is not None:
                current = [t, last_take, 0]
            elif kind == "timeout" and current is not None:
                current[2] += 1
        prev[who] = kind
    if not done:
        return {}
    timeouts = collections.Counter(min(n, 6) for _, _, n in done)
    beside = 0
    for arrived, taken, _ in done:
        i = bisect.bisect_right(rewaits, taken)
        beside += i < len(rewaits) and rewaits[i] <= arrived + near_ns
    return {
        "took_it_after_timeouts": {str(k): round(v / len(done), 2) for k, v in sorted(timeouts.items())},
        "others_rewaiting_near_arrival": round(beside / len(done), 2),
    }


def requests(ev):
    """G11: at each drop asked for by a timed-out waiter with another thread waiting, did the asker
    take the GIL itself? Split by the age of the oldest other waiter at the release, and by how
    soon after the asker's new wait began the holder's signal came (docs/model.md section 9)."""
    waiting, began, last_take, asked = {}, {}, None, None
    gaps, crossed = [], {}
    by_age = {"oldest other waiting under 200 us": [0, 0], "oldest other waiting 200 us or more": [0, 0]}
    by_signal = {"signal under 0.5 us after the asker's new wait": [0, 0],
                 "0.5 to 1 us": [0, 0], "1 to 2 us": [0, 0], "2 us or later": [0, 0]}
    for t, kind, name, _ in ev:
        if kind == "wait":
            began[name] = waiting[name] = t
        elif kind in ("timeout", "woken"):
            waiting.pop(name, None)
            # A timeout with no take since its wait began is a drop request (G2).
            if kind == "timeout" and last_take is not None and began.get(name, -1) > last_take:
                asked = {"who": name}
        elif kind == "release" and asked and "age" not in asked:
            others = [s for n, s in waiting.items() if n != asked["who"]]
            if not others or asked["who"] not in waiting:
                asked = None
                continue
            asked["age"] = t - min(others)
            asked["signal"] = t - waiting[asked["who"]]
        elif kind == "take":
            if asked and "age" in asked:
                won = name == asked["who"]
                cell = by_age["oldest other waiting under 200 us" if asked["age"] < 200_000
                              else "oldest other waiting 200 us or more"]
                cell[0] += 1
                cell[1] += won
                s = asked["signal"]
                gaps.append(s / 1e3)
                signal_bin = ("signal under 0.5 us after the asker's new wait" if s < 500 else
                              "0.5 to 1 us" if s < 1000 else "1 to 2 us" if s < 2000 else "2 us or later")
                for cell in (by_signal[signal_bin],
                             crossed.setdefault(f"{'young' if asked['age'] < 200_000 else 'old'} other, "
                                                f"{signal_bin.split(' after')[0]}", [0, 0])):
                    cell[0] += 1
                    cell[1] += won
            asked = None
            last_take = t

    def shares(d):
        return {k: (n, round(w / n, 2) if n else None) for k, (n, w) in d.items()}
    return {"asker_wins_by_oldest_waiter_age": shares(by_age),
            "asker_wins_by_signal_after_its_new_wait": shares(by_signal),
            "asker_wins_by_age_and_signal": shares(dict(sorted(crossed.items()))),
            "signal_after_askers_new_wait_us": quantiles(gaps)}


def signal_calls(recs):
    """How long each pthread_cond_signal took, by the time it began: a traced release's own cost
    (a futex wake of a waiter, and on a virtual machine the IPI to a halted CPU)."""
    return {r[3]: r[4] - r[3] for r in recs if r[1] == SIGNAL}


def release_race(ev, name, calls=None):
    """A short release by `name` (a syscall such as the loop's epoll_wait(0), after which it comes
    back for the GIL) while another thread waits: how soon it is back, how soon the waiter it
    signals runs, and how often that waiter takes the GIL first (docs/model.md section 9). With a
    trace's signal_calls, also how long the release's signal took and how soon after it returned
    the thread was back, apart for waiters that ran within 30 us (their CPU was still polling) and
    later."""
    waiting, back, woken, waiter_first = {}, [], [], 0
    signal, rest = {True: [], False: []}, {True: [], False: []}
    for i, (t, kind, who, _) in enumerate(ev):
        if who != name:
            if kind == "wait":
                waiting[who] = t
            elif kind in ("woken", "timeout"):
                waiting.pop(who, None)
            continue
        if kind != "release" or not waiting:
            continue
        after = [e for e in ev[i + 1:i + 60]]
        own = next((e for e in after if e[2] == name), None)
        if own is None or own[1] not in ("wait", "take") or own[0] - t > 1_000_000:
            continue    # it went to sleep, or the trace ended: not a short release
        back.append((own[0] - t) / 1e3)
        wake = next((e for e in after if e[2] != name and e[1] == "woken"), None)
        if wake is not None:
            woken.append((wake[0] - t) / 1e3)
            if calls is not None and t in calls:
                fast = wake[0] - t < 30_000
                signal[fast].append(calls[t] / 1e3)
                rest[fast].append((own[0] - t - calls[t]) / 1e3)
        take = next((e for e in after if e[1] == "take"), None)
        waiter_first += take is not None and take[2] != name
    out = {"short_releases_with_a_waiter": len(back),
           "back_for_the_gil_after_us": quantiles(back),
           "signalled_waiter_runs_after_us": quantiles(woken),
           "waiter_took_it_first": round(waiter_first / len(back), 2) if back else None}
    if calls is not None:
        for fast, label in ((True, "waiter ran within 30 us"), (False, "waiter ran later")):
            out["signal_call_us, " + label] = [len(signal[fast]), quantiles(signal[fast])]
            out["back_after_signal_returned_us, " + label] = [len(rest[fast]), quantiles(rest[fast])]
    return out


def condvar_groups(ev):
    """glibc's condition variable (2.25 on) keeps its waiters in two groups: a new wait joins G2; a
    signal goes to G1, and only when G1 holds no unsignalled waiter does G2 become G1 first. This
    replays the trace through that rule and says how well it explains who was woken (a waiter
    woken from G2 is a contradiction), and who won each signal: the asker (a thread whose timeout
    came within 20 us before the release) when it was in G1, the oldest G1 waiter, or another
    (docs/model.md section 9)."""
    groups, g2, pending, where = [[], []], 0, [0, 0], {}
    open_signals, recent_timeout = [], {}
    woken = contradictions = 0
    won = collections.Counter()
    for t, kind, who, _ in ev:
        if kind == "timeout":
            recent_timeout[who] = t
        if kind == "wait":
            groups[g2].append(who)
            where[who] = g2
        elif kind in ("timeout", "woken"):
            g = where.pop(who, None)
            if g is None:
                continue
            groups[g].remove(who)
            if kind == "timeout":
                pending[g] = min(pending[g], len(groups[g]))
                continue
            woken += 1
            contradictions += g == g2
            pending[g] = max(0, pending[g] - 1)
            signal = next((s for s in open_signals if who in s[0]), None)
            if signal is None:
                continue
            open_signals.remove(signal)
            members, asker, switched = signal
            case = ("switched, asker in G1" if asker in members else "switched, no asker in G1") if switched \
                else "no switch (asker in G2)" if asker else "no switch, no asker"
            many = "one waiter" if len(members) == 1 else "%s waiters" % ("2-3" if len(members) <= 3 else "4+")
            role = "asker" if who == asker else "oldest" if who == members[0] else "other"
            won[(case, many, role)] += 1
        elif kind == "release":
            switched = len(groups[1 - g2]) - pending[1 - g2] <= 0
            if switched:
                if not groups[g2]:
                    continue
                g2, pending[g2] = 1 - g2, 0
            pending[1 - g2] += 1
            asker = next((n for n, at in recent_timeout.items() if t - at < 20_000 and n != who), None)
            open_signals.append((list(groups[1 - g2]), asker, switched))
    cases = collections.defaultdict(dict)
    for (case, many, role), n in sorted(won.items()):
        cases["%s, %s" % (case, many)][role] = n
    return {"woken_from_g2_share": round(contradictions / woken, 3) if woken else None,
            "winner_by_group_case": dict(cases)}


def show(result):
    """Prints every figure of the result's sections, a line each, in one order for traces and for
    the model's events (a section a source lacks, such as the model's placement, is skipped)."""
    for section in ("figures", "placement", "slip", "requests", "groups", "newcomer", "release_race"):
        for k, v in result.get(section, {}).items():
            print("%-46s %s" % (k, v))


def gilsim_events(path, variant=None):
    """The events of `gilsim run --gil-events` (gil-events.csv) as events() gives a trace's: the
    loop and a sleeper keep their names, a CPU-bound thread `x/spinner-N` becomes cpu-N."""
    import csv
    ev, variants = [], []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["variant"] not in variants:
                variants.append(row["variant"])
            if row["variant"] != (variant or variants[0]):
                continue
            name = row["thread"].split("/")[-1]
            if name.startswith("spinner-"):
                name = "cpu-" + name.split("-", 1)[1]
            ev.append((int(row["time_ns"]), row["event"], name, int(row["core"])))
    return ev


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--workload", choices=sorted(WORKLOADS), default="spinners")
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--interval-ms", type=float, default=5.0)
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--gilsim-events", metavar="CSV",
                    help="instead of tracing CPython, read the model's events from `gilsim run "
                         "--gil-events` (its gil-events.csv) and print the same figures")
    ap.add_argument("--variant", help="with --gilsim-events: the variant (default: the first)")
    ap.add_argument("--probe", metavar="ARGS",
                    help="trace one of gilprobe.py's experiments instead of a workload, e.g. "
                         "'heartbeat --threads 4 --interval-ms 1' (its --interval-ms, not this one's, "
                         "sets the switch interval; give this one the same for the figures)")
    args = ap.parse_args()
    if args.gilsim_events:
        ev = gilsim_events(args.gilsim_events, args.variant)
        result = {"gilsim_events": args.gilsim_events, "interval_ms": args.interval_ms,
                  "figures": analyse(ev, args.interval_ms * 1e6), "slip": slip(ev, args.interval_ms * 1e6),
                  "requests": requests(ev), "groups": condvar_groups(ev)}
        for name in ("loop", "sleeper", "io"):
            if any(e[2] == name for e in ev):
                result["newcomer"] = dict(newcomer(ev, name), **first_waits(ev, name))
                result["release_race"] = release_race(ev, name)
        if args.json:
            print(json.dumps(result, indent=1))
            return
        show(result)
        return
    quiet = QuietMonitor(0.05)
    before = quiet.wait_until_quiet(20)
    quiet.start()
    with tempfile.TemporaryDirectory() as tmp:
        recs, info = trace(args, tmp)
    machine = quiet.stop(before)
    if args.probe:
        names, newcomer_name = probe_names(recs)
    else:
        names = {tid: "cpu-%d" % i for i, tid in enumerate(info.get("spinners", []))}
        names[info["main"]] = {"heartbeat": "loop", "sleep0": "io", "sleeper": "sleeper"}.get(args.workload, "main")
        newcomer_name = names[info["main"]] if args.workload in ("heartbeat", "sleeper", "sleep0") else None
    result = {"workload": args.probe or args.workload, "threads": args.threads, "interval_ms": args.interval_ms,
              "quiet": machine, "figures": analyse(events(recs, names), args.interval_ms * 1e6)}
    ev = events(recs, names)
    result["placement"] = placement(ev)
    result["slip"] = slip(ev, args.interval_ms * 1e6)
    result["requests"] = requests(ev)
    result["groups"] = condvar_groups(ev)
    if newcomer_name:
        result["newcomer"] = dict(newcomer(ev, newcomer_name), **first_waits(ev, newcomer_name))
        result["release_race"] = release_race(ev, newcomer_name, signal_calls(recs))
    if "beats" in info:
        lags = [(t1 - t0) / 1e6 - 10 for t0, t1 in info["beats"]]
        key = "sleep_overshoot_ms" if args.workload == "sleeper" else "heartbeat_lag_ms"
        result["figures"][key] = quantiles(lags)
    if "ops" in info:
        result["figures"]["ops_per_s"] = round(info["ops"] / args.seconds)
    if args.json:
        print(json.dumps(result, indent=1))
        return
    if not machine["quiet"]:
        print("the machine was busy (other processes used %.0f%%): repeat on a quiet machine"
              % (100 * machine["other_cpu_share"]))
    show(result)


if __name__ == "__main__":
    main()
