#!/usr/bin/env python3
"""Reads gilreplica's JSON (stdin or files) and prints, per run: the heartbeat's lag, and for every
requested hand-off who won it (the asker, the loop, another spinner), how long after the request
the holder dropped, and how long the other waiters had been waiting.

    ./gilreplica --spinners 2 --loop 1 | python3 analyse.py
"""
import json
import sys

REQUEST, DROP, TAKE, WAIT_ENTER, WAIT_TIMEOUT, WAIT_SIGNAL, LAG, FORCED_BACK = range(1, 9)


def pct(xs, q):
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def analyse(doc):
    ev = doc["events"]
    loop = doc["spinners"] if doc["loop"] else -1
    lags = [e[3] / 1e6 for e in ev if e[1] == LAG]
    waiting_since = {}
    outcomes = []  # (winner kind, drop delay us, youngest other waiter's age us, n others)
    pending = None
    for t, kind, th, arg in ev:
        if kind == WAIT_ENTER:
            waiting_since[th] = t
        elif kind == TAKE:
            waiting_since.pop(th, None)
            if pending is not None:
                asker, t_req, t_drop, others = pending
                if t_drop is not None:
                    who = "asker" if th == asker else ("loop" if th == loop else "other")
                    youngest = min((t_req - s for s in others.values()), default=None)
                    outcomes.append((who, (t_drop - t_req) / 1e3,
                                     None if youngest is None else youngest / 1e3, len(others),
                                     any(k == loop for k in others)))
                pending = None
        elif kind == REQUEST:
            others = {k: v for k, v in waiting_since.items() if k != th}
            pending = (th, t, None, others)
        elif kind == DROP and pending is not None and pending[2] is None and arg:
            pending = (pending[0], pending[1], t, pending[3])
    print("run: spinners=%d loop=%d interval=%dus pin_loop=%d pin_spinners=%d sleep=%s check=%dns"
          % (doc["spinners"], doc["loop"], doc["interval_us"], doc["pin_loop"], doc["pin_spinners"],
             doc["sleep"], doc["check_ns"]))
    if lags:
        print("  heartbeat lag ms: n=%d p10=%.3f p50=%.3f p90=%.3f p99=%.3f"
              % (len(lags), pct(lags, .1), pct(lags, .5), pct(lags, .9), pct(lags, .99)))
    with_choice = [o for o in outcomes if o[3] > 0]
    print("  requested hand-offs: %d, %d with another waiter" % (len(outcomes), len(with_choice)))
    for label, sel in (("other waiter began < 200 us before the request", lambda o: o[2] < 200),
                       ("other waiter began >= 200 us before", lambda o: o[2] >= 200),
                       ("the loop among the other waiters", lambda o: o[4]),
                       ("only spinners waiting", lambda o: not o[4])):
        part = [o for o in with_choice if sel(o)]
        if part:
            won = sum(1 for o in part if o[0] == "asker")
            delays = [o[1] for o in part]
            print("  %-48s n=%4d  asker wins %3.0f%%  drop after request p50 %.1f us p90 %.1f us"
                  % (label, len(part), 100.0 * won / len(part), pct(delays, .5), pct(delays, .9)))
    for label, sel in (("asker won", lambda o: o[0] == "asker"), ("asker lost", lambda o: o[0] != "asker")):
        part = [o[1] for o in with_choice if sel(o)]
        if part:
            print("  %-48s drop after request p10 %.1f p50 %.1f p90 %.1f us"
                  % (label, pct(part, .1), pct(part, .5), pct(part, .9)))


def main():
    texts = [open(f).read() for f in sys.argv[1:]] or [sys.stdin.read()]
    for text in texts:
        for line in text.splitlines():
            if line.strip():
                analyse(json.loads(line))


if __name__ == "__main__":
    main()
