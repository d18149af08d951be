#!/usr/bin/env bash
# Regenerates the images the README shows, from a fresh run of the sleeper scenario:
#   docs/sleeper-percentiles.png  the sleeper's return delay by percentile
#   docs/sleeper-timeline.png     the GIL timeline of 60 ms after the warm-up
# Usage: docs/make-images.sh   (from anywhere; builds the jar if needed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/docs-run"
"$root/gilsim" run "$root/scenarios/sleeper-beside-cpu.yaml" --out "$out" --window 500ms..560ms >/dev/null
charts="$out/sleeper-beside-cpu/charts"
cp "$charts/percentiles-return_delay-app-sleeper.png" "$root/docs/sleeper-percentiles.png"
cp "$charts/timeline-base.png" "$root/docs/sleeper-timeline.png"
echo "wrote docs/sleeper-percentiles.png and docs/sleeper-timeline.png (full run: $out/sleeper-beside-cpu/report.html)"
