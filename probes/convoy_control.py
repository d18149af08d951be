"""Is the convoy's cost the GIL's, or the other core's? A control for `gilprobe.py convoy`.

Times a pipe write+read of one byte in a tight loop (each call releases and re-takes the GIL)
alone, beside a CPU-bound thread of the same process (the convoy: the two share the GIL), and
beside a CPU-bound *process* (it shares nothing but the machine). Prints ops/s, the share of ops
that kept the GIL (under 50 us), and their p10/p50/p90. Standard library only.

    python3 probes/convoy_control.py
"""

import os
import subprocess
import sys
import threading
import time


def _spin(stop):
    x = 0
    while not stop[0]:
        x += 1


def _ops(n):
    r, w = os.pipe()
    out = []
    pc = time.perf_counter_ns
    for _ in range(n):
        t0 = pc()
        os.write(w, b"x")
        os.read(r, 1)
        out.append(pc() - t0)
    os.close(r)
    os.close(w)
    return out


def _report(name, times, wall):
    kept = sorted(x for x in times if x < 50_000)
    q = lambda p: kept[int(p * (len(kept) - 1))] / 1000 if kept else float("nan")
    print(f"{name:28s} ops/s {len(times) / wall:9.0f}  kept {len(kept) / len(times):5.1%}  "
          f"kept p10 {q(.1):5.2f} p50 {q(.5):5.2f} p90 {q(.9):5.2f} us", flush=True)


def main():
    sys.setswitchinterval(0.005)
    for trial in range(2):
        for variant in ("alone", "thread-spinner", "process-spinner"):
            stop = [False]
            thread = process = None
            if variant == "thread-spinner":
                thread = threading.Thread(target=_spin, args=(stop,))
                thread.start()
            if variant == "process-spinner":
                process = subprocess.Popen([sys.executable, __file__, "spin"])
            time.sleep(0.2)
            start = time.perf_counter()
            # Beside a thread most ops wait a switch interval: fewer of them take as long.
            times = _ops(1500 if variant == "thread-spinner" else 100_000)
            wall = time.perf_counter() - start
            stop[0] = True
            if thread:
                thread.join()
            if process:
                process.kill()
                process.wait()
            _report(f"{variant} (trial {trial})", times, wall)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "spin":
        x = 0
        while True:
            x += 1
    main()
