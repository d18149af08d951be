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

Workloads: `spinners` (N CPU-bound threads), `heartbeat` (an asyncio loop's 10 ms heartbeat beside
them), `sleep0` (a `time.sleep(0)` loop beside them). Needs gcc and glibc (Linux). Prints the
figures the model's rules rest on (docs/model.md, section 9), or everything as JSON with --json.
"""
import argparse
import bisect
import collections
import json
import os
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


RECORD = struct.Struct("<iiQqqq")   # tid, kind, cond, start ns, end ns, return code
TIMED, UNTIMED, SIGNAL = 0, 1, 2


def build(tmp):
    lib = os.path.join(tmp, "condlog.so")
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", lib, os.path.join(HERE, "condlog.c"), "-ldl"],
                   check=True)
    return lib


def trace(args, tmp):
    lib = build(tmp)
    log = os.path.join(tmp, "log.bin")
    code = workload(args.workload, args.interval_ms / 1000, args.threads, args.seconds)
    env = dict(os.environ, CONDLOG=log, LD_PRELOAD=lib)
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


def events(recs, threads):
    """(ns, kind, thread) for the GIL's waits, releases and takes of the threads named."""
    timed = collections.Counter(r[2] for r in recs if r[1] == TIMED and r[0] in threads)
    gil = timed.most_common(1)[0][0]
    untimed = collections.Counter(r[2] for r in recs if r[1] == UNTIMED and r[0] in threads)
    switch = untimed.most_common(1)[0][0] if untimed else None
    ev = []
    for tid, kind, cond, start, end, rc in recs:
        if tid not in threads:
            continue
        name = threads[tid]
        if kind == TIMED and cond == gil:
            ev.append((start, "wait", name))
            ev.append((end, "timeout" if rc else "woken", name))
        elif kind == SIGNAL and cond == gil:
            ev.append((start, "release", name))
        elif kind == SIGNAL and cond == switch:
            ev.append((start, "take", name))
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
    for t, kind, name in ev:
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
    for t, kind, name in ev:
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--workload", choices=sorted(WORKLOADS), default="spinners")
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--interval-ms", type=float, default=5.0)
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    quiet = QuietMonitor(0.05)
    before = quiet.wait_until_quiet(20)
    quiet.start()
    with tempfile.TemporaryDirectory() as tmp:
        recs, info = trace(args, tmp)
    machine = quiet.stop(before)
    names = {tid: "cpu-%d" % i for i, tid in enumerate(info.get("spinners", []))}
    names[info["main"]] = "loop" if args.workload == "heartbeat" else "io" if args.workload == "sleep0" else "main"
    result = {"workload": args.workload, "threads": args.threads, "interval_ms": args.interval_ms,
              "quiet": machine, "figures": analyse(events(recs, names), args.interval_ms * 1e6)}
    if "beats" in info:
        lags = [(t1 - t0) / 1e6 - 10 for t0, t1 in info["beats"]]
        result["figures"]["heartbeat_lag_ms"] = quantiles(lags)
    if "ops" in info:
        result["figures"]["ops_per_s"] = round(info["ops"] / args.seconds)
    if args.json:
        print(json.dumps(result, indent=1))
        return
    if not machine["quiet"]:
        print("the machine was busy (other processes used %.0f%%): repeat on a quiet machine"
              % (100 * machine["other_cpu_share"]))
    for k, v in result["figures"].items():
        print("%-46s %s" % (k, v))


if __name__ == "__main__":
    main()
