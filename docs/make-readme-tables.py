#!/usr/bin/env python3
"""Regenerates the README's tables from fresh runs of the shipped scenarios.

A fenced block preceded by a marker line is replaced by what gilsim prints:
    <!-- output: scenarios/X.yaml -->   the whole console output of `gilsim run scenarios/X.yaml`
    <!-- table: scenarios/X.yaml -->    only its variant table (from the line starting "variant")
    <!-- sweep: scenarios/X.yaml -->    the console output of `gilsim sweep scenarios/X.yaml`
    <!-- validate -->                   the score lines of `gilsim validate --data probes/data/...`
Usage: docs/make-readme-tables.py   (from anywhere; builds the jar if needed). The prose around the
tables quotes their numbers: read the diff and update it by hand.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "target", "readme-run")
MARKER = re.compile(r"^<!-- (output|table|sweep): (\S+) -->$|^<!-- (validate) -->$")


def gilsim(*args):
    r = subprocess.run([os.path.join(ROOT, "gilsim")] + list(args), cwd=ROOT, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.exit("gilsim %s failed:\n%s" % (" ".join(args), r.stderr))
    return r.stdout


def block(kind, arg):
    if kind == "validate":
        out = gilsim("validate", "--data", "probes/data/linux-kvm-2core", "--out", os.path.join(OUT, "validation"))
        return [l for l in out.splitlines() if not l.startswith("wrote ")]
    if kind == "sweep":
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
        while i < len(lines) and not lines[i].startswith("```"):
            i += 1
        result.extend(block(kind, m.group(2)))
        print("regenerated the block after README.md:%d (%s %s)" % (len(result), kind, m.group(2) or ""))
    open(path, "w", encoding="utf-8").write("\n".join(result))


if __name__ == "__main__":
    main()
