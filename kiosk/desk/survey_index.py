"""The arithmetic of the satisfaction survey (SKM), as PermenPANRB No. 14/2017 sets it.

- NRR (nilai rata-rata) per element: the mean of its scores (1–4) over the respondents.
- IKM = 25 × Σ (NRR × weight); the weight is 1/9 each (nine elements); the annex prints it
  rounded, 0,11, which an office may choose in its profile ([survey] weight = "rounded").
  Computed in exact fractions; only the IKM is rounded, to two decimals (half up).
- The grade, from the annex's conversion table: IKM 25,00–64,99 D (tidak baik),
  65,00–76,60 C (kurang baik), 76,61–88,30 B (baik), 88,31–100,00 A (sangat baik); the same
  table read on the mean score: 1,00–2,5996, 2,60–3,064, 3,0644–3,532, 3,5324–4,00.
  (As printed, e.g. on e-smile.tubaba.go.id's SKM report: "A (Sangat Baik) = 88,31 - 100,00 …
  D (Tidak Baik) = 25,00 - 64,99".)
- The minimum sample of a population (the numbers served in the period): Krejcie and
  Morgan (1970), s = X²NP(1−P) / (d²(N−1) + X²P(1−P)), X² = 3.841, P = 0.5, d = 0.05.
  Their Table 1 is this formula rounded to the nearest whole number: rounded up it would
  give 15 for N = 15 where the table prints 14 (and 45 of its 90 entries would be one more
  than printed); to the nearest, all 90 match (tests/test_survey_rules.py).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Sequence

ELEMENT_COUNT = 9
LOWEST, HIGHEST = 1, 4
EXACT_WEIGHT = Fraction(1, ELEMENT_COUNT)
ROUNDED_WEIGHT = Fraction(11, 100)  # "bobot nilai rata-rata tertimbang = 1/9 = 0,11"
CENT = Decimal("0.01")

# (lowest, highest, grade) as the conversion table prints them.
IKM_GRADES = ((Decimal("25.00"), Decimal("64.99"), "D"), (Decimal("65.00"), Decimal("76.60"), "C"),
              (Decimal("76.61"), Decimal("88.30"), "B"), (Decimal("88.31"), Decimal("100.00"), "A"))
MEAN_GRADES = ((Fraction("1.00"), Fraction("2.5996"), "D"), (Fraction("2.60"), Fraction("3.064"), "C"),
               (Fraction("3.0644"), Fraction("3.532"), "B"), (Fraction("3.5324"), Fraction("4.00"), "A"))

CHI_SQUARE, PROPORTION, ACCURACY = Fraction("3.841"), Fraction(1, 2), Fraction("0.05")


def weight(kind: str) -> Fraction:
    return ROUNDED_WEIGHT if kind == "rounded" else EXACT_WEIGHT


def nrr(rows: Sequence[Sequence[int]]) -> tuple[Fraction, ...]:
    """Each element's mean score over the respondents (rows of nine scores); empty for none."""
    if not rows:
        return ()
    return tuple(Fraction(sum(row[i] for row in rows), len(rows)) for i in range(ELEMENT_COUNT))


def weighted(means: Sequence[Fraction], kind: str) -> Fraction:
    """Σ (NRR × weight): the weighted mean score, 1 to 4 (to 3.96 with the rounded weight)."""
    return sum((m * weight(kind) for m in means), Fraction(0))


def ikm(means: Sequence[Fraction], kind: str) -> Decimal:
    """The index: 25 × the weighted mean, two decimals."""
    exact = 25 * weighted(means, kind)
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(CENT, ROUND_HALF_UP)


def grade(index: Decimal) -> str:
    """A–D from the IKM (two decimals) by the conversion table."""
    index = index.quantize(CENT, ROUND_HALF_UP)
    for low, high, letter in IKM_GRADES:
        if low <= index <= high:
            return letter
    raise ValueError(f"an IKM is between 25.00 and 100.00, not {index}")


def grade_of_mean(mean: Fraction | Decimal | float | str) -> str:
    """A–D from a mean score by the table's second column. The printed bands leave gaps
    (2.5996–2.60, 3.064–3.0644, 3.532–3.5324); a mean in a gap has not reached the next
    band's lower bound, so it keeps the band below."""
    value = Fraction(str(mean)) if not isinstance(mean, Fraction) else mean
    if not MEAN_GRADES[0][0] <= value <= MEAN_GRADES[-1][1]:
        raise ValueError(f"a mean score is between 1 and 4, not {mean}")
    letter = MEAN_GRADES[0][2]
    for low, _high, band in MEAN_GRADES:
        if value >= low:
            letter = band
    return letter


def minimum_sample(population: int) -> int:
    """Krejcie–Morgan's sample for a population of ``population`` (never more than it)."""
    if population <= 0:
        return 0
    spread = CHI_SQUARE * PROPORTION * (1 - PROPORTION)
    s = CHI_SQUARE * population * PROPORTION * (1 - PROPORTION) / (
        ACCURACY ** 2 * (population - 1) + spread)
    nearest = int(s + Fraction(1, 2))  # half up; s is positive
    return min(population, nearest)


def weakest_first(means: Sequence[Fraction]) -> tuple[int, ...]:
    """The elements' indexes from the lowest NRR to the highest (ties in the regulation's order)."""
    return tuple(sorted(range(len(means)), key=lambda i: (means[i], i)))
