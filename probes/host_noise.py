#!/usr/bin/env python3
"""How often, and for how long, the host takes a running thread's CPU (C14 in docs/model.md).

One thread of Python reads the clock in a loop with nothing else running; a gap between two
reads longer than --threshold-us is time the thread did not run: the kernel's timer tick, an
interrupt, a hypervisor's exit. gilsim stretches every compute step by such interruptions
(`machine.interrupt_every`, `machine.interrupt_cost`); this probe measures both on a machine.

    python3 host_noise.py [--runs 3] [--seconds 3] [--threshold-us 8]

Prints one JSON line per run: the gaps per second of CPU time (and so the mean spacing), their
p10, p50 and p90 in microseconds, the machine and the quiet check; keep only runs with "quiet":
true. Standard library only, CPython 3.8 and later.
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gilprobe  # noqa: E402


def gaps(seconds, threshold_ns):
    clock = time.perf_counter_ns
    found = []
    last = clock()
    end = last + int(seconds * 1e9)
    while True:
        now = clock()
        if now - last > threshold_ns:
            found.append(now - last)
        last = now
        if now > end:
            return found


def run(seconds, threshold_us):
    found = sorted(gaps(seconds, threshold_us * 1000))
    lost_s = sum(found) / 1e9

    def p(q):
        return round(found[min(len(found) - 1, int(q * len(found)))] / 1000, 1) if found else None
    per_cpu_second = len(found) / max(1e-9, seconds - lost_s)
    return {"seconds": seconds, "threshold_us": threshold_us, "gaps": len(found),
            "gaps_per_cpu_second": round(per_cpu_second, 1),
            "mean_spacing_ms": round(1000 / per_cpu_second, 3) if found else None,
            "gap_us": {"p10": p(.1), "p50": p(.5), "p90": p(.9), "max": p(1.0)},
            "share_of_time_lost": round(lost_s / seconds, 4)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--threshold-us", type=float, default=8.0)
    args = ap.parse_args()
    for _ in range(args.runs):
        monitor = gilprobe.QuietMonitor(0.05)
        before = monitor.wait_until_quiet(20)
        monitor.start()
        out = run(args.seconds, args.threshold_us)
        out["quiet"] = monitor.stop(before)
        out["machine"] = gilprobe.machine_info()
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
