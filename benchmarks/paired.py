"""Two sides timed in turns: ours and the baseline, sample by sample (AB, BA, AB, …), in
repeated rounds, so a slower moment of a shared machine falls on both. Each round gives a
ratio of the medians; the figure is the median of those ratios with its spread (the middle
half of them), and is printed with no more decimals than the spread allows."""

from __future__ import annotations

import math
import statistics
import time
from typing import Callable

P99_SAMPLES = 200  # fewer than this and the "p99" is the maximum: called so


def tail(samples: list[float]) -> dict:
    """p99 when there are enough samples for one, else the maximum, named as it is."""
    ordered = sorted(samples)
    if len(ordered) >= P99_SAMPLES:
        return {"p99": ordered[min(len(ordered) - 1, math.ceil(len(ordered) * 0.99) - 1)]}
    return {"max": ordered[-1]}


def quartiles(values: list[float]) -> tuple[float, float]:
    if len(values) < 2:
        return values[0], values[0]
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], q[2]


def summary(samples: list[float], scale: float, unit: str) -> dict:
    out = {f"median_{unit}": statistics.median(samples) * scale, "samples": len(samples)}
    out.update({f"{k}_{unit}": v * scale for k, v in tail(samples).items()})
    return out


def paired(ours: Callable[[], object], base: Callable[[], object], rounds: int, per_round: int,
           before: Callable[[], object] | None = None,
           before_ours: Callable[[], object] | None = None,
           before_base: Callable[[], object] | None = None,
           after_ours: Callable[[], object] | None = None,
           after_base: Callable[[], object] | None = None) -> dict:
    """Times ``ours`` and ``base`` in turns; the ``before``/``after`` hooks run untimed
    (``before`` ahead of every sample of either side: the change a terminal sees)."""
    a_all: list[float] = []
    b_all: list[float] = []
    ratios: list[float] = []
    turn = 0
    for _ in range(rounds):
        a_round: list[float] = []
        b_round: list[float] = []
        for _ in range(per_round):
            order = ((ours, before_ours, after_ours, a_round), (base, before_base, after_base, b_round))
            for action, pre, post, into in (order if turn % 2 == 0 else order[::-1]):
                if before:
                    before()
                if pre:
                    pre()
                started = time.perf_counter()
                action()
                into.append(time.perf_counter() - started)
                if post:
                    post()
            turn += 1
        ratios.append(statistics.median(a_round) / statistics.median(b_round))
        a_all += a_round
        b_all += b_round
    low, high = quartiles(ratios)
    return {"ours": summary(a_all, 1e6, "us"), "base": summary(b_all, 1e6, "us"),
            "ratio": statistics.median(ratios), "spread": [low, high], "rounds": rounds,
            "round_ratios": ratios}


def decimals(low: float, high: float) -> int:
    """As many decimals as the spread's width supports (at least one significant step)."""
    width = high - low
    if width <= 0:
        return 2
    return max(0, min(3, -math.floor(math.log10(width))))


def shown(value: float, low: float, high: float) -> str:
    """``1.7 (1.6–1.8)``: the value and its spread, to the precision the spread allows."""
    d = decimals(low, high)
    return f"{value:.{d}f} ({low:.{d}f}–{high:.{d}f})"
