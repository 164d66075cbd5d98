"""Model edition E1 (KPI / differentiation / 360 / calibration) as text and ``docgen draft --model E1``
(issue 11 item 1): the kk text reconstructed point by point from seeds 000 and 002, the ru text written
for docgen and marked unreviewed; drafts for three invented bodies parse back to every value they
state, at its point, as E1-generation acts; check against E1 finds no error; every cross reference
resolves to the provision it is meant for; kk and ru drafts have the same points."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.check import check_path
from docgen.draft import Draft, draft, load_body
from docgen.draft.adapter import cross_references_of, parameters_of, parsed_catalogue
from docgen.draft.body import Body
from docgen.draft.model import PLACEHOLDER, literal_numbers, load_model_text

from .drafted import made
from .test_model_text import _points

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data"
KEYS = set(yaml.safe_load((ROOT / "docgen" / "data" / "keys.yaml").read_text(encoding="utf-8")))
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in (ROOT / "legal_corpus" / "acts").glob("*/*.txt")}
BODIES = ["e1_maslikhat", "e1_committee", "e1_akimat"]
CASES = [(b, lang) for b in BODIES for lang in ("kk", "ru")]


def _paragraphs(prov: dict[str, Any]) -> list[str]:
    return [*prov["text"], *prov.get("items", [])]


def _seed_has_point(seed: str, point: str) -> bool:
    text = SEEDS[seed]
    if point.startswith("app"):  # an appendix caption line: "4-қосымша" (000 prints app. 6 as "б-қосымша")
        digit = "[6б]" if point == "app6" else point[3:]
        return re.search(rf"^\s*(?:әдістемесіне\s+)?{digit}-қосымша\s*$", text, re.M) is not None
    return re.search(rf"^\s*{point}\. ", text, re.M) is not None


def test_kk_provisions_cite_000_or_002_with_evidence() -> None:
    model = load_model_text("E1", "kk")
    assert model.data["reviewed"] is True
    assert len(model.provisions) == 42  # 000 and 002 both have points 1-42
    for number, prov in enumerate(model.provisions, 1):
        assert prov["evidence"] in ("FACT", "SEED-FACT", "INFERRED")
        cited = [prov["source"], *prov["source"].get("also", [])]
        assert {c["act"] for c in cited} == {"000", "002"}, prov["id"]
        for c in cited:  # both seeds number the same provision alike
            assert c["point"] == str(number) and _seed_has_point(c["act"], c["point"]), (prov["id"], c)
    for kind, spec in model.data["appendices"].items():
        assert spec["evidence"] in ("FACT", "SEED-FACT", "INFERRED")
        assert spec["source"]["act"] == "000" and _seed_has_point("000", spec["source"]["point"]), kind


def test_ru_is_marked_unreviewed_provision_by_provision() -> None:
    model = load_model_text("E1", "ru")
    assert model.data["reviewed"] is False
    labels = {p["evidence"] for p in model.provisions}
    labels |= {s["evidence"] for s in model.data["appendices"].values()}
    labels |= {v["evidence"] for v in model.data["values"].values()}
    assert labels == {"UNREVIEWED"}


def test_a_reviewed_text_cannot_carry_the_unreviewed_label(tmp_path: Path) -> None:
    from docgen.draft.model import _validate
    from docgen.editions import ProfileError

    data = yaml.safe_load((ROOT / "legal_corpus/models/texts/E1.ru.yaml").read_text(encoding="utf-8"))
    data["reviewed"] = True
    with pytest.raises(ProfileError, match="evidence"):
        _validate(data, tmp_path / "E1.ru.yaml", "E1", "ru")


def test_kk_and_ru_have_the_same_provisions_slots_and_forms() -> None:
    kk, ru = load_model_text("E1", "kk"), load_model_text("E1", "ru")
    assert [p["id"] for p in kk.provisions] == [p["id"] for p in ru.provisions]
    for a, b in zip(kk.provisions, ru.provisions, strict=True):
        assert a["chapter"] == b["chapter"] and a.get("params") == b.get("params"), a["id"]
        assert set(a.get("states") or {}) == set(b.get("states") or {}), a["id"]
        assert a["source"]["point"] == b["source"]["point"], a["id"]
        refs = [m.group(0) for t in _paragraphs(a) for m in PLACEHOLDER.finditer(t) if m.group(1) != "body"]
        theirs = [m.group(0) for t in _paragraphs(b) for m in PLACEHOLDER.finditer(t) if m.group(1) != "body"]
        # the same values and links (word order and the form of a value's words differ by language)
        assert sorted(r.split(":")[:2] for r in refs if not r.startswith("{n:")) == sorted(
            r.split(":")[:2] for r in theirs if not r.startswith("{n:")
        ), a["id"]
    assert set(kk.data["appendices"]) == set(ru.data["appendices"]) == {f["kind"] for f in kk.forms}
    for kind, spec in kk.data["appendices"].items():
        other = ru.data["appendices"][kind]
        assert spec.get("params") == other.get("params") and spec.get("table_param") == other.get(
            "table_param"
        )
        assert set(spec.get("states") or {}) == set(other.get("states") or {})
    for model in (kk, ru):  # a table fits the 17 cm between the official margins, a row its columns
        for kind, spec in model.data["appendices"].items():
            assert len(spec["widths"]) == len(spec["columns"]) and sum(spec["widths"]) == pytest.approx(17), (
                kind
            )
            assert all(len(row) <= len(spec["columns"]) for row in spec.get("rows", [])), kind
    assert kk.data["values"].keys() == ru.data["values"].keys()
    assert kk.data["values"]["kpi_score_table"]["value"] == ru.data["values"]["kpi_score_table"]["value"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_profile_provision_is_in_the_text_in_order(lang: str) -> None:
    model = load_model_text("E1", lang)
    ids = [p["id"] for p in model.provisions]
    wanted = [p["id"] for p in model.profile["provisions"] if p.get("chapter")]
    positions = [ids.index(i) for i in wanted]
    assert positions == sorted(positions)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_values_are_slots_and_references_are_links(lang: str) -> None:
    model = load_model_text("E1", lang)
    ids = {p["id"] for p in model.provisions}
    kinds = {f["kind"] for f in model.forms}
    stated: set[str] = set()  # a slot restates a value its provision or an earlier one states
    for prov in model.provisions:
        for key in [*prov.get("params", []), *(prov.get("states") or {})]:
            assert key in KEYS, key
            stated.add(key)
        for para in _paragraphs(prov):
            numbers = [n for n in literal_numbers(para) if n != "360"]  # "360" names the method
            if prov["id"] != "purpose":  # point 1 cites the Law (art. 33 p. 5) and order No. 13 of 2018
                assert numbers == [], (prov["id"], para)
            for m in PLACEHOLDER.finditer(para):
                what, arg = m.group(1), m.group(2)
                if what == "ref":
                    assert arg in ids
                if what == "app":
                    assert arg in kinds
                if what in ("p", "n"):
                    key = arg.split(":")[0].split(".")[0]
                    assert key in KEYS and key in stated, (prov["id"], key)
    for spec in model.data["appendices"].values():
        for para in [*spec.get("head", []), *spec.get("notes", []), *spec.get("tail", [])]:
            assert [n for n in literal_numbers(para) if n != "360"] == [], para


def test_body_parameters_name_their_provision() -> None:
    model = load_model_text("E1", "kk")
    assert model.body_parameters
    for key, spec in model.body_parameters.items():
        assert key in KEYS
        prov = next(p for p in model.provisions if p["id"] == spec["provision"])
        assert key in prov["params"]
        assert spec["min"] <= model.value(key, dt.date(2024, 1, 1)) <= spec["max"]


# Where the text is further from both seeds, and why (the provision's source.note says the same):
# 1 joins 000's wording and 002's reference to order No. 13; 20, 40 run into the next chapter heading
# in the seeds; 21, 26 name a structural unit where 000 names the Ministry's units and 002 the
# maslikhat office; 35 numbers the respondents 1) to 3) where the seeds print "- 1)".
DEPARTURES = {"1": 0.7, "20": 0.8, "21": 0.65, "26": 0.7, "35": 0.6, "40": 0.8}


def test_kk_text_reproduces_000_or_002_point_by_point() -> None:
    body = Body(
        {"kk": "Қазақстан Республикасы Энергетика министрлігі", "ru": "-"},
        "ministry",
        "order",
        "1",
        dt.date(2023, 3, 31),
    )
    made = _points(draft("E1", body, "kk").text, "1-тарау", r"^\s*\S.*әдістемесіне\s*$")
    s000 = _points(SEEDS["000"], "1-тарау. Жалпы", r"^\s*1-қосымша\s*$")
    s002 = _points(SEEDS["002"], "Жалпы ережелер", r"^6-т")
    assert len(made) == len(s000) == len(s002) == 42
    for number, text in made.items():
        ratio = max(
            difflib.SequenceMatcher(None, text, seed[number], autojunk=False).ratio() for seed in (s000, s002)
        )
        assert ratio >= DEPARTURES.get(number, 0.85), (number, round(ratio, 3))


def _made(body: str, lang: str, tmp: str) -> tuple[Draft, Any, Path]:
    return made("E1", body, lang, tmp)


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("e1drafts"))


@pytest.mark.parametrize(("body", "lang"), CASES)
def test_parse_gives_every_value_at_its_point_and_the_e1_generation(body: str, lang: str, tmp: str) -> None:
    d, cat, _ = _made(body, lang, tmp)
    assert parameters_of(cat) == d.stated
    assert cat.act.generation == "2018_kpi_diff_360"
    # what the text states, by reading the model text: point 4 the 10th, point 23 three to five KPIs,
    # point 35 three to seven respondents, appendix 3 the KPI score table
    assert d.stated["quarterly_deadline_day"] == {"value": 10, "point": "4"}
    assert d.stated["kpi_min_count"] == {"value": 3, "point": "23"}
    assert d.stated["method360_max_respondents"] == {"value": 7, "point": "35"}
    assert d.stated["kpi_score_table"]["point"] == "app3"
    assert len(d.stated["kpi_score_table"]["value"]) == 21


@pytest.mark.parametrize(("body", "lang"), CASES)
def test_body_parameters_come_back_at_the_model_point(body: str, lang: str, tmp: str) -> None:
    _, cat, _ = _made(body, lang, tmp)
    got = parameters_of(cat)
    for key, value in load_body(DATA / f"{body}.yaml").parameters.items():
        assert got[key] == {"value": value, "point": "31"}  # the additional evaluators provision


@pytest.mark.parametrize(("body", "lang"), CASES)
def test_the_dated_tenure_follows_the_approving_act(body: str, lang: str, tmp: str) -> None:
    d, _, _ = _made(body, lang, tmp)
    # E1.yaml: three months until 2023-02-08, one month after (the committee approves in 2022)
    assert d.stated["min_tenure"]["value"] == (3 if body == "e1_committee" else 1)


@pytest.mark.parametrize(("body", "lang"), CASES)
def test_check_against_e1_has_no_error(body: str, lang: str, tmp: str) -> None:
    d, cat, path = _made(body, lang, tmp)
    day = load_body(DATA / f"{body}.yaml").act_date
    result = check_path(str(path), "E1", as_of=day, catalogue=cat)
    assert [f.code for f in result.findings if f.severity == "error"] == []


CONTENT = {  # words of the provision a link is meant for
    ("deadlines", "kk"): "тоқсаннан кейінгі айдың",
    ("deadlines", "ru"): "числа месяца, следующего за отчетным кварталом",
    ("calibration_application", "kk"): "калибрлеу сессиясын өткізу жөнінде",
    ("calibration_application", "ru"): "о проведении калибровочной сессии",
}


@pytest.mark.parametrize(("body", "lang"), CASES)
def test_cross_references_resolve_to_the_right_content(body: str, lang: str, tmp: str) -> None:
    d, cat, _ = _made(body, lang, tmp)
    points = {b.number: b for b in d.blocks if b.kind == "point"}
    parsed = [r for r in cross_references_of(cat) if "to_point" in r]
    # pp. 5, 6, 22 (twice) -> the deadlines; pp. 37, 39 -> the calibration application
    assert sorted((lk["point"], lk["target_id"]) for lk in d.links) == [
        ("22", "deadlines"),
        ("22", "deadlines"),
        ("37", "calibration_application"),
        ("39", "calibration_application"),
        ("5", "deadlines"),
        ("6", "deadlines"),
    ]
    assert sorted((r["from_point"], str(r["to_point"])) for r in parsed) == sorted(
        (lk["point"], lk["target_point"]) for lk in d.links
    )
    for link in d.links:
        assert CONTENT[(link["target_id"], lang)] in points[link["target_point"]].text
    # the appendix references go to the form of that kind
    apps = {(r["from_point"], int(r["to_appendix"])) for r in cross_references_of(cat) if "to_appendix" in r}
    assert apps == {
        ("22", 1),
        ("27", 2),
        ("27", 3),
        ("29", 4),
        ("31", 4),
        ("33", 5),
        ("33", 6),
        ("36", 7),
        ("36", 8),
    }


@pytest.mark.parametrize("body", BODIES)
def test_kk_and_ru_drafts_have_the_same_points(body: str, tmp: str) -> None:
    kk, _, _ = _made(body, "kk", tmp)
    ru, _, _ = _made(body, "ru", tmp)

    def shape(d: Draft) -> list[tuple[str, str]]:
        return [(b.kind, b.number) for b in d.blocks if b.kind in ("chapter", "point", "item", "appendix")]

    assert shape(kk) == shape(ru)
    assert kk.links == ru.links
    words = {"method360_competencies_leaders", "method360_competencies_staff", "method360_answer_scale"}
    assert {k: v["point"] for k, v in kk.stated.items()} == {k: v["point"] for k, v in ru.stated.items()}
    assert {k: v for k, v in kk.stated.items() if k not in words} == {
        k: v for k, v in ru.stated.items() if k not in words
    }
    for key in words:
        assert len(kk.stated[key]["value"]) == len(ru.stated[key]["value"])


def test_the_profile_ru_wording_makes_a_clean_act(tmp_path: Path) -> None:
    """E1.yaml's Russian wording (unreviewed) generates a text check finds no error in."""
    from docgen.check.generate import generate_clean
    from docgen.check.profiles import load_profile

    profile = load_profile("E1")
    assert profile.data["wording_reviewed"] == {"kk": True, "ru": False}
    text, catalogue = generate_clean(profile, "ru")
    path = tmp_path / "clean_E1_ru.txt"
    path.write_text(text, encoding="utf-8")
    result = check_path(
        str(path), as_of=dt.date.fromisoformat(str(catalogue.act.act_date)), catalogue=catalogue
    )
    assert result.edition == "E1"
    assert [f.code for f in result.findings if f.severity == "error"] == []


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from docgen.cli import main

    with pytest.raises(SystemExit) as exc:
        main(args)
        raise SystemExit(0)
    return int(exc.value.code or 0), capsys.readouterr().err


def test_cli_writes_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from docx import Document

    out = tmp_path / "out"
    code, err = _run(
        ["draft", "--model", "E1", "--body", str(DATA / "e1_akimat.yaml"), "-o", str(out)], capsys
    )
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [
        "methodology.kk.docx",
        "methodology.kk.txt",
        "methodology.ru.docx",
        "methodology.ru.txt",
    ]
    doc = Document(str(out / "methodology.ru.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert "постановлением акимата Теренкольского района" in texts
    assert "Глава 4. Порядок оценки методом 360" in texts
    assert any(t.startswith("42. По результатам калибровочной сессии") for t in texts)
    assert len(doc.tables) == 8  # the eight forms of E1
    kk = (out / "methodology.kk.txt").read_text(encoding="utf-8")
    assert "5-тарау. Калибрлеу сессияларын өткізу және кері байланыс ұсыну тәртібі" in kk
    assert "жүз жиырма адамнан асқан жағдайда" in kk  # the body's threshold, in words
    # the Word documents parse like the text: every value at its point, the E1 generation
    from docgen.draft.adapter import parsed_parameters

    for lang in ("kk", "ru"):
        stated = draft("E1", load_body(DATA / "e1_akimat.yaml"), lang).stated
        assert parsed_parameters(out / f"methodology.{lang}.docx") == stated
        assert parsed_catalogue(out / f"methodology.{lang}.docx").act.generation == "2018_kpi_diff_360"


BAD = [
    (
        "additional_evaluators_threshold: 30",
        "kk",
        ["parameters.additional_evaluators_threshold", "30", "E1", "31-тармағы"],
    ),
    (
        "additional_evaluators_threshold: 30",
        "ru",
        ["parameters.additional_evaluators_threshold", "30", "E1", "пунктом 31", "от 50 до 200"],
    ),
    ("additional_evaluators_threshold: 500", "ru", ["500", "пунктом 31"]),
    ("calibration_min_members: 5", "ru", ["parameters.calibration_min_members", "E1", "не оставляет"]),
]


@pytest.mark.parametrize(("param", "lang", "words"), BAD)
def test_a_value_outside_e1_is_one_line_and_nothing_is_written(
    param: str, lang: str, words: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "BODY.yaml"
    path.write_text(
        "body_name: {kk: А әкімдігі, ru: акимат А}\nbody_kind: akimat\n"
        f"approving_act: {{kind: order, number: 1, date: 2024-01-10}}\nparameters: {{{param}}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, err = _run(["draft", "--model", "E1", "--body", str(path), "--lang", lang, "-o", str(out)], capsys)
    assert code == 2 and err.count("\n") == 1, err
    assert all(w in err for w in words), err
    assert not out.exists()


def test_an_act_dated_after_e1_ended_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "BODY.yaml"
    path.write_text(
        "body_name: {kk: А әкімдігі, ru: акимат А}\nbody_kind: akimat\n"
        "approving_act: {kind: order, number: 1, date: 2025-08-01}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, err = _run(["draft", "--model", "E1", "--body", str(path), "--lang", "ru", "-o", str(out)], capsys)
    assert code == 2 and err.count("\n") == 1
    assert "approving_act.date" in err and "2025-07-31" in err and "E1" in err
    assert not out.exists()


@pytest.mark.parametrize(("body", "lang"), CASES)
def test_the_360_sheets_carry_competencies_and_questions(body: str, lang: str, tmp: str) -> None:
    d, cat, _ = _made(body, lang, tmp)
    forms = {f["kind"]: f for f in cat.to_json()["forms"]}
    for kind, key, count in (
        ("sheet360_leader", "method360_competencies_leaders", 12),
        ("sheet360_staff", "method360_competencies_staff", 8),
    ):
        # the form lists, in order, the competencies point 34 names
        assert [r.lower() for r in forms[kind]["rows"]] == d.stated[key]["value"]
        assert len(forms[kind]["rows"]) == count
    tables = [b for b in d.blocks if b.kind == "table"]
    leader = tables[4]  # appendix 5: a header, then per competency three question rows and its average
    assert len(leader.rows) == 1 + 12 * 4
    assert all(row[2] for i, row in enumerate(leader.rows[1:]) if i % 4 != 3)


_LEAVES = st.none() | st.booleans() | st.integers(-5, 300) | st.text(max_size=8) | st.dates().map(str)
_VALUES = _LEAVES | st.lists(_LEAVES, max_size=3) | st.dictionaries(st.text(max_size=8), _LEAVES, max_size=3)


@settings(max_examples=40, deadline=None)
@given(
    st.dates(dt.date(2021, 1, 1), dt.date(2026, 1, 1)),
    st.dictionaries(
        st.sampled_from(["additional_evaluators_threshold", "calibration_min_members", "x"]), _VALUES
    ),
)
def test_any_e1_body_is_a_draft_or_one_line_error(day: dt.date, params: dict[str, object]) -> None:
    """Whatever date and parameters BODY.yaml holds: an E1 draft, or an InputError (exit 2)."""
    import tempfile

    from docgen.errors import InputError

    data = {
        "body_name": {"kk": "А әкімдігі", "ru": "акимат А"},
        "body_kind": "akimat",
        "approving_act": {"kind": "order", "number": "1", "date": day.isoformat()},
        "parameters": params,
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "BODY.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            made = draft("E1", load_body(path), "kk", str(path))
        except InputError as exc:
            assert exc.exit_code == 2 and "\n" not in exc.one_line()
        else:
            assert dt.date(2021, 7, 1) <= day <= dt.date(2025, 7, 31)
            assert made.stated["additional_evaluators_threshold"]["value"] in range(50, 201)
