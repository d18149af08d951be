#!/usr/bin/env python3
"""Who wins a forced GIL switch, read from the kernel: futex calls traced with `perf`.

Runs N pure-Python CPU-bound threads in the interpreter given (standard library only), records
every futex syscall of the machine with `perf record` (root, or perf_event_paranoid <= 1), and
classifies each forced switch: the waiters blocked on the GIL's condition variable when the holder
signalled it (in the order they began waiting: the futex queue), the thread whose timed wait had
just expired (the requester), and the winner (the thread that then signalled the dropper's
switch condition, FORCE_SWITCHING in ceval_gil.c).

    python3 probes/perf_handoffs.py --python "$(pyenv prefix 3.12.1)/bin/python3" --threads 4

Tracing every futex call delays each by a few microseconds, and these races are decided by
microseconds: read the shares as the structure of the hand-off (who can win), not as its odds.
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

WORKLOAD = r"""
import sys, threading, time
sys.setswitchinterval(%f)
run = [True]
def spin():
    while run[0]:
        pass
ts = [threading.Thread(target=spin) for _ in range(%d)]
for t in ts:
    t.start()
time.sleep(%f)
print(",".join(str(t.native_id) for t in ts), flush=True)
run[0] = False
for t in ts:
    t.join()
"""

WAIT_TIMED = 0x89       # FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG: pthread_cond_timedwait
WAIT_SWITCH = 0x189     # the same with FUTEX_CLOCK_REALTIME: the untimed COND_WAIT on switch_cond
WAKE = 0x81             # FUTEX_WAKE | FUTEX_PRIVATE_FLAG
ETIMEDOUT = "0xffffffffffffff92"


def events(data):
    out = subprocess.run(["perf", "script", "-i", data, "-F", "tid,time,event,trace"],
                         capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        m = re.match(r"\s*(\d+)\s+([\d.]+):\s+(\S+):\s*(.*)", line)
        if m:
            yield float(m[2]) * 1e6, int(m[1]), m[3], m[4]


def classify(data, tids):
    evs = list(events(data))
    timed, switch = set(), set()
    for _, tid, ev, tr in evs:
        m = re.search(r"uaddr: (0x[0-9a-f]+), op: (0x[0-9a-f]+)", tr)
        if ev.endswith("enter_futex") and tid in tids and m:
            op = int(m[2], 16)
            (timed if op == WAIT_TIMED else switch if op == WAIT_SWITCH else set()).add(m[1])
    blocked, entering, timed_out = {}, {}, {}
    last_signal = None
    counts = collections.Counter()
    for t, tid, ev, tr in evs:
        if tid not in tids:
            continue
        if ev.endswith("enter_futex"):
            m = re.search(r"uaddr: (0x[0-9a-f]+), op: (0x[0-9a-f]+)", tr)
            addr, op = m[1], int(m[2], 16)
            entering[tid] = op
            if op == WAIT_TIMED and addr in timed:
                blocked[tid] = (addr, t)
            elif op == WAKE and addr in timed:
                queue = [x for _, x in sorted((since, x) for x, (a, since) in blocked.items()
                                              if a == addr and x != tid)]
                last_signal = (t, tid, queue)
            elif op == WAKE and addr in switch and last_signal and t - last_signal[0] < 2000:
                _, dropper, queue = last_signal
                last_signal = None
                if len(queue) < 2:
                    continue
                candidates = [(tt, x) for x, tt in timed_out.items() if x != dropper]
                requester = max(candidates)[1] if candidates else None
                counts["switches with 2 or more waiters"] += 1
                if tid == requester:
                    counts["won by the requester"] += 1
                elif tid == queue[0]:
                    counts["won by the longest waiter (futex queue head)"] += 1
                else:
                    counts["won by another waiter"] += 1
                if tid not in queue:
                    counts["winner not asleep in the queue when signalled"] += 1
        elif ev.endswith("exit_futex") and entering.pop(tid, None) == WAIT_TIMED:
            blocked.pop(tid, None)
            if tr.strip().endswith(ETIMEDOUT[2:]):
                timed_out[tid] = t
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--interval-ms", type=float, default=5.0)
    ap.add_argument("--seconds", type=float, default=2.0)
    args = ap.parse_args()
    if args.threads < 3:
        raise SystemExit("--threads: at least 3 (a switch needs 2 waiters to have a choice)")
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "perf.data")
        code = WORKLOAD % (args.interval_ms / 1000, args.threads, args.seconds)
        run = subprocess.run(["perf", "record", "-q", "-m", "16384", "-o", data, "-a",
                              "-e", "syscalls:sys_enter_futex,syscalls:sys_exit_futex",
                              "--", args.python, "-c", code], capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit("perf record failed: " + run.stderr.strip())
        tids = {int(x) for x in run.stdout.strip().splitlines()[-1].split(",")}
        counts = classify(data, tids)
    total = counts.pop("switches with 2 or more waiters", 0)
    print("forced switches with 2 or more waiters: %d" % total)
    for k, v in sorted(counts.items()):
        print("  %-48s %5d  %3.0f%%" % (k, v, 100.0 * v / max(1, total)))


if __name__ == "__main__":
    main()
