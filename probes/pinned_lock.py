#!/usr/bin/env python3
"""Does the 2-thread lock need the loop and the starving thread on one CPU?

The heartbeat probe (`gilprobe.py heartbeat --threads 2`) shows an asyncio loop whose 10 ms
heartbeat almost never waits beside two CPU-bound threads at a 5 ms switch interval: its lag is
0.27 ms at the median, where one interval (5 ms) is what the GIL's rules alone give. The
explanation in docs/model.md is timer coalescing: the loop's selector timeout and the starving
thread's GIL timeout sit on the CPU the running thread does not use and fire together there.
Pinning tests it: with the loop on one CPU and the CPU-bound threads on the other, the two timers
can never fire together.

    python3 pinned_lock.py [--runs 3] [--seconds 3]

Modes: `free` (no pinning) and `apart` (the loop on CPU 0, the CPU-bound threads on CPU 1).
Linux only (os.sched_setaffinity on a thread id pins that thread). Prints one JSON line per run:
the mode, the lag percentiles, the CPU-bound threads' loops per second and the quiet check; keep
only runs with "quiet": true.
"""
import argparse
import asyncio
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gilprobe  # noqa: E402


def pin(cpus):
    if cpus is not None:
        os.sched_setaffinity(threading.get_native_id(), cpus)


def run(mode, seconds, warmup):
    gilprobe._running[0] = True
    spin_cpus = {1} if mode == "apart" else None
    loop_cpus = {0} if mode == "apart" else None
    spinners = []
    for i in range(2):
        s = gilprobe.Spinner(i, 20_000)
        target = s._run

        def pinned(target=target):
            pin(spin_cpus)
            target()
        s.thread = threading.Thread(target=pinned, daemon=True)
        spinners.append(s)
    for s in spinners:
        s.thread.start()
    lags = []

    def loop_main():
        pin(loop_cpus)

        async def beat():
            start = time.perf_counter()
            await gilprobe.heartbeat_probe(lags, 0.010, start + warmup, start + warmup + seconds)
        asyncio.run(beat())
    t = threading.Thread(target=loop_main)
    t.start()
    t.join()
    gilprobe.stop_all(spinners)
    lags.sort()

    def p(q):
        return round(lags[min(len(lags) - 1, int(q * len(lags)))] / 1e6, 3) if lags else None
    return {"mode": mode, "beats": len(lags), "lag_ms": {"p10": p(.1), "p50": p(.5), "p90": p(.9),
                                                          "p99": p(.99)},
            "spinner_loops_per_s": [round(s.loops / (seconds + warmup)) for s in spinners]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--warmup", type=float, default=0.5)
    ap.add_argument("--modes", default="free,apart")
    args = ap.parse_args()
    sys.setswitchinterval(0.005)
    for r in range(args.runs):
        for mode in args.modes.split(","):
            monitor = gilprobe.QuietMonitor(0.05)
            before = monitor.wait_until_quiet(20)
            monitor.start()
            out = run(mode, args.seconds, args.warmup)
            out["quiet"] = monitor.stop(before)
            out["python"] = sys.version.split()[0]
            print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
