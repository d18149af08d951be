#!/usr/bin/env python3
"""Runs the validation suite (suite.json) on one CPython, one probe at a time.

    python3 suite.py --python "$(pyenv prefix 3.12.1)/bin/python3" --out data/my-machine/3.12.1

Each run is stored as OUT/<experiment>.r<repetition>.json.gz; runs already stored are kept, so an
interrupted suite resumes where it stopped. Repetitions are interleaved (every experiment once,
then every experiment again) so that a slow drift of the machine spreads over all of them. A run
during which other processes used the CPU is repeated, up to --attempts times; if the machine
never quiets down, the quietest attempt is stored with "quiet": false, and gilsim validate
leaves it out. Progress goes to stderr, one line per run.
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def probe_command(python, experiment):
    cmd = [python, os.path.join(HERE, "gilprobe.py"), experiment["probe"]]
    for key, value in sorted(experiment["args"].items()):
        cmd += ["--" + key, str(value)]
    return cmd


def run_one(python, experiment, attempts, timeout_s):
    best = None
    for attempt in range(attempts):
        proc = subprocess.run(probe_command(python, experiment), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout_s)
        if proc.returncode != 0:
            raise RuntimeError("%s failed: %s" % (experiment["id"], proc.stderr.decode()[-2000:]))
        doc = json.loads(proc.stdout.decode())
        doc["attempt"] = attempt + 1
        if best is None or doc["quiet"]["other_cpu_share"] < best["quiet"]["other_cpu_share"]:
            best = doc
        if doc["quiet"]["quiet"]:
            break
    return best


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--python", default=sys.executable, help="the interpreter to measure")
    p.add_argument("--out", required=True, help="folder for the runs")
    p.add_argument("--suite", default=os.path.join(HERE, "suite.json"))
    p.add_argument("--reps", type=int, default=None, help="repetitions (default: the suite's)")
    p.add_argument("--only", default=None, help="regular expression over experiment ids")
    p.add_argument("--attempts", type=int, default=3, help="tries of a disturbed run")
    args = p.parse_args()
    with open(args.suite) as f:
        suite = json.load(f)
    reps = args.reps or suite["repetitions"]
    experiments = [e for e in suite["experiments"]
                   if args.only is None or re.search(args.only, e["id"])]
    os.makedirs(args.out, exist_ok=True)
    todo = [(r, e) for r in range(1, reps + 1) for e in experiments
            if not os.path.exists(os.path.join(args.out, "%s.r%d.json.gz" % (e["id"], r)))]
    started = time.monotonic()
    for i, (rep, e) in enumerate(todo):
        t0 = time.monotonic()
        doc = run_one(args.python, e, args.attempts, timeout_s=300)
        doc["experiment"] = e["id"]
        doc["repetition"] = rep
        path = os.path.join(args.out, "%s.r%d.json.gz" % (e["id"], rep))
        tmp = path + ".tmp"
        with gzip.open(tmp, "wt") as f:
            json.dump(doc, f, separators=(",", ":"))
        os.replace(tmp, path)
        took = time.monotonic() - t0
        left = (time.monotonic() - started) / (i + 1) * (len(todo) - i - 1)
        q = doc["quiet"]
        sys.stderr.write("[%d/%d] %s rep %d: %s, other CPU %.1f%% (%.1f s; about %d min left)\n" % (
            i + 1, len(todo), e["id"], rep, "quiet" if q["quiet"] else "BUSY",
            100 * q["other_cpu_share"], took, round(left / 60)))
        sys.stderr.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
