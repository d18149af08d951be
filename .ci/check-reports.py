#!/usr/bin/env python3
"""Opens every shipped scenario's report.html in headless Chromium and fails on what a reader would
see broken: an image that does not load, a missing section, a horizontal scrollbar at 1280 px, or
a page over 12,000 px tall. Usage: .ci/check-reports.py OUT_DIR (run folders from gilsim run)."""
import glob
import os
import re
import subprocess
import sys

HARNESS = """<!DOCTYPE html><html><body>
<iframe id="r" src="report.html" style="width:1280px;height:900px;border:0"></iframe>
<pre id="result">pending</pre>
<script>
const frame = document.getElementById('r');
frame.onload = () => setTimeout(() => {
  const d = frame.contentDocument;
  const problems = [];
  for (const img of d.images) {
    if (!img.complete || img.naturalWidth === 0) problems.push('broken image ' + img.getAttribute('src'));
  }
  for (const id of ['parameters']) {
    if (!d.getElementById(id)) problems.push('missing section #' + id);
  }
  const root = d.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) problems.push('horizontal scrollbar: ' + root.scrollWidth + ' px wide');
  if (root.scrollHeight > 12000) problems.push('page ' + root.scrollHeight + ' px tall');
  document.getElementById('result').textContent = problems.length ? 'PROBLEMS: ' + problems.join('; ') : 'RESULT OK';
}, 500);
</script></body></html>
"""

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--allow-file-access-from-files", "--virtual-time-budget=10000", "--window-size=1300,1000"]


def main():
    out = sys.argv[1]
    reports = sorted(glob.glob(os.path.join(out, "*", "report.html")))
    if not reports:
        sys.exit("no report.html under " + out)
    failed = 0
    for report in reports:
        folder = os.path.dirname(report)
        harness = os.path.join(folder, "browser-check.html")
        with open(harness, "w") as f:
            f.write(HARNESS)
        profile = os.path.join(folder, ".chromium-profile")
        r = subprocess.run(["chromium"] + FLAGS + ["--user-data-dir=" + profile, "--dump-dom", "file://" + harness],
                           capture_output=True, text=True, timeout=120)
        m = re.search(r'<pre id="result">([^<]*)</pre>', r.stdout)
        verdict = m.group(1) if m else "no result (chromium: " + r.stderr.strip()[-200:] + ")"
        name = os.path.basename(folder)
        if verdict != "RESULT OK":
            failed += 1
            print("FAIL %s: %s" % (name, verdict))
        else:
            print("ok   %s" % name)
    if failed:
        sys.exit("%d of %d reports fail the browser check" % (failed, len(reports)))


if __name__ == "__main__":
    main()
