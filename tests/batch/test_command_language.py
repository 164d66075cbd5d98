"""What a command prints is in the language the user asked for (``--lang``), not in the act's.

A Kazakh act filled, rendered or reported with ``--lang ru`` speaks Russian on the console (progress,
row errors, refusals, closing lines) and in the summary it writes; a Russian act with ``--lang kk``
speaks Kazakh. The expected words come from the message files' meaning, not from program output:
a Russian line has no letter of the Kazakh alphabet alone (әғқңөұүһі), a Kazakh line has some, and
no line holds a Latin-script word but the names the user types or reads on disk (file and folder
names, the data file's column keys and sanction codes, option names).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from render.helpers import CATALOGUES

from docgen.batch.run import fill_batch
from docgen.catalogue import read_catalogue_json
from docgen.cli import cli

from .test_fill import BAD, GOOD, write_csv

KK_ONLY = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
CATS_B = Path(__file__).resolve().parents[1] / "data" / "catalogues_b"
PROTOCOL_DATA = Path(__file__).resolve().parents[1] / "protocols" / "data"
ROOT = Path(__file__).resolve().parents[2]
# Latin-script names a line may hold: the data file's column keys and codes, file names docgen writes,
# option names, a character's code
NAMES = re.compile(
    r"(?:row\d{5}_\S+|app\d+_\S+\.docx|summary\.(?:xlsx|csv|json)|docgen-manifest\.json|translation\.json|docgen|run-corpus|report360|protocol"
    r"|--\w+|-o|PDF|U\+[0-9A-F]{4}|full_name|score_\d+|comment_\d+|category|sanction|period|sheet"
    r"|severe_reprimand|reprimand|remark|none|other|leader|staff)(?![\w.])"
)


def _latin_words(text: str, *paths: Path) -> list[str]:
    for p in sorted((str(p) for p in paths), key=len, reverse=True):
        text = text.replace(p, " ")
    return re.findall(r"[A-Za-z]{2,}", NAMES.sub(" ", text))


def _lines(text: str) -> list[str]:
    """The non-empty lines, each without the act's own text a line quotes after its colon (a text
    the term base cannot translate is shown as the act prints it)."""
    lines = [line for line in text.splitlines() if line.strip()]
    return [re.sub(r"^(docgen: (?:нет перевода|аудармасы жоқ)[^:]*):.*", r"\1", x) for x in lines]


def _run(args: list[str]) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, args)
    return res.exit_code, res.stdout, res.stderr


# --- fill ----------------------------------------------------------------------------------------------


def test_kazakh_act_filled_in_russian_speaks_russian(tmp_path: Path) -> None:
    data = write_csv(tmp_path / "d.csv", GOOD + BAD)
    out = tmp_path / "out"
    code, stdout, stderr = _run(
        ["fill", str(CATALOGUES / "kk_2025.json"), "--data", str(data), "-o", str(out), "--lang", "ru"]
    )
    assert code == 1  # bad rows are findings
    lines = _lines(stdout + stderr)
    assert all(re.search("[а-яё]", x) for x in lines)
    assert not [x for x in lines if KK_ONLY.search(x)], lines
    assert not _latin_words("\n".join(lines), data, out)
    bad = [x for x in lines if "строка " in x and "столбец " in x]
    assert len(bad) == int(re.search(r"строк с ошибками: (\d+)", stdout).group(1)) >= len(BAD) - 1
    assert "строк: " in stdout and "строк с ошибками: " in stdout  # the summary line
    # the summary's words (headers, sheet and grade names, how the score came, errors) too
    ws = openpyxl.load_workbook(out / "summary.xlsx").active
    rows = list(ws.iter_rows(values_only=True))
    heads = [str(h) for h in rows[0]]
    assert "Ф.И.О." in heads and not any(KK_ONLY.search(h) for h in heads)
    names = heads.index("Ф.И.О.")
    words = [str(c) for r in rows[1:] for i, c in enumerate(r) if c is not None and i != names]
    assert words and not [w for w in words if KK_ONLY.search(w) and "«" not in w], words


def test_russian_act_filled_in_kazakh_speaks_kazakh(tmp_path: Path) -> None:
    data = write_csv(tmp_path / "d.csv", GOOD + BAD)
    out = tmp_path / "out"
    code, stdout, stderr = _run(
        ["fill", str(CATALOGUES / "ru_2025.json"), "--data", str(data), "-o", str(out), "--lang", "kk"]
    )
    assert code == 1
    lines = _lines(stdout + stderr)
    assert all(KK_ONLY.search(x) for x in lines), lines
    text = "\n".join(lines)
    assert not any(w in text for w in ("строка", "столбец", "записано", "строк"))
    assert not _latin_words(text, data, out)
    bad = [x for x in lines if "-жол, " in x and " бағаны: " in x]
    assert len(bad) == int(re.search(r"қатесі бар жолдар: (\d+)", stdout).group(1)) >= len(BAD) - 1
    ws = openpyxl.load_workbook(out / "summary.xlsx").active
    heads = [str(h) for h in next(ws.iter_rows(values_only=True))]
    assert "Т.А.Ә." in heads and all(KK_ONLY.search(h) or h.startswith("Т.А.") for h in heads[:3])


def test_both_languages_speak_the_act_language(tmp_path: Path) -> None:
    data = write_csv(tmp_path / "d.csv", BAD[:1])
    out = tmp_path / "out"
    _code, stdout, stderr = _run(
        ["fill", str(CATALOGUES / "ru_2025.json"), "--data", str(data), "-o", str(out), "--lang", "both"]
    )
    assert _lines(stdout + stderr) and not KK_ONLY.search(stdout + stderr)


def test_refusal_is_in_the_language_asked_for(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("full_name,period\n", encoding="utf-8")
    code, stdout, stderr = _run(
        [
            "fill",
            str(CATALOGUES / "kk_2025.json"),
            "--data",
            str(empty),
            "-o",
            str(tmp_path / "o"),
            "--lang",
            "ru",
        ]
    )
    assert code == 2 and not stdout
    assert stderr.startswith("docgen: ошибка: ") and "нет строк" in stderr and not KK_ONLY.search(stderr)
    assert not (tmp_path / "o").exists()
    code, _, stderr = _run(
        ["fill", str(CATALOGUES / "ru_2025.json"), "-o", str(tmp_path / "o"), "--lang", "kk"]
    )
    assert code == 2 and stderr.startswith("docgen: қате: ") and "ошибка" not in stderr
    assert KK_ONLY.search(stderr)


def test_progress_line_is_in_the_language_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cat = read_catalogue_json(CATALOGUES / "kk_2025.json")
    data = write_csv(tmp_path / "d.csv", GOOD)
    fill_batch(cat, data, tmp_path / "ru", langs=("ru",), jobs=1, progress=True, msg_lang="ru")
    err = capsys.readouterr().err
    assert "заполнение листов" in err and not KK_ONLY.search(err) and not _latin_words(err)
    fill_batch(cat, data, tmp_path / "kk", langs=("kk",), jobs=1, progress=True)  # the act's language
    err = capsys.readouterr().err
    assert "парақтар толтырылуда" in err and not _latin_words(err)


# --- forms ---------------------------------------------------------------------------------------------


def test_forms_of_a_kazakh_act_in_russian_speak_russian(tmp_path: Path) -> None:
    out = tmp_path / "f"
    code, stdout, stderr = _run(["forms", str(CATALOGUES / "kk_2017.json"), "--lang", "ru", "-o", str(out)])
    assert code == 0
    lines = _lines(stdout + stderr)
    assert any(x.startswith("Приложение ") for x in lines) and "записано форм: " in stdout
    # the untranslated text itself is quoted as the act prints it; every other word is Russian
    own = [re.sub(r"«[^»]*»", "", x) for x in lines]
    assert not [x for x in own if KK_ONLY.search(x)], lines
    assert not _latin_words("\n".join(own), out)
    code, stdout, stderr = _run(["forms", str(CATALOGUES / "kk_2017.json"), "--lang", "ru", "-o", str(out)])
    assert code == 2 and stderr.startswith("docgen: ошибка: ") and not KK_ONLY.search(stderr)
    assert not _latin_words(stderr, out)


# --- protocol, report360 -------------------------------------------------------------------------------


def test_protocol_refusal_in_the_language_asked_for(tmp_path: Path) -> None:
    out = tmp_path / "p.docx"
    args = ["protocol", "commission", "--catalogue", str(CATS_B / "cat_001_2017_commission_kk.json")]
    args += ["--data", str(PROTOCOL_DATA / "meeting_kk.yaml"), "-o", str(out), "--lang", "ru"]
    code, stdout, _ = _run(args)
    assert code == 0 and stdout.strip() == str(out)
    code, _, stderr = _run(args)  # the output exists: refused in Russian alone
    assert code == 2 and stderr.startswith("docgen: ошибка: ") and not KK_ONLY.search(stderr)
    assert "--force" in stderr and not _latin_words(stderr, out)


def test_protocol_warning_in_the_language_asked_for(tmp_path: Path) -> None:
    """A late calibration session recorded with --allow-late: the warning in Kazakh for --lang kk on a
    Russian methodology, in Russian without --lang."""
    import yaml

    session = yaml.safe_load((PROTOCOL_DATA / "session_ru.yaml").read_text(encoding="utf-8"))
    deadline = session["session_date"]
    session["session_date"] = session["signed_date"] = "2026-04-28"  # after the act's deadline
    late = tmp_path / "late.yaml"
    late.write_text(yaml.safe_dump(session, allow_unicode=True), encoding="utf-8")
    args = [
        "protocol",
        "calibration",
        "--catalogue",
        str(CATS_B / "cat_004_2025_ru.json"),
        "--data",
        str(late),
    ]
    code, _, stderr = _run([*args, "-o", str(tmp_path / "kk.docx"), "--allow-late", "--lang", "kk"])
    assert code == 0 and deadline and stderr.startswith("docgen: ескерту: ") and KK_ONLY.search(stderr)
    assert "предупреждение" not in stderr and not _latin_words(stderr)
    code, _, stderr = _run([*args, "-o", str(tmp_path / "ru.docx"), "--allow-late"])
    assert code == 0 and stderr.startswith("docgen: предупреждение: ") and not KK_ONLY.search(stderr)


def test_report360_refusal_in_the_language_asked_for(tmp_path: Path) -> None:
    cat = str(CATS_B / "cat_000_2018_kpi360_kk.json")
    tpl = tmp_path / "t.xlsx"
    assert _run(["report360", "--catalogue", cat, "--template", str(tpl)])[0] == 0
    code, _, stderr = _run(
        ["report360", "--catalogue", cat, "--data", str(tpl), "-o", str(tmp_path / "o"), "--lang", "ru"]
    )
    assert code == 2 and stderr.startswith("docgen: ошибка: ") and "ответы не найдены" in stderr
    assert not KK_ONLY.search(stderr) and not _latin_words(stderr, tpl)


# --- run-corpus ----------------------------------------------------------------------------------------


def _corpus(tmp: Path) -> Path:
    """One Kazakh act (the first chapters of the shortest seed) and a fill step with bad rows."""
    seed = next(ROOT.glob("legal_corpus/acts/*/002_*.txt"))
    corpus = tmp / "corpus"
    shutil.copytree(seed.parent, corpus / "acts" / seed.parent.name)
    text = seed.read_text(encoding="utf-8")
    (corpus / "acts" / seed.parent.name / seed.name).write_text(text[:4000], encoding="utf-8")
    (corpus / "samples").mkdir()
    write_csv(corpus / "samples" / "d.csv", BAD[:1])
    (corpus / "samples" / "runs.yaml").write_text(
        "fill:\n  - {name: f, methodology: '002', data: d.csv, lang: both}\n", encoding="utf-8"
    )
    return corpus


def test_run_corpus_speaks_the_language_asked_for(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    code, stdout, stderr = _run(["run-corpus", str(corpus), "-o", str(out), "--lang", "ru"])
    assert code == 1  # the fill step fails: the shortened act states no scale
    lines = _lines(stdout + stderr)
    assert any(x.startswith("Отчёт записан: ") for x in lines)  # the check steps' lines
    assert any("не выполнено шагов: 1" in x for x in lines)  # the run's own line
    assert not [x for x in lines if KK_ONLY.search(x.replace(str(corpus), "").replace(str(out), ""))], lines
    # without --lang the run's own line reads in both languages and a step speaks its act's (Kazakh)
    code, stdout, stderr = _run(["run-corpus", str(corpus), "-o", str(tmp_path / "o2"), "--force"])
    assert "актов / актілер 1" in stdout and any(x.startswith("Есеп жазылды: ") for x in _lines(stdout))
