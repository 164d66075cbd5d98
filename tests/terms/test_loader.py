"""docgen.terms loader: the package's term base validates, and each malformed file or entry is refused
with one line naming the file and the entry."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from docgen.errors import InputError
from docgen.terms import EVIDENCE, PATH, default_terms, load_terms

ROOT = Path(__file__).resolve().parents[2]
SEEDS = {p.name[:3] for p in ROOT.glob("legal_corpus/acts/*/[0-9][0-9][0-9]_*.txt")}

GOOD = """
terms:
  - id: t.param5
    kk: "Тәртіптік жазалардың болмауы"
    ru: "Отсутствие дисциплинарных взысканий"
    source: {kk: {act: "003", where: "1-қосымша"}, ru: {act: "004", where: "Приложение 1"}}
    evidence: aligned
  - id: t.superior
    kk: "Жоғары тұрған басшы"
    ru: "Вышестоящий руководитель"
    kk_variants: ["Жоғары тұрған  басшы:"]
    source: {kk: {act: "000", where: "1-қосымша"}}
    evidence: written
    reviewed: false
    note: "ru written"
"""


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "terms.yaml"
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def test_good_file_loads_typed_entries(tmp_path: Path) -> None:
    tb = load_terms(_write(tmp_path, GOOD))
    assert [t.id for t in tb.terms] == ["t.param5", "t.superior"]
    first, second = tb.terms
    assert first.source["kk"].act == "003" and first.source["ru"].where == "Приложение 1"
    assert first.reviewed is None and second.reviewed is False
    assert second.variants["kk"] == ("Жоғары тұрған  басшы:",)
    assert "ru" not in second.source


def _entry(**fields: str) -> str:
    base = {
        "id": "t.one",
        "kk": '"Параметрлер"',
        "ru": '"Параметры"',
        "source": '{kk: {act: "003", where: "1-қосымша"}, ru: {act: "004", where: "Приложение 1"}}',
        "evidence": "aligned",
    }
    base.update(fields)
    body = "\n".join(f"    {k}: {v}" for k, v in base.items() if v != "DROP")
    return "terms:\n  - " + body.lstrip()


BAD = [
    ("no id", _entry(id="DROP"), "entry 1: entry has no id"),
    ("empty kk", _entry(kk='""'), "entry t.one: kk is missing or empty"),
    ("blank ru", _entry(ru='"   "'), "entry t.one: ru is missing or empty"),
    ("missing ru", _entry(ru="DROP"), "entry t.one: ru is missing or empty"),
    ("bad evidence", _entry(evidence="guessed"), "одной из: aligned, written"),
    ("no evidence", _entry(evidence="DROP"), "одной из: aligned, written"),
    ("no source", _entry(source="DROP"), "entry t.one: source must map kk/ru"),
    (
        "aligned with one side",
        _entry(source='{kk: {act: "003", where: "1-қосымша"}}'),
        "an aligned entry needs a source for both kk and ru",
    ),
    ("written without reviewed", _entry(evidence="written"), "a written entry needs reviewed: true or false"),
    ("reviewed not bool", _entry(evidence="written", reviewed='"no"'), "needs reviewed: true or false"),
    ("unquoted act", _entry(source="{kk: {act: 3, where: x}, ru: {act: 4, where: y}}"), "quoted seed number"),
    ("source language", _entry(source='{en: {act: "003", where: "x"}}'), "source language must be kk or ru"),
    ("unknown field", _entry(comment='"x"'), "unknown field 'comment'"),
    ("variants not a list", _entry(kk_variants='"x"'), "kk_variants must be a list of non-empty texts"),
    ("number slots differ", _entry(kk='"{n}-тоқсан"', ru='"квартал"'), "the same number of {n}"),
]


@pytest.mark.parametrize(("case", "text", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_entry_is_one_line_naming_file_and_entry(
    tmp_path: Path, case: str, text: str, message: str
) -> None:
    p = _write(tmp_path, text)
    with pytest.raises(InputError) as exc:
        load_terms(p)
    line = exc.value.one_line()
    assert "\n" not in line
    assert line.startswith(f"{p}:entry ")
    assert message in line
    assert exc.value.exit_code == 2


def test_duplicate_id_and_duplicate_text_are_refused(tmp_path: Path) -> None:
    one = _entry()
    twice = one + "\n" + one.replace("terms:\n", "")
    with pytest.raises(InputError, match=r"terms.yaml:entry t.one: id used twice"):
        load_terms(_write(tmp_path, twice))
    # another id, the same Kazakh text once normalised (case, punctuation): ambiguous for ru -> kk
    other = (
        one.replace("t.one", "t.two")
        .replace('"Параметрлер"', '"ПАРАМЕТРЛЕР:"')
        .replace('"Параметры"', '"Параметры 2"')
    )
    with pytest.raises(InputError, match=r"entry t.two: same kk text as entry t.one"):
        load_terms(_write(tmp_path, one + "\n" + other.replace("terms:\n", "")))


def test_file_level_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"terms.yaml:top level: expected a mapping with a list"):
        load_terms(_write(tmp_path, "terms: {}\n"))
    with pytest.raises(InputError, match=r"terms.yaml:line \d+: ошибка в YAML"):
        load_terms(_write(tmp_path, "terms:\n  - id: [x\n"))
    with pytest.raises(InputError, match="не удаётся прочитать"):
        load_terms(tmp_path / "absent.yaml")


def test_package_term_base_is_valid_and_sourced() -> None:
    tb = load_terms(PATH)
    assert default_terms().terms == tb.terms
    assert len(tb.terms) >= 350
    for t in tb.terms:
        assert t.evidence in EVIDENCE
        assert t.id.split(".")[0] in {"common", "e0", "e1", "e4"}, t.id
        for side in t.source.values():
            assert side.act in SEEDS, (t.id, side.act)
            assert "қосымша" in side.where or "Приложение" in side.where or "тармақ" in side.where, t.id
        if t.evidence == "aligned":
            assert set(t.source) == {"kk", "ru"}
        else:
            assert t.reviewed is False and len(t.source) == 1, t.id
    aligned = [t for t in tb.terms if t.evidence == "aligned"]
    # the aligned entries come from the only pair that prints the same model in both languages
    assert {(t.source["kk"].act, t.source["ru"].act) for t in aligned} <= {("003", "004"), ("000", "004")}


def test_rows_dictionary_pairs_are_all_in_the_term_base() -> None:
    """Every [kk, ru] pair of docgen/data/rows_kk_ru.yaml is kept (that file stays as it is)."""
    import yaml

    rows = yaml.safe_load((ROOT / "docgen" / "data" / "rows_kk_ru.yaml").read_text(encoding="utf-8"))
    tb = default_terms()
    for kk, ru in rows["pairs"]:
        found = tb.lookup(kk, "kk")
        assert found is not None, kk
        assert tb.lookup(ru, "ru") is not None, ru
        # the same entry both ways: the pair is one entry, not two that happen to match
        assert tb.lookup(ru, "ru")[0].id == found[0].id, (kk, ru)
