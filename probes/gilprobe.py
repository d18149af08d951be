#!/usr/bin/env python3
"""Experiments that measure how a real CPython hands its GIL around.

Standard library only; runs unchanged on CPython 3.8 to 3.14 on Linux. Each experiment prints one
JSON document on stdout: the parameters, the machine (CPU, cores, kernel, glibc, Python build,
switch interval), whether the machine was quiet while it ran (other processes' CPU from
/proc/stat), the figures, and the raw samples they were computed from.

    python3 gilprobe.py heartbeat --threads 2 --interval-ms 5 --duration-s 3
    python3 gilprobe.py sleeper --threads 1
    python3 gilprobe.py convoy --op pipe --threads 1
    python3 gilprobe.py pow --pool process
    python3 gilprobe.py requests --threads 4 --rate 50
    python3 gilprobe.py native-release --threads 1
    python3 gilprobe.py spinners --threads 4          # the hand-off recorder on its own

Every CPU-bound thread is a hand-off recorder: it spins in pure Python reading the clock and
keeps each gap in its own progress longer than --gap-us. A gap is time the thread did not run,
which for a thread that never blocks means time it waited for the GIL; from the gaps of all
spinners the probe rebuilds who held the GIL when, which waiter won each switch, and how long
each hold lasted.

Timings are only valid on a quiet machine: one busy core changes GIL hand-offs completely. The
probe waits (up to --quiet-wait-s) for the machine to settle before it starts, measures other
processes' CPU while it runs, and reports "quiet": false when they used more than --busy-share
of the machine; the driver (suite.py, gilsim validate) repeats such a run.
"""
import argparse
import asyncio
import concurrent.futures
import hashlib
import json
import os
import platform
import random
import socket
import subprocess
import sys
import threading
import time

PROBE_VERSION = 2
_pc = time.perf_counter_ns
_running = [True]


# ---------------------------------------------------------------- the machine and its quiet

def _read(path, default=""):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return default


def machine_info():
    model = ""
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    gil_enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
    import sysconfig
    return {
        "cpu_model": model,
        "cpu_count": os.cpu_count(),
        "usable_cpus": usable,
        "kernel": platform.release(),
        "libc": " ".join(platform.libc_ver()),
        "clocksource": _read("/sys/devices/system/clocksource/clocksource0/current_clocksource"),
        "timer_slack_ns": int(_read("/proc/self/timerslack_ns", "0") or 0),
        "hypervisor": "hypervisor" in _read("/proc/cpuinfo"),
        "python": platform.python_version(),
        "implementation": sys.implementation.name,
        "executable": sys.executable,
        "free_threaded_build": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
        "gil_enabled": bool(gil_enabled),
        "switch_interval_s": sys.getswitchinterval(),
    }


def _stat_busy():
    """(busy ticks of the whole machine, steal ticks) from /proc/stat's first line."""
    fields = _read("/proc/stat").splitlines()[0].split()[1:]
    v = [int(x) for x in fields] + [0] * 10
    user, nice, system, idle, iowait, irq, softirq, steal = v[:8]
    # interrupts and softirqs are mostly the probe's own timers and wake-ups: not counted
    return user + nice + system + steal, steal


def _proc_ticks(pid):
    raw = _read("/proc/%d/stat" % pid)
    if not raw:
        return 0, 0
    rest = raw[raw.rfind(")") + 2:].split()
    # fields after the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
    return int(rest[1]), int(rest[11]) + int(rest[12]) + int(rest[13]) + int(rest[14])


def _our_ticks():
    """CPU ticks of this process, its threads and its children, live or reaped."""
    me = os.getpid()
    total = _proc_ticks(me)[1]
    for name in os.listdir("/proc"):
        if name.isdigit() and int(name) != me:
            ppid, ticks = _proc_ticks(int(name))
            if ppid == me:
                total += ticks
    return total


class QuietMonitor:
    """Other processes' share of the machine's CPU between start() and stop()."""

    def __init__(self, busy_share):
        self.busy_share = busy_share
        self.hz = os.sysconf("SC_CLK_TCK")
        self.cpus = os.cpu_count() or 1

    def wait_until_quiet(self, max_wait_s):
        deadline = time.monotonic() + max_wait_s
        while True:
            b0, _ = _stat_busy()
            o0 = _our_ticks()
            time.sleep(0.5)
            b1, _ = _stat_busy()
            o1 = _our_ticks()
            share = ((b1 - b0) - (o1 - o0)) / (0.5 * self.hz * self.cpus)
            if share <= self.busy_share or time.monotonic() > deadline:
                return share

    def start(self):
        self.t0 = time.monotonic()
        self.b0, self.s0 = _stat_busy()
        self.o0 = _our_ticks()

    def stop(self, before_share):
        elapsed = time.monotonic() - self.t0
        b1, s1 = _stat_busy()
        o1 = _our_ticks()
        capacity = max(1.0, elapsed * self.hz * self.cpus)
        other = max(0, (b1 - self.b0) - (o1 - self.o0))
        share = other / capacity
        return {
            "other_cpu_share": round(share, 4),
            "steal_share": round((s1 - self.s0) / capacity, 4),
            "own_cpu_share": round((o1 - self.o0) / capacity, 4),
            "other_cpu_share_before": round(before_share, 4),
            "busy_threshold": self.busy_share,
            "quiet": share <= self.busy_share,
        }


# ---------------------------------------------------------------- spinners: hand-off recorders

class Spinner:
    """A pure-Python CPU-bound thread that records the gaps in its own progress."""

    def __init__(self, index, gap_ns):
        self.index = index
        self.gap_ns = gap_ns
        self.gaps = []
        self.start_ns = 0
        self.end_ns = 0
        self.loops = 0
        self.thread = threading.Thread(target=self._run, name="spinner-%d" % index, daemon=True)

    def _run(self):
        pc = _pc
        gap = self.gap_ns
        gaps = self.gaps
        running = _running
        last = pc()
        self.start_ns = last
        n = 0
        while running[0]:
            now = pc()
            if now - last > gap:
                gaps.append(last)
                gaps.append(now)
            last = now
            n += 1
        self.end_ns = last
        self.loops = n


def start_spinners(n, gap_us):
    spinners = [Spinner(i, int(gap_us * 1000)) for i in range(n)]
    for s in spinners:
        s.thread.start()
    return spinners


def stop_all(spinners):
    _running[0] = False
    for s in spinners:
        s.thread.join()


def handoff_analysis(spinners, window_start_ns, window_end_ns):
    """Rebuilds who held the GIL from the spinners' gaps, inside the window.

    A spinner runs between its gaps. A switch is the end of one spinner's run followed by the
    start of another's: the winner's rank among the spinners that were waiting tells the wake-up
    order (rank 0: the one that had waited longest). A run shorter than the switch interval that
    ends in a gap is a hold cut short (another thread barged in or the holder was descheduled).
    """
    runs = []  # (start, end, spinner)
    for s in spinners:
        prev = s.start_ns
        g = s.gaps
        for i in range(0, len(g), 2):
            runs.append((prev, g[i], s.index))
            prev = g[i + 1]
        runs.append((prev, s.end_ns, s.index))
    runs = [r for r in runs if r[1] > window_start_ns and r[0] < window_end_ns]
    runs.sort()
    # A gap during which no other spinner ran is not a hand-off (a timer tick, an interrupt, a
    # descheduled holder): the hold goes on, so the runs on either side are one hold.
    merged = []
    lone_gaps = 0
    for r in runs:
        if merged and merged[-1][2] == r[2]:
            merged[-1] = (merged[-1][0], r[1], r[2])
            lone_gaps += 1
        else:
            merged.append(r)
    runs = merged
    holds_us = []
    switch_gaps_us = []
    ranks = []
    waiters_at_switch = []
    last_run_end = {}
    for i in range(len(runs) - 1):
        a, b = runs[i], runs[i + 1]
        last_run_end[a[2]] = a[1]
        if a[0] >= window_start_ns and a[1] <= window_end_ns:
            holds_us.append((a[1] - a[0]) / 1000.0)
        if a[2] != b[2] and b[0] >= a[1]:
            switch_gaps_us.append((b[0] - a[1]) / 1000.0)
            waiting = [s.index for s in spinners if s.index != a[2]]
            if len(waiting) >= 2:
                # longest waiter first: the one whose last run ended earliest
                order = sorted(waiting, key=lambda k: last_run_end.get(k, 0))
                ranks.append(order.index(b[2]))
                waiters_at_switch.append(len(waiting))
    n = len(spinners)
    rank_hist = [0] * max(1, n - 1)
    for r in ranks:
        rank_hist[r] += 1
    return {
        "holds_us": [round(h, 1) for h in holds_us[:4000]],
        "hold_count": len(holds_us),
        "switch_gaps_us": [round(g, 1) for g in switch_gaps_us[:4000]],
        "winner_rank_counts": rank_hist,
        "switches_with_choice": len(ranks),
        "switches": len(switch_gaps_us),
        "lone_gaps": lone_gaps,
        "window_ns": window_end_ns - window_start_ns,
        "raw_gaps_ns": [[g - window_start_ns for g in s.gaps[:20000]] for s in spinners],
    }


def spinner_figures(spinners, elapsed_ns):
    return {
        "loops_per_s": [round(s.loops / (elapsed_ns / 1e9), 1) for s in spinners],
        "gap_counts": [len(s.gaps) // 2 for s in spinners],
    }


def run_beside_spinners(spinners, target, name, warmup_s):
    """Runs target in a thread of its own while the spinners spin, then stops them; returns the
    spinners' figures and the hand-offs they recorded after the warm-up."""
    t0 = _pc()
    th = threading.Thread(target=target, name=name)
    th.start()
    th.join()
    t1 = _pc()
    stop_all(spinners)
    return {
        "spinners": spinner_figures(spinners, t1 - t0),
        "handoffs": handoff_analysis(spinners, t0 + int(warmup_s * 1e9), t1),
    }


# ---------------------------------------------------------------- experiments

async def heartbeat_probe(lags, period, t_warm, t_end):
    """L4: `await asyncio.sleep(period)` in a loop; each lateness after t_warm goes into lags (ns)."""
    while True:
        t0 = time.perf_counter()
        if t0 >= t_end:
            break
        await asyncio.sleep(period)
        t1 = time.perf_counter()
        if t0 >= t_warm:
            lags.append(int((t1 - t0 - period) * 1e9))


def heartbeat(args):
    """An asyncio loop's 10 ms heartbeat lag beside N CPU-bound threads (L4)."""
    spinners = start_spinners(args.threads, args.gap_us)
    period = args.period_ms / 1000.0
    lags = []

    async def beat():
        start = time.perf_counter()
        await heartbeat_probe(lags, period, start + args.warmup_s, start + args.warmup_s + args.duration_s)

    t0 = _pc()
    asyncio.run(beat())
    t1 = _pc()
    stop_all(spinners)
    warm = t0 + int(args.warmup_s * 1e9)
    return {
        "figures": {"beats": len(lags), "beats_per_s": round(len(lags) / args.duration_s, 2)},
        "samples": {"lag_ns": lags},
        "spinners": spinner_figures(spinners, t1 - t0),
        "handoffs": handoff_analysis(spinners, warm, t1),
    }


def sleeper(args):
    """time.sleep(period) in a thread beside N CPU-bound threads: the overshoot of each sleep."""
    spinners = start_spinners(args.threads, args.gap_us)
    period = args.period_ms / 1000.0
    over = []

    def run():
        t_end = time.perf_counter() + args.warmup_s + args.duration_s
        t_warm = time.perf_counter() + args.warmup_s
        while True:
            t0 = time.perf_counter()
            if t0 >= t_end:
                break
            time.sleep(period)
            t1 = time.perf_counter()
            if t0 >= t_warm:
                over.append(int((t1 - t0 - period) * 1e9))

    out = run_beside_spinners(spinners, run, "sleeper", args.warmup_s)
    out.update({
        "figures": {"sleeps": len(over), "sleeps_per_s": round(len(over) / args.duration_s, 2)},
        "samples": {"overshoot_ns": over},
    })
    return out


class Subsample:
    """Keeps every k-th value, doubling k whenever the list would pass its cap (a systematic
    subsample of the whole run, not its first seconds)."""

    def __init__(self, cap):
        self.cap = cap
        self.stride = 1
        self.count = 0
        self.values = []

    def add(self, v):
        if self.count % self.stride == 0:
            self.values.append(v)
            if len(self.values) >= self.cap:
                self.values = self.values[::2]
                self.stride *= 2
        self.count += 1


def convoy(args):
    """The convoy effect: a thread doing tiny GIL-releasing calls (a pipe write and read, or
    time.sleep(0)) beside N CPU-bound threads; its operations per second and per-op latency."""
    spinners = start_spinners(args.threads, args.gap_us)
    lat = Subsample(20000)
    done = [0]
    if args.op == "pipe":
        r, w = os.pipe()

        def op():
            os.write(w, b"x")
            os.read(r, 1)
    elif args.op == "sleep0":
        def op():
            time.sleep(0)
    else:
        raise SystemExit("unknown --op " + args.op)

    def run():
        pc = _pc
        t_end = pc() + int((args.warmup_s + args.duration_s) * 1e9)
        t_warm = pc() + int(args.warmup_s * 1e9)
        n = 0
        while True:
            t0 = pc()
            if t0 >= t_end:
                break
            op()
            if t0 >= t_warm:
                lat.add(pc() - t0)
                n += 1
        done[0] = n

    out = run_beside_spinners(spinners, run, "io", args.warmup_s)
    out.update({
        "figures": {"ops": done[0], "ops_per_s": round(done[0] / args.duration_s, 1)},
        "samples": {"op_ns": lat.values, "op_ns_stride": lat.stride},
    })
    return out


def _pow_task(exponent):
    t0 = time.perf_counter_ns()
    pow(365, exponent)
    return time.perf_counter_ns() - t0


def calibrate_pow(target_ms):
    """The exponent e for which pow(365, e) takes about target_ms on this machine."""
    e = 100000
    while True:
        took = _pow_task(e) / 1e6
        if took > target_ms / 8:
            break
        e *= 2
    # big-int power grows about as e ** 1.58 (Karatsuba); two refinements land within a few %
    for _ in range(2):
        e = int(e * (target_ms / took) ** (1 / 1.58))
        took = _pow_task(e) / 1e6
    return e, took


def pow_pool(args):
    """pow() calibrated to about 300 ms, once a second, in a thread pool or a process pool,
    awaited from an asyncio loop whose 10 ms heartbeat measures its lag (seeds 2 and 3)."""
    exponent, took_ms = calibrate_pow(args.pow_ms)
    if args.pool == "thread":
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    else:
        import multiprocessing
        pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("fork"))
    pool.submit(_pow_task, 1000).result()  # start the worker before measuring
    lags = []
    calls = []
    inner = []

    async def main():
        loop = asyncio.get_running_loop()
        t_start = time.perf_counter()
        t_warm = t_start + args.warmup_s
        t_end = t_warm + args.duration_s
        hb = asyncio.ensure_future(heartbeat_probe(lags, args.period_ms / 1000.0, t_warm, t_end))
        k = 0
        while True:
            due = t_start + 0.5 + k * 1.0
            if due + args.pow_ms / 1000.0 >= t_end:
                break
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            t0 = time.perf_counter()
            ns = await loop.run_in_executor(pool, _pow_task, exponent)
            if t0 >= t_warm:
                calls.append(int((time.perf_counter() - t0) * 1e9))
                inner.append(ns)
            k += 1
        await hb

    t0 = _pc()
    asyncio.run(main())
    t1 = _pc()
    pool.shutdown()
    return {
        "figures": {"pow_exponent": exponent, "pow_calibrated_ms": round(took_ms, 1),
                    "beats": len(lags), "calls": len(calls)},
        "samples": {"lag_ns": lags, "call_ns": calls, "pow_ns": inner},
    }


def native_release(args):
    """hashlib.sha256 over a 1 MiB buffer (it releases the GIL) in a thread beside N CPU-bound
    threads: hashes per second and the time of each call, GIL re-acquisition included."""
    buf = os.urandom(args.buffer_kib * 1024)
    lat = []

    def run():
        pc = _pc
        t_end = pc() + int((args.warmup_s + args.duration_s) * 1e9)
        t_warm = pc() + int(args.warmup_s * 1e9)
        while True:
            t0 = pc()
            if t0 >= t_end:
                break
            hashlib.sha256(buf).digest()
            if t0 >= t_warm:
                lat.append(pc() - t0)

    # the cost of one hash with nothing else running (before the spinners start), for the
    # simulated step's duration
    solo = []
    for _ in range(20):
        t = _pc()
        hashlib.sha256(buf).digest()
        solo.append(_pc() - t)
    solo.sort()
    spinners = start_spinners(args.threads, args.gap_us)
    out = run_beside_spinners(spinners, run, "hasher", args.warmup_s)
    out.update({
        "figures": {"ops": len(lat), "ops_per_s": round(len(lat) / args.duration_s, 1),
                    "solo_hash_ns": solo[len(solo) // 2]},
        "samples": {"op_ns": lat},
    })
    return out


def spinners_only(args):
    """N CPU-bound threads and nothing else: the hand-off recorder on its own."""
    spinners = start_spinners(args.threads, args.gap_us)
    t0 = _pc()
    time.sleep(args.warmup_s + args.duration_s)
    t1 = _pc()
    stop_all(spinners)
    return {
        "figures": {},
        "samples": {},
        "spinners": spinner_figures(spinners, t1 - t0),
        "handoffs": handoff_analysis(spinners, t0 + int(args.warmup_s * 1e9), t1),
    }


# ---------------------------------------------------------------- open-loop requests

def _busy_python(us):
    """About `us` microseconds of pure Python, as a request handler would spend."""
    end = _pc() + us * 1000
    x = 0
    while _pc() < end:
        x += 1
    return x


def requests(args):
    """Open-loop request latency of an asyncio server beside N CPU-bound pool threads.

    The server (this process) answers each request line after handler_us of Python; a client
    process sends requests at Poisson times and measures each from its intended send time to
    the answer (L5: no coordinated omission)."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.threads))
    spinners = [Spinner(i, int(args.gap_us * 1000)) for i in range(args.threads)]
    futures = [pool.submit(s._run) for s in spinners]

    async def handle(reader, writer):
        while True:
            line = await reader.readline()
            if not line:
                break
            _busy_python(args.handler_us)
            writer.write(line)
            await writer.drain()
        writer.close()

    result = {}

    async def main():
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        proc = await asyncio.create_subprocess_exec(
            sys.executable, os.path.abspath(__file__), "client", "--port", str(port),
            "--rate", str(args.rate), "--duration-s", str(args.duration_s),
            "--warmup-s", str(args.warmup_s), "--seed", str(args.seed),
            stdout=asyncio.subprocess.PIPE)
        out, _ = await proc.communicate()
        server.close()
        result.update(json.loads(out.decode()))

    t0 = _pc()
    asyncio.run(main())
    t1 = _pc()
    _running[0] = False
    for f in futures:
        f.result()
    pool.shutdown()
    lat = result["latency_ns"]
    return {
        "figures": {"sent": result["sent"], "answered": len(lat),
                    "throughput_per_s": round(len(lat) / args.duration_s, 2)},
        "samples": {"latency_ns": lat},
        "spinners": spinner_figures(spinners, t1 - t0),
    }


def client(args):
    """The load generator of `requests`: Poisson sends on a pool of connections."""
    rng = random.Random(args.seed)
    lat = []
    sent = [0]

    async def one(conns, due, t_warm):
        if conns:
            reader, writer = conns.pop()
        else:
            reader, writer = await asyncio.open_connection("127.0.0.1", args.port)
        writer.write(b"ping\n")
        await reader.readline()
        done = time.perf_counter()
        if due >= t_warm:
            lat.append(int((done - due) * 1e9))
        conns.append((reader, writer))

    async def main():
        conns = []
        for _ in range(4):
            conns.append(await asyncio.open_connection("127.0.0.1", args.port))
        start = time.perf_counter()
        t_warm = start + args.warmup_s
        t_end = t_warm + args.duration_s
        tasks = []
        due = start
        while True:
            due += rng.expovariate(args.rate)
            if due >= t_end:
                break
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            tasks.append(asyncio.ensure_future(one(conns, due, t_warm)))
            if due >= t_warm:
                sent[0] += 1
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=30)
        for _, w in conns:
            w.close()

    asyncio.run(main())
    print(json.dumps({"sent": sent[0], "latency_ns": lat}))


# ---------------------------------------------------------------- main

EXPERIMENTS = {
    "heartbeat": heartbeat,
    "sleeper": sleeper,
    "convoy": convoy,
    "pow": pow_pool,
    "requests": requests,
    "native-release": native_release,
    "spinners": spinners_only,
}


def parse(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("experiment", choices=sorted(EXPERIMENTS) + ["client", "machine"])
    p.add_argument("--threads", type=int, default=1, help="CPU-bound threads (default 1)")
    p.add_argument("--interval-ms", type=float, default=5.0, help="sys.setswitchinterval, ms")
    p.add_argument("--duration-s", type=float, default=3.0, help="measured seconds")
    p.add_argument("--warmup-s", type=float, default=0.5, help="seconds before measuring")
    p.add_argument("--period-ms", type=float, default=10.0, help="heartbeat or sleep period, ms")
    p.add_argument("--gap-us", type=float, default=20.0, help="smallest recorded spinner gap, us")
    p.add_argument("--op", default="pipe", help="convoy: pipe or sleep0")
    p.add_argument("--pool", default="thread", help="pow: thread or process")
    p.add_argument("--pow-ms", type=float, default=300.0, help="pow: target duration, ms")
    p.add_argument("--rate", type=float, default=50.0, help="requests: arrivals per second")
    p.add_argument("--handler-us", type=int, default=200, help="requests: Python per request, us")
    p.add_argument("--buffer-kib", type=int, default=1024, help="native-release: buffer, KiB")
    p.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    p.add_argument("--seed", type=int, default=1, help="random seed of the arrivals")
    p.add_argument("--busy-share", type=float, default=0.05,
                   help="other processes' share of all CPUs above which a run is not quiet")
    p.add_argument("--quiet-wait-s", type=float, default=20.0,
                   help="longest wait for a quiet machine before starting")
    return p.parse_args(argv)


def main(argv=None):
    args = parse(argv if argv is not None else sys.argv[1:])
    if args.experiment == "client":
        client(args)
        return 0
    if args.experiment == "machine":
        print(json.dumps({"machine": machine_info()}, indent=1))
        return 0
    sys.setswitchinterval(args.interval_ms / 1000.0)
    monitor = QuietMonitor(args.busy_share)
    before = monitor.wait_until_quiet(args.quiet_wait_s)
    monitor.start()
    out = EXPERIMENTS[args.experiment](args)
    quiet = monitor.stop(before)
    params = {k: v for k, v in vars(args).items() if k not in ("port", "quiet_wait_s")}
    doc = {"probe": args.experiment, "probe_version": PROBE_VERSION, "params": params,
           "machine": machine_info(), "quiet": quiet}
    doc.update(out)
    json.dump(doc, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
