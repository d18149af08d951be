#!/usr/bin/env python3
"""Regenerates the README's tables from fresh runs of the shipped scenarios.

A fenced block preceded by a marker line is replaced by what gilsim prints:
    <!-- output: scenarios/X.yaml -->   the whole console output of `gilsim run scenarios/X.yaml`
    <!-- table: scenarios/X.yaml -->    only its variant table (from the line starting "variant")
    <!-- sweep: scenarios/X.yaml -->    the console output of `gilsim sweep scenarios/X.yaml`
    <!-- validate -->                   the score lines of `gilsim validate --data probes/data/...`
    <!-- seeds -->                      how much each shipped scenario's headline figures move over
                                        seeds 1 to 5 (every scenario but the sweeps, five runs each)
Usage: docs/make-readme-tables.py [KIND...]   (from anywhere; builds the jar if needed; with KINDs,
only those blocks, e.g. `seeds`). The prose around the tables quotes their numbers: read the diff
and update it by hand.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "target", "readme-run")
MARKER = re.compile(r"^<!-- (output|table|sweep): (\S+) -->$|^<!-- (validate|seeds) -->$")
SEEDS = 5


def gilsim(*args):
    r = subprocess.run([os.path.join(ROOT, "gilsim")] + list(args), cwd=ROOT, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.exit("gilsim %s failed:\n%s" % (" ".join(args), r.stderr))
    return r.stdout


def headline_figures(variant):
    """The figures a reader of a run looks at first: loop lag and endpoint latency (p50, p99), or
    without servers each thread's return delay (p50) and loops per second."""
    figs = {}
    for l in variant.get("loop_lag", []):
        figs["loop lag %s p50" % l["name"]] = l["p50_ms"]
        figs["loop lag %s p99" % l["name"]] = l["p99_ms"]
    for e in variant.get("endpoints", []):
        figs["%s p50" % e["name"]] = e["latency"]["p50_ms"]
        figs["%s p99" % e["name"]] = e["latency"]["p99_ms"]
    if not figs:
        for t in variant["threads"]:
            if t["return_delay"]["count"] > 0:
                figs["%s/%s return delay p50" % (t["process"], t["name"])] = t["return_delay"]["p50_ms"]
            if t["iterations_per_s"] > 0:
                figs["%s/%s loops/s" % (t["process"], t["name"])] = t["iterations_per_s"]
    return figs


def number(x):
    return "%.0f" % x if x >= 100 else "%.3g" % x


def seed_spread():
    """Runs every shipped scenario but the sweeps with seeds 1 to SEEDS and lists the headline
    figures whose largest value over those seeds is more than 1.15 times the smallest."""
    shutil.rmtree(os.path.join(OUT, "seeds"), ignore_errors=True)
    for f in sorted(glob.glob(os.path.join(ROOT, "scenarios", "*.yaml"))):
        if re.search(r"^sweep:", open(f, encoding="utf-8").read(), re.M):
            continue
        for seed in range(1, SEEDS + 1):
            gilsim("run", os.path.relpath(f, ROOT), "--seed", str(seed), "--out", os.path.join(OUT, "seeds", str(seed)))
    values = {}
    for seed in range(1, SEEDS + 1):
        for path in sorted(glob.glob(os.path.join(OUT, "seeds", str(seed), "*", "summary.json"))):
            doc = json.load(open(path, encoding="utf-8"))
            for v in doc["variants"]:
                for fig, value in headline_figures(v).items():
                    values.setdefault((doc["scenario"], v["name"], fig), []).append(value)
    rows = []
    for (scenario, variant, fig), vs in values.items():
        if len(vs) == SEEDS and min(vs) > 0:
            rows.append((max(vs) / min(vs), scenario, variant, fig, vs))
    rows.sort(key=lambda r: (-r[0], r[1], r[2], r[3]))
    wide = [r for r in rows if r[0] > 1.15]
    out = ["%d headline figures of %d scenarios; over seeds 1 to %d, %d move by more than 15 %%, %d by more than 50 %%"
           % (len(rows), len({r[1] for r in rows}), SEEDS, len(wide), sum(1 for r in rows if r[0] > 1.5)),
           "",
           "%-7s %-28s %-20s %-36s %s" % ("max/min", "scenario", "variant", "figure (ms, or per s)",
                                          "seeds 1 to %d" % SEEDS)]
    for r in wide:
        out.append("%-7s %-28s %-20s %-36s %s" % ("%.2fx" % r[0], r[1], r[2], r[3],
                                                   "  ".join(number(x) for x in r[4])))
    return out


def block(kind, arg):
    if kind == "seeds":
        return seed_spread()
    if kind == "validate":
        out = gilsim("validate", "--data", "probes/data/linux-kvm-2core", "--out", os.path.join(OUT, "validation"))
        return [l for l in out.splitlines() if not l.startswith("wrote ")]
    if kind == "sweep":
        # A sweep resumes from the points on disk: start afresh, as the README's reader does.
        shutil.rmtree(os.path.join(OUT, os.path.splitext(os.path.basename(arg))[0]), ignore_errors=True)
        out = gilsim("sweep", arg, "--out", OUT, "--jobs", "2").replace(OUT, "output")
        return [l for l in out.splitlines() if l.strip()]
    if kind == "output":
        # As a user sees it: the default output folder, relative to the repository.
        out = gilsim("run", arg).splitlines()
        while out and not out[0].strip():
            out.pop(0)
        return out
    out = gilsim("run", arg, "--out", OUT).splitlines()
    start = next(i for i, l in enumerate(out) if l.startswith("variant"))
    end = next((i for i in range(start, len(out))
                if not out[i].strip() or out[i].startswith("(") or out[i].startswith("wrote ")), len(out))
    return out[start:end]


def main():
    only = set(sys.argv[1:])
    path = os.path.join(ROOT, "README.md")
    lines = open(path, encoding="utf-8").read().split("\n")
    result = []
    i = 0
    while i < len(lines):
        m = MARKER.match(lines[i])
        result.append(lines[i])
        i += 1
        if not m:
            continue
        kind = m.group(1) or m.group(3)
        if i >= len(lines) or not lines[i].startswith("```"):
            sys.exit("README.md:%d: a marker must be followed by a fenced block" % i)
        result.append(lines[i])
        i += 1
        start = i
        while i < len(lines) and not lines[i].startswith("```"):
            i += 1
        if only and kind not in only:
            result.extend(lines[start:i])
            continue
        result.extend(block(kind, m.group(2)))
        print("regenerated the block after README.md:%d (%s %s)" % (len(result), kind, m.group(2) or ""))
    open(path, "w", encoding="utf-8").write("\n".join(result))


if __name__ == "__main__":
    main()
