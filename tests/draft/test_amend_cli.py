"""docgen amend on the command line: six files per run, in the official layout; bad input is one
line naming the file and the field, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from official_layout import assert_official

from docgen.cli import main
from docgen.diff.redline import accept_all, reject_all
from docgen.diff.text import paragraphs
from docgen.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
SEED_002 = next(ROOT.glob("legal_corpus/acts/*/002_*.txt"))


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
        raise SystemExit(0)
    return int(exc.value.code or 0), capsys.readouterr().err


def test_writes_the_six_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    args = ["amend", str(SEED_002), "--set", "min_tenure=2", "--delete-point", "23", "-o", str(out)]
    code, err = _run(args, capsys)
    assert code == 0, err
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "amendment.kk.docx",
        "amendment.kk.txt",
        "comparison.docx",
        "edition.kk.docx",
        "edition.kk.txt",
        "redline.docx",
    ]
    edition = (out / "edition.kk.txt").read_text(encoding="utf-8")
    assert "23. Алып тасталды." in edition
    assert "лауазымда болу мерзімі екі айдан кем" in edition
    old = normalize(SEED_002.read_text(encoding="utf-8")).text
    redline = (out / "redline.docx").read_bytes()
    assert accept_all(redline) == paragraphs(edition)
    assert reject_all(redline) == paragraphs(old)
    for name in ("edition.kk.docx", "comparison.docx", "redline.docx", "amendment.kk.docx"):
        assert_official((out / name).read_bytes(), "kk", what=name)
    # the amending wording on paper: the same lines as the text file
    wording = [p.text for p in Document(str(out / "amendment.kk.docx")).paragraphs]
    text = (out / "amendment.kk.txt").read_text(encoding="utf-8")
    assert wording == [line for line in text.split("\n") if line.strip()]
    # the act amended named in full, as 002's header prints it: issuer, date, number, title, act type
    assert wording[0] == (
        "Қарағанды облысы Шахтинск қалалық мәслихатының 2023 жылғы 19 қыркүйектегі № 278/5 "
        '«"Шахтинск қалалық мәслихатының аппараты" мемлекеттік мекемесінің "Б" корпусы мемлекеттік '
        "әкімшілік қызметшілерінің қызметін бағалаудың әдістемесін бекіту туралы» шешіміне мынадай "
        "өзгерістер енгізілсін:"
    )
    assert wording[1] == (
        'көрсетілген шешіммен бекітілген "Шахтинск қалалық мәслихатының аппараты" мемлекеттік '
        'мекемесінің "Б" корпусы мемлекеттік әкімшілік қызметшілерінің қызметін бағалаудың әдістемесінде:'
    )
    texts = [p.text for p in Document(str(out / "edition.kk.docx")).paragraphs]
    assert "1-тарау. Жалпы ережелер" in texts and "23. Алып тасталды." in texts
    table = Document(str(out / "comparison.docx")).tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "Р/с №",
        "Құрылымдық элемент",
        "Қолданыстағы редакция",
        "Ұсынылатын редакция",
        "Негіздеме",
    ]
    assert [r.cells[1].text for r in table.rows[1:]] == ["5-тармақ", "23-тармақ"]
    amendment = (out / "amendment.kk.txt").read_text(encoding="utf-8")
    assert "1) 5-тармақтағы «бір» деген сөз «екі» деген сөзбен ауыстырылсын;" in amendment
    assert "2) 23-тармақ алып тасталсын." in amendment
    # an existing output without --force: exit 2, the files stay as they were
    code, err = _run(args, capsys)
    assert code == 2 and "--force" in err


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--set", "no_such_key=2"], "--set no_such_key"),
        (["--set", "min_tenure=көп"], "--set min_tenure"),
        (["--set", "min_tenure"], "КІЛТ=МӘН"),
        (["--delete-point", "77"], "--delete-point"),
        (["--set", "quarterly_deadline_day=40"], "31-ге"),
        (["--set", "calibration_min_members=5"], "calibration_min_members"),
        (["--to", "E4", "--set", "min_tenure=2"], "--to"),
    ],
)
def test_bad_input_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], words: str
) -> None:
    out = tmp_path / "out"
    code, err = _run(["amend", str(SEED_002), *extra, "-o", str(out)], capsys)
    assert code == 2
    assert words in err and SEED_002.name in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("seed", "item", "words"),
    [
        # a list in the act's own words and a table: said, naming the key and the point
        ("002", "method360_competencies_staff=жеделділік", ["34-тармақтың", "жаңа редакцияда"]),
        ("002", "grades=effective", ["7-тармақтың", "жаңа редакцияда"]),
        # who may not sit on a calibration session: the model allows only its own list
        ("004", "calibration_excluded_members=disputant", ["пункт 19 типовой методики", "допускает только"]),
    ],
)
def test_lists_that_cannot_be_written(
    seed: str, item: str, words: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    act = next(ROOT.glob(f"legal_corpus/acts/*/{seed}_*.txt"))
    out = tmp_path / "out"
    code, err = _run(["amend", str(act), "--set", item, "-o", str(out)], capsys)
    assert code == 2 and not out.exists()
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert all(w in err for w in words), err
