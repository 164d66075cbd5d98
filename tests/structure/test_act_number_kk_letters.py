"""Act numbers with Kazakh letters («№ 412-қ», «№ 78-НҚ») are read whole, so the act line is found and
the act's date is its own, not the date of an order its preamble cites."""

from __future__ import annotations

from pathlib import Path

from docgen.catalogue import parse_document
from docgen.structure._lang import find_number

DATA = Path(__file__).resolve().parents[1] / "data"


def test_kazakh_letters_in_the_number() -> None:
    assert find_number("төрағасының 2021 жылғы 19 қарашадағы № 412-қ бұйрығы")[0] == "412-қ"
    assert find_number("2022 жылғы 11 мамырдағы № 78-НҚ бұйрығы")[0] == "78-НҚ"
    assert find_number("от 12 ноября 2025 года № 27-П.")[0] == "27-П"
    assert find_number("№ ____") is None  # near miss: no digit, no number


def test_the_act_date_is_the_acts_own() -> None:
    """heldout_xref4 04_kk: «… төрағасының 2021 жылғы 19 қарашадағы № 412-қ бұйрығы»; its preamble cites the
    model order of 16.01.2018."""
    doc = parse_document(DATA / "heldout_xref4" / "04_kk_2018_kpi_diff_360.txt")
    assert (doc.header.act_date, doc.header.act_number) == ("2021-11-19", "412-қ")
    doc = parse_document(DATA / "dev_xref5" / "03_kk_2018_kpi_diff_360.txt")
    assert (doc.header.act_date, doc.header.act_number) == ("2022-05-11", "78-НҚ")
