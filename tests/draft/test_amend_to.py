"""docgen amend --to E4: the provisions the model edition has and the act lacks are inserted (N-1 after
the point they follow, or in sequence in a new edition), the act's points the edition dropped are
excluded, an act of another generation is refused, and the references the old text had wrong are
reported. The acts under test are the seeds with one point taken out (or one E1 point put in); the
expected wordings were written by reading the model text (legal_corpus/models/texts/E4.*.yaml) and
the acts."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from docgen.catalogue import catalogue_for_document, parse_document
from docgen.check import check_document
from docgen.cli import main
from docgen.commands.amend_model import plan_for
from docgen.diff.redline import accept_all, build_redline, reject_all
from docgen.diff.text import diff_text, paragraphs
from docgen.draft.amend import Amendment, amend, amendment_text, document_from_text
from docgen.draft.comparison import comparison_rows, render_comparison
from docgen.model import Document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = {p.name[:3]: p for p in sorted((ROOT / "legal_corpus" / "acts").glob("*/*.txt"))}


def _without(seed: str, n: str) -> str:
    """The seed's text with point ``n`` taken out (numbering left with its gap)."""
    doc = parse_document(SEEDS[seed])
    pt, nxt = doc.point(n), doc.point(str(int(n) + 1))
    assert pt is not None and nxt is not None
    return doc.text[: pt.start] + doc.text[nxt.start :]


def _with_point(seed: str, after: str, number: str, wording: str) -> str:
    doc = parse_document(SEEDS[seed])
    nxt = doc.point(str(int(after) + 1))
    assert nxt is not None
    return doc.text[: nxt.start] + f"{number}. {wording}\n\n" + doc.text[nxt.start :]


def _to(text: str, *, new_edition: bool = False) -> tuple[Document, Amendment, Document]:
    doc = document_from_text(text, "act.txt")
    cat = catalogue_for_document(doc)
    lang = doc.language
    plan = plan_for(doc, cat, "E4", lang, "act.txt")
    am = amend(
        doc,
        cat,
        [],
        [],
        "act.txt",
        new_edition=new_edition,
        inserts=plan.inserts,
        model_deletes=plan.model_deletes,
        edition="E4",
    )
    am.notes, am.warnings = plan.notes, [*plan.warnings, *am.warnings]
    return doc, am, document_from_text(am.new_text, "edition.txt")


def _point(doc: Document, n: str) -> str:
    p = doc.point(n)
    assert p is not None, n
    return doc.text[p.start : p.end]


def _missing(doc: Document) -> set[str]:
    res = check_document(doc, catalogue_for_document(doc), "E4")
    return {str(f.details.get("provision")) for f in res.findings if f.code == "missing_provision.topic"}


def test_a_provision_the_model_has_is_inserted_as_n_1_ru() -> None:
    old, am, new = _to(_without("004", "14"))  # p. 14: disagreements are considered by HR
    assert "disagreements" in _missing(old)
    assert [c.kind for c in am.changes] == ["insert"] and am.changes[0].point == "13-1"
    assert _point(new, "13-1").startswith("13-1. Разногласия, связанные с процедурой оценки, рассматриваются")
    assert [p.number for p in new.points][12:15] == ["13", "13-1", "15"]
    assert "disagreements" not in _missing(new)
    wording = amendment_text(am)
    assert "1) дополнить пунктом 13-1 следующего содержания:\n«13-1. Разногласия" in wording
    rows = comparison_rows(am)
    assert (
        rows[0][1] == "пункт 13-1"
        and rows[0][2] == "Отсутствует."
        and rows[0][3].startswith("13-1. Разногласия")
    )
    assert "пункта 14 Типовой методики в редакции E4" in rows[0][4]
    # nothing else moves; the redline accepts to the new edition and rejects to the old one
    touched = [c for c in diff_text(old, new).changes if c.change != "unchanged"]
    assert [(c.change, c.new_ref) for c in touched] == [("added", "13-1")]
    docx = build_redline(diff_text(old, new), date="2026-05-05T10:00:00Z", lang="ru")
    assert accept_all(docx) == paragraphs(new.text)
    assert reject_all(docx) == paragraphs(old.text)


def test_an_inserted_reference_points_at_the_acts_own_provision_kk() -> None:
    # 003 without p. 6 (the dismissed): the model's provision refers to the deadlines, p. 4 of the act
    old, am, new = _to(_without("003", "6"))
    ins = [c for c in am.changes if c.kind == "insert"]
    assert [c.point for c in ins] == ["5-1"]
    text = _point(new, "5-1")
    assert (
        "жұмыстан шығарылған қызметшілерді бағалау олардың қатысуынсыз 4-тармақта көрсетілген мерзімде"
        in text
    )
    assert "есепті тоқсаннан кейінгі айдың" in _point(new, "4")  # 4 holds the quarterly deadline
    assert "мынадай мазмұндағы 5-1-тармақпен толықтырылсын:\n«5-1. Бағалау мерзімі" in amendment_text(am)
    assert not am.warnings or all("5-1" not in w for w in am.warnings)
    refs = {(r.from_point, r.to_point) for r in catalogue_for_document(new).cross_references}
    assert ("5-1", "4") in refs


def test_new_edition_numbers_the_inserted_point_in_sequence() -> None:
    old, am, new = _to(_without("004", "14"), new_edition=True)
    # 1..13 keep their numbers, the inserted provision is 14, old 15.. follow; 24 (after the gap) is 23
    assert [p.number for p in new.points] == [str(i) for i in range(1, 24)]
    assert _point(new, "14").startswith("14. Разногласия, связанные с процедурой оценки")
    assert am.renumbered["15"] == "15" and am.renumbered["24"] == "23"
    assert _point(new, "15").startswith("15. Руководители службы управления персоналом")


def test_a_point_the_model_dropped_is_excluded_kk() -> None:
    kpi = _point(parse_document(SEEDS["002"]), "23").split(" ", 1)[1]  # the KPI count rule of E1
    old, am, new = _to(_with_point("003", "17", "17-1", kpi))
    assert [(c.kind, c.point, c.reason) for c in am.changes] == [("delete", "17-1", "model")]
    assert _point(new, "17-1") == "17-1. Алып тасталды."
    assert "1) 17-1-тармақ алып тасталсын." in amendment_text(am)
    assert "E4 редакциясында мұндай ереже жоқ" in comparison_rows(am)[0][4]


def test_a_point_mixing_a_dropped_rule_with_a_model_one_is_reported_not_excluded() -> None:
    # 004 p. 19: the calibration decision (model) and the revision-commission rule (local, not in E4)
    doc = parse_document(SEEDS["004"])
    plan = plan_for(doc, catalogue_for_document(doc), "E4", "ru", "004.txt")
    assert plan.model_deletes == {} and plan.inserts == []
    assert any(w.startswith("пункт 19 содержит правило") for w in plan.warnings)


def test_wrong_references_of_the_old_text_are_reported() -> None:
    doc = parse_document(SEEDS["004"])
    cat = catalogue_for_document(doc)
    plan = plan_for(doc, cat, None, "ru", "004.txt")
    # 004 p. 6 names p. 5 for the deadlines (they are in p. 4); p. 18 names p. 11 for the application
    assert any("пункте 6" in n and "пункте 4" in n for n in plan.notes)
    assert any("пункте 18" in n and "пункте 10" in n for n in plan.notes)
    am = amend(doc, cat, [("min_tenure", "2")], [], "004.txt")
    am.notes = plan.notes
    xml = zipfile.ZipFile(io.BytesIO(render_comparison(am))).read("word/document.xml").decode()
    assert "Примечание" in xml and "В поправке ссылка оставлена без изменений" in xml
    assert "установленные пунктом 5 сроки" in am.new_text  # kept as printed


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
        raise SystemExit(0)
    return int(exc.value.code or 0), capsys.readouterr().err


@pytest.mark.parametrize(("seed", "words"), [("002", "2018 жылғы үлгі"), ("001", "2017 жылғы үлгі")])
def test_an_act_of_another_generation_is_refused(
    seed: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, err = _run(["amend", str(SEEDS[seed]), "--to", "E4", "-o", str(out)], capsys)
    assert code == 2 and not out.exists()
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert SEEDS[seed].name in err and "--to" in err and words in err and "docgen draft --model E4" in err


def test_unknown_model_edition_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run(["amend", str(SEEDS["004"]), "--to", "E9", "-o", str(tmp_path / "o")], capsys)
    assert code == 2 and "E9" in err and len(err.strip().splitlines()) == 1


def test_cli_to_writes_the_insertion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    act = tmp_path / "act.txt"
    act.write_text(_without("004", "14"), encoding="utf-8")
    out = tmp_path / "out"
    code, err = _run(["amend", str(act), "--to", "E4", "-o", str(out)], capsys)
    assert code == 0, err
    edition = (out / "edition.ru.txt").read_text(encoding="utf-8")
    assert re.search(r"^13-1\. Разногласия", edition, re.M)
    assert "дополнить пунктом 13-1" in (out / "amendment.ru.txt").read_text(encoding="utf-8")
    assert "пункте 6" in err  # the wrong references of the act are reported


def test_an_act_that_already_follows_the_model_has_nothing_to_add(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, err = _run(["amend", str(SEEDS["003"]), "--to", "E4", "-o", str(out)], capsys)
    assert code == 2 and not out.exists()
    assert len(err.strip().splitlines()) == 1 and "E4 редакциясына сәйкес" in err
