"""Do two timers whose deadlines lie within the timer slack fire together?

Linux runs a CPU's high-resolution timers at the earliest hard expiry (deadline plus the timer
slack, 50 us by default) and then every timer on that CPU whose deadline has passed
(kernel/time/hrtimer.c, __hrtimer_run_queues). Two sleepers whose deadlines are closer than the
slack then wake in one burst, if their timers sit on the same CPU.

This probe sleeps two processes (no GIL between them) to absolute monotonic deadlines that differ
by DELTA, 150 times each, pinned to one CPU or to two, and prints each one's median overshoot and
the median of (B's wake - A's wake). Timers that fire independently give B - A = DELTA; timers that
coalesce give B - A near 0 for DELTA under the slack. Standard library only; Linux.

    python3 probes/timer_coalescing.py            # a table, then one JSON document
"""

import json
import os
import subprocess
import sys
import time

SLEEPS = 150
PERIOD_NS = 10_000_000
DELTAS_US = (0, 10, 20, 30, 40, 60, 100)


def _child(cpu, first_ns, offset_ns):
    os.sched_setaffinity(0, {cpu})
    late = []
    for k in range(SLEEPS):
        deadline = first_ns + k * PERIOD_NS + offset_ns
        now = time.monotonic_ns()
        if deadline > now:
            time.sleep((deadline - now) / 1e9)
        late.append(time.monotonic_ns() - deadline)
    print(json.dumps(late))


def _median(values):
    values = sorted(values)
    return values[len(values) // 2]


def _busy_share(before, after):
    idle = (after[3] + after[4]) - (before[3] + before[4])
    total = sum(after) - sum(before)
    return 1 - idle / total if total else 0.0


def _cpu_ticks():
    with open("/proc/stat") as f:
        return [int(x) for x in f.readline().split()[1:]]


def _pair(cpus, delta_us):
    first = time.monotonic_ns() + 300_000_000
    procs = [subprocess.Popen([sys.executable, __file__, "child", str(cpu), str(first), str(offset)],
                              stdout=subprocess.PIPE)
             for cpu, offset in ((cpus[0], 0), (cpus[1], delta_us * 1000))]
    a, b = (json.loads(p.communicate()[0]) for p in procs)
    return a[5:], b[5:]  # the first sleeps start cold


def main():
    if os.cpu_count() < 2:
        sys.exit("needs two CPUs")
    rows = []
    for placement, cpus in (("same-cpu", (1, 1)), ("two-cpus", (0, 1))):
        for delta in DELTAS_US:
            before = _cpu_ticks()
            a, b = _pair(cpus, delta)
            # Our two sleepers use almost nothing; anything above a few percent is someone else.
            busy = _busy_share(before, _cpu_ticks())
            row = {"placement": placement, "delta_us": delta,
                   "a_late_p50_us": _median(a) / 1000, "b_late_p50_us": _median(b) / 1000,
                   "b_minus_a_wake_p50_us": _median([y + delta * 1000 - x for x, y in zip(a, b)]) / 1000,
                   "machine_busy": round(busy, 3)}
            rows.append(row)
            print(f"{placement:8s} delta {delta:3d} us: A late {row['a_late_p50_us']:6.1f} us, "
                  f"B late {row['b_late_p50_us']:6.1f} us, B wakes {row['b_minus_a_wake_p50_us']:6.1f} us "
                  f"after A (machine busy {busy:.0%})", file=sys.stderr, flush=True)
    print(json.dumps({"probe": "timer-coalescing", "python": sys.version.split()[0],
                      "kernel": os.uname().release, "rows": rows}, indent=1))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        _child(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
    else:
        main()
