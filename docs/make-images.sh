#!/usr/bin/env bash
# Regenerates every image the README shows, from fresh runs of the shipped scenarios:
#   docs/images/pow-loop-lag-percentiles.png   loop lag by percentile, thread pool vs process pool
#   docs/images/pow-timeline-thread-reused.png  the GIL timeline around one pow() call, thread pool
#   docs/images/pow-timeline-process-reused.png the same, process pool
#   docs/images/sleeper-percentiles.png         the sleeper's return delay by percentile
#   docs/images/sleeper-timeline.png            60 ms of the sleeper beside a CPU-bound thread
#   docs/images/switch-interval-sweep.png       the switch-interval sweep's chart
#   docs/images/validation-*.png                gilsim against the committed real measurements
#                                               (validation-amd-*: the second host, with its profile)
#   docs/images/report-*.png                    the top of two report.html pages, in headless Chromium
# Usage: docs/make-images.sh   (from anywhere; builds the jar if needed; takes about a minute)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/docs-run"
# A sweep resumes from the points it finds: start clean, or a changed model keeps old points.
rm -rf "$out"
images="$root/docs/images"
mkdir -p "$images"

# One pow() request a second from 0.5 s on; the warm-up ends at 1 s: the call at 1.5 s.
"$root/gilsim" run "$root/scenarios/pow-thread-pool-vs-process-pool.yaml" --out "$out" --window 1.49s..1.83s >/dev/null
charts="$out/pow-thread-pool-vs-process-pool/charts"
cp "$charts/percentiles-loop_lag-api-0.png" "$images/pow-loop-lag-percentiles.png"
cp "$charts/timeline-thread-reused.png" "$images/pow-timeline-thread-reused.png"
cp "$charts/timeline-process-reused.png" "$images/pow-timeline-process-reused.png"

"$root/gilsim" run "$root/scenarios/sleeper-beside-cpu.yaml" --out "$out" --window 500ms..560ms >/dev/null
charts="$out/sleeper-beside-cpu/charts"
cp "$charts/percentiles-return_delay-app-sleeper.png" "$images/sleeper-percentiles.png"
cp "$charts/timeline-base.png" "$images/sleeper-timeline.png"

"$root/gilsim" sweep "$root/scenarios/switch-interval-sweep.yaml" --out "$out" >/dev/null
cp "$out/switch-interval-sweep/sweep/sweep-threads.server_echo.iterations_per_s.png" "$images/switch-interval-sweep.png"

# gilsim against real CPython (the committed measurements): lag by thread count, and one CDF.
"$root/gilsim" validate --data "$root/probes/data/linux-kvm-2core" --out "$out/validation" >/dev/null
charts="$out/validation/report/charts"
cp "$charts/versus-3.12.1-heartbeat-5ms-loop-lag-p50.png" "$images/validation-heartbeat-5ms-p50.png"
cp "$charts/cdf-3.13.0-heartbeat-5ms-4cpu.png" "$images/validation-cdf-heartbeat-5ms-4cpu.png"
# The second host (AMD) with its calibrated profile: the same lag by thread count.
"$root/gilsim" validate --data "$root/probes/data/linux-kvm-2core-amd" \
  --profile "$root/probes/profiles/linux-kvm-2core-amd.yaml" --out "$out/validation-amd" >/dev/null
cp "$out/validation-amd/report/charts/versus-3.12.1-heartbeat-5ms-loop-lag-p50.png" \
  "$images/validation-amd-heartbeat-5ms-p50.png"
# The top of two reports as a reader sees them (Debian's chromium; skipped with a note if absent).
if command -v chromium >/dev/null 2>&1; then
  # Relative paths, as a reader would type them: the report names the scenario file it ran.
  (cd "$root" && ./gilsim run scenarios/switch-interval.yaml scenarios/pow-thread-pool-vs-process-pool.yaml \
    --out "$out/reports" >/dev/null)
  for page in "pow-thread-pool-vs-process-pool report-pow" "switch-interval report-switch-interval"; do
    set -- $page
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
      --disable-component-update --disable-sync --user-data-dir="$out/.chromium" --hide-scrollbars \
      --window-size=1280,1500 --screenshot="$images/$2.png" "file://$out/reports/$1/report.html" >/dev/null 2>&1
  done
else
  echo "no chromium: the report screenshots are left as they are" >&2
fi
echo "wrote $(ls "$images" | wc -l) images in docs/images (full runs under $out)"
