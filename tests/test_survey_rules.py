"""The survey's arithmetic (PermenPANRB No. 14/2017): NRR, IKM, the grade tables, and
Krejcie–Morgan's minimum sample, each against values printed outside this program."""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

import pytest

from data.office_survey import DEFAULT_QUESTIONS, ELEMENTS
from kiosk.desk import survey_index as index

# Krejcie & Morgan (1970), "Determining sample size for research activities", Educational
# and Psychological Measurement 30, 607–610, Table 1, as reprinted on
# scribd.com/document/479054838 ("Table for Determining the Needed Size of a Randomly
# Chosen Sample from a Given Finite Population"): every entry, population -> sample.
KREJCIE_MORGAN = {
    10: 10, 15: 14, 20: 19, 25: 24, 30: 28, 35: 32, 40: 36, 45: 40, 50: 44, 55: 48, 60: 52,
    65: 56, 70: 59, 75: 63, 80: 66, 85: 70, 90: 73, 95: 76, 100: 80, 110: 86, 120: 92,
    130: 97, 140: 103, 150: 108, 160: 113, 170: 118, 180: 123, 190: 127, 200: 132, 210: 136,
    220: 140, 230: 144, 240: 148, 250: 152, 260: 155, 270: 159, 280: 162, 290: 165, 300: 169,
    320: 175, 340: 181, 360: 186, 380: 191, 400: 196, 420: 201, 440: 205, 460: 210, 480: 214,
    500: 217, 550: 226, 600: 234, 650: 242, 700: 248, 750: 254, 800: 260, 850: 265, 900: 269,
    950: 274, 1000: 278, 1100: 285, 1200: 291, 1300: 297, 1400: 302, 1500: 306, 1600: 310,
    1700: 313, 1800: 317, 1900: 320, 2000: 322, 2200: 327, 2400: 331, 2600: 335, 2800: 338,
    3000: 341, 3500: 346, 4000: 351, 4500: 354, 5000: 357, 6000: 361, 7000: 364, 8000: 367,
    9000: 368, 10000: 370, 15000: 375, 20000: 377, 30000: 379, 40000: 380, 50000: 381,
    75000: 382, 1000000: 384,
}


@pytest.mark.parametrize("population, sample", sorted(KREJCIE_MORGAN.items()))
def test_the_minimum_sample_is_krejcie_and_morgans_table(population, sample):
    assert index.minimum_sample(population) == sample


def test_the_article_s_own_example_and_small_populations():
    # "enter Table 1 at N = 9000. The sample size ... is 368" (the article, studylib.net
    # doc 25399219); a population smaller than the table's first entry is asked entirely.
    assert index.minimum_sample(9000) == 368
    assert [index.minimum_sample(n) for n in (0, 1, 2, 5)] == [0, 1, 2, 5]


def test_the_elements_are_the_regulation_s_nine_in_its_order():
    # PermenPANRB 14/2017, the list of elements (e.g. qims-consulting.com: "1. Persyaratan
    # 2. Sistem, mekanisme dan prosedur 3. Waktu penyelesaian 4. Biaya/Tarif 5. Produk
    # Spesifikasi Jenis Pelayanan 6. Kompetensi Pelaksana 7. Perilaku Pelaksana
    # 8. Penanganan Pengaduan 9. Sarana dan Prasarana").
    assert [q.name.lower() for q in DEFAULT_QUESTIONS] == [
        "persyaratan", "sistem, mekanisme, dan prosedur", "waktu penyelesaian", "biaya/tarif",
        "produk spesifikasi jenis pelayanan", "kompetensi pelaksana", "perilaku pelaksana",
        "penanganan pengaduan, saran dan masukan", "sarana dan prasarana"]
    assert len(ELEMENTS) == 9
    # The annex's questionnaire: its answers, worst (1) to best (4).
    assert DEFAULT_QUESTIONS[3].answers == ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")
    assert DEFAULT_QUESTIONS[7].answers == ("Tidak ada", "Ada tetapi tidak berfungsi",
                                            "Berfungsi kurang maksimal", "Dikelola dengan baik")


def test_a_worked_example_by_hand():
    # Four respondents. Not the annex's own example (its numeric example was not found in
    # the sources at hand), but its method, worked by hand:
    # column sums 14 13 12 16 12 14 15 8 11 -> NRR 3.5 3.25 3 4 3 3.5 3.75 2 2.75;
    # Σ NRR = 28.75; × 1/9 = 3.19444…; × 25 = 79.861… -> IKM 79.86, grade B (76.61–88.30).
    # With the annex's rounded weight 0.11: 28.75 × 0.11 = 3.1625; × 25 = 79.0625 -> 79.06.
    rows = [(4, 3, 3, 4, 3, 4, 4, 2, 3), (3, 4, 3, 4, 3, 3, 4, 2, 3),
            (4, 3, 3, 4, 3, 4, 3, 2, 3), (3, 3, 3, 4, 3, 3, 4, 2, 2)]
    means = index.nrr(rows)
    assert means == tuple(Fraction(x) for x in ("3.5", "3.25", "3", "4", "3", "3.5", "3.75", "2",
                                                 "2.75"))
    assert index.ikm(means, "exact") == Decimal("79.86")
    assert index.ikm(means, "rounded") == Decimal("79.06")
    assert index.grade(index.ikm(means, "exact")) == "B"
    assert index.weakest_first(means)[:2] == (7, 8)  # complaints, then facilities


def test_a_published_tabulation():
    # e-smile.tubaba.go.id, "Pengolahan data survei kepuasan masyarakat per responden dan
    # per unsur pelayanan tahun 2023 semester 1": one respondent, 4 on every element;
    # NRR 4 each, IKM 100 (Sangat Baik). With the annex's printed weight 0.11 the same
    # answers give 25 × 36 × 0.11 = 99.00, still A.
    means = index.nrr([(4,) * 9])
    assert index.ikm(means, "exact") == Decimal("100.00")
    assert index.ikm(means, "rounded") == Decimal("99.00")
    assert index.grade(Decimal("100.00")) == index.grade(Decimal("99.00")) == "A"


def test_generated_data_against_an_independent_computation():
    generator = random.Random(16)
    for _ in range(200):
        count = generator.randint(1, 60)
        rows = [[generator.choice((1, 2, 3, 4, 4, 3)) for _ in range(9)] for _ in range(count)]
        # Independently: in hundredths of an IKM point, with integers only.
        # IKM = 25 × Σ(sum_i / n) / 9 = 25 × total / (9 n); in hundredths, rounded half up.
        total = sum(map(sum, rows))
        hundredths = (2 * 2500 * total + 9 * count) // (2 * 9 * count)
        expected = Decimal(hundredths) / 100
        assert index.ikm(index.nrr(rows), "exact") == expected
        # With the weight 11/100: 100 × 25 × 11/100 × total / n = 275 × total / n hundredths.
        rounded = (2 * 275 * total + count) // (2 * count)
        assert index.ikm(index.nrr(rows), "rounded") == Decimal(rounded) / 100
        letter = ("D" if expected < Decimal("65") else "C" if expected < Decimal("76.61")
                  else "B" if expected < Decimal("88.31") else "A")
        assert index.grade(expected) == letter


@pytest.mark.parametrize("ikm, letter", [
    ("25.00", "D"), ("64.99", "D"), ("65.00", "C"), ("76.60", "C"), ("76.61", "B"),
    ("88.30", "B"), ("88.31", "A"), ("100.00", "A")])
def test_every_boundary_of_the_ikm_table(ikm, letter):
    assert index.grade(Decimal(ikm)) == letter


@pytest.mark.parametrize("mean, letter", [
    ("1.00", "D"), ("2.5996", "D"), ("2.5998", "D"), ("2.60", "C"), ("3.064", "C"),
    ("3.0642", "C"), ("3.0644", "B"), ("3.532", "B"), ("3.5322", "B"), ("3.5324", "A"),
    ("4.00", "A")])
def test_every_boundary_of_the_mean_score_table(mean, letter):
    assert index.grade_of_mean(mean) == letter


@pytest.mark.parametrize("outside", ["24.99", "100.01"])
def test_an_index_outside_the_table_is_a_mistake(outside):
    with pytest.raises(ValueError):
        index.grade(Decimal(outside))
