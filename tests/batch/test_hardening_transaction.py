"""Issue 13 cases 6, 7 and 8: a batch is a transaction -- checks before writing, one run per folder,
only docgen's own files touched, one sheet per row, one-line refusals (exit 2), quiet workers."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from render.helpers import CATALOGUES, load_catalogue

from batch.test_fill import GOOD, HEAD, write_csv
from docgen.batch import summary as summary_mod
from docgen.batch.run import fill_batch
from docgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
RU = str(CATALOGUES / "ru_2025.json")
KK = str(CATALOGUES / "kk_2025.json")


def _run(args: list[str]) -> int:
    try:
        main(args)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in folder.iterdir()
        if p.is_file()
    }


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def _many(n: int) -> list[list[str]]:
    rows = []
    for i in range(n):
        row = list(GOOD[0])
        row[HEAD.index("full_name")] = f"Сотрудник {i}"
        rows.append(row)
    return rows


def _changed(rows: list[list[str]], i: int) -> list[list[str]]:
    out = [list(r) for r in rows]
    out[i][HEAD.index("score_1")] = "2"
    return out


def _manifest(out: Path) -> dict[str, list[str]]:
    data = json.loads((out / "docgen-manifest.json").read_text(encoding="utf-8"))
    rows: dict[str, list[str]] = data["rows"]
    return rows


def _sheets(out: Path) -> list[str]:
    return sorted(p.name for p in out.glob("row*.docx"))


def test_case6_changed_row_without_force_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert _run(["fill", RU, "--data", str(write_csv(tmp_path / "a.csv", GOOD)), "-o", str(out)]) == 0
    capsys.readouterr()
    before = _snapshot(out)
    code = _run(["fill", RU, "--data", str(write_csv(tmp_path / "b.csv", _changed(GOOD, 1))), "-o", str(out)])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert "summary.csv" in line and "сводка уже есть" in line and "--force" in line
    assert _snapshot(out) == before  # not one document written, nothing touched


def test_case6_force_replaces_exactly_the_changed_rows_sheet(tmp_path: Path) -> None:
    cat = load_catalogue("ru_2025.json")
    out = tmp_path / "out"
    fill_batch(cat, write_csv(tmp_path / "a.csv", GOOD), out, langs=("ru",), jobs=1, progress=False)
    old = _sheets(out)
    user_files = ["notes.docx", "row00003_mine.docx", ".notes.tmp", "row00003_copy.ru.pdf"]
    for name in user_files:
        (out / name).write_bytes(b"the user's own")
    rep, _ = fill_batch(
        cat,
        write_csv(tmp_path / "b.csv", _changed(GOOD, 1)),
        out,
        langs=("ru",),
        force=True,
        jobs=1,
        progress=False,
    )
    assert rep.removed == 1
    new = _sheets(out)
    assert len(new) == len(GOOD) + 1  # one sheet per row, plus the user's row00003_mine.docx
    assert [n for n in old if n not in new] == [n for n in old if n.startswith("row00003_")]
    manifest = _manifest(out)
    assert sorted(n for names in manifest.values() for n in names) == [
        n for n in new if n != "row00003_mine.docx"
    ]
    assert all((out / name).read_bytes() == b"the user's own" for name in user_files)
    assert not (out / ".docgen-journal").exists() and not (out / ".docgen.lock").exists()


def test_case6_interrupted_forced_run_leaves_no_second_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cat = load_catalogue("ru_2025.json")
    out = tmp_path / "out"
    a = write_csv(tmp_path / "a.csv", GOOD)
    fill_batch(cat, a, out, langs=("ru",), jobs=1, progress=False)
    first = _sheets(out)

    def interrupted(self: object, force: bool) -> bool:
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(summary_mod.SummaryFiles, "place", interrupted)
        with pytest.raises(KeyboardInterrupt):
            fill_batch(
                cat,
                write_csv(tmp_path / "b.csv", _changed(GOOD, 0)),
                out,
                langs=("ru",),
                force=True,
                jobs=1,
                progress=False,
            )
    assert len(_sheets(out)) == len(GOOD) + 1  # the interrupted run left its new sheet for row 2
    rep, _ = fill_batch(cat, a, out, langs=("ru",), jobs=1, progress=False)  # same data as the summary
    assert rep.summary_kept and rep.removed == 1
    assert _sheets(out) == first
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".docgen")]


def _wait_for(cond: object, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():  # type: ignore[operator]
            return
        time.sleep(0.02)
    raise AssertionError("timed out")


def _spawn_fill(data: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "docgen", "fill", RU, "--data", str(data), "-o", str(out)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _lock_pid(out: Path) -> str:
    with contextlib.suppress(OSError):
        return (out / ".docgen.lock").read_text().strip()
    return ""


def test_case7_two_fills_into_one_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    n = 2000
    data = write_csv(tmp_path / "big.csv", _many(n))
    out = tmp_path / "out"
    first = _spawn_fill(data, out)
    try:
        _wait_for(lambda: _lock_pid(out) == str(first.pid))
        code = _run(["fill", RU, "--data", str(write_csv(tmp_path / "small.csv", GOOD)), "-o", str(out)])
        line = _one_line(capsys.readouterr().err)
        assert first.poll() is None, "the first run ended before the second started; make the batch bigger"
        assert code == 2 and str(first.pid) in line and str(out) in line and "другой запуск docgen" in line
        _, err = first.communicate(timeout=600)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == 0, err.decode()
    assert len(_sheets(out)) == n  # the first run was not disturbed
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [*_sheets(out), "docgen-manifest.json", "summary.csv", "summary.json", "summary.xlsx"]
    )


def test_case7_stale_lock_of_a_dead_run_is_taken_over(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    out = tmp_path / "out"
    out.mkdir()
    (out / ".docgen.lock").write_text(f"{dead.pid}\n")
    (out / f".docgen-{dead.pid}-7.row00002_x.ru.docx.tmp").write_bytes(b"half")
    rep, _ = fill_batch(
        load_catalogue("ru_2025.json"),
        write_csv(tmp_path / "a.csv", GOOD),
        out,
        langs=("ru",),
        jobs=1,
        progress=False,
    )
    assert rep.rendered == len(GOOD)
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_case7_forms_clean_up_keeps_the_users_tmp_files(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    out = tmp_path / "forms"
    out.mkdir()
    (out / ".notes.tmp").write_bytes(b"mine")
    (out / ".report.docx.123.tmp").write_bytes(b"mine too")
    (out / f".docgen-{dead.pid}-0.app1.docx.tmp").write_bytes(b"half")
    (out / f".docgen-{os.getpid()}-0.app2.docx.tmp").write_bytes(b"half")  # own pid: an earlier holder
    assert _run(["forms", RU, "-o", str(out)]) == 0
    names = {p.name for p in out.iterdir() if p.name.startswith(".")}
    assert names == {".notes.tmp", ".report.docx.123.tmp"}


def test_case7_a_live_runs_temporaries_are_not_cleaned(tmp_path: Path) -> None:
    from docgen.render.write import clean_stale_temps

    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (tmp_path / f".docgen-{live.pid}-3.x.docx.tmp").write_bytes(b"being written")
        assert clean_stale_temps(tmp_path) == 0
        assert (tmp_path / f".docgen-{live.pid}-3.x.docx.tmp").exists()
    finally:
        live.kill()
        live.wait()


@contextlib.contextmanager
def _read_only(folder: Path):  # type: ignore[no-untyped-def]
    """Make ``folder`` unwritable (chattr +i as root, chmod otherwise); skip where impossible."""
    if os.geteuid() == 0:
        made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
        undo = ["chattr", "-i", str(folder)]
    else:
        folder.chmod(0o555)
        made, undo = True, ["chmod", "755", str(folder)]
    try:
        probe = folder / "probe"
        try:
            probe.write_bytes(b"")
            probe.unlink()
            made = False
        except OSError:
            pass
        if not made:
            pytest.skip("cannot make a folder read-only here")
        yield
    finally:
        subprocess.run(undo, capture_output=True)


def test_case8_read_only_output_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ro"
    out.mkdir()
    data = write_csv(tmp_path / "a.csv", GOOD)
    with _read_only(out):
        code = _run(["fill", RU, "--data", str(data), "-o", str(out)])
    line = _one_line(capsys.readouterr().err)
    assert code == 2 and str(out) in line and ("нет права записи" in line or "только для чтения" in line)
    assert list(out.iterdir()) == []


def test_case8_output_under_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_csv(tmp_path / "a.csv", GOOD)
    afile = tmp_path / "file.txt"
    afile.write_text("x")
    for target in (afile / "sub", afile):
        code = _run(["fill", KK, "--data", str(data), "-o", str(target)])
        line = _one_line(capsys.readouterr().err)
        assert code == 2 and str(target) in line and "бұл қалта емес" in line  # the act's language
    assert afile.read_text() == "x"


def test_case8_header_only_csv_and_empty_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    header_only = write_csv(tmp_path / "head.csv", [])
    empty = tmp_path / "empty.xlsx"
    Workbook().save(empty)
    for data, cat, words in (
        (header_only, RU, "нет строк с данными"),
        (empty, RU, "нет строк с данными"),
        (header_only, KK, "деректері бар жол жоқ"),
    ):
        out = tmp_path / f"out_{data.stem}"
        code = _run(["fill", cat, "--data", str(data), "-o", str(out)])
        line = _one_line(capsys.readouterr().err)
        assert code == 2 and str(data) in line and words in line
        assert not out.exists()  # a refused run leaves no folder behind


def test_case8_logical_xlsx_cell_is_not_a_score(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(HEAD)
    for flag in (True, False):
        row: list[object] = list(GOOD[0])
        row[HEAD.index("score_2")] = flag
        ws.append(row)
    ws.append(list(GOOD[0]))
    data = tmp_path / "d.xlsx"
    wb.save(data)
    code = _run(["fill", RU, "--data", str(data), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert "строка 2, столбец score_2: не число" in err and "строка 3, столбец score_2: не число" in err
    assert len(_sheets(tmp_path / "out")) == 1


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _gone(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc")
def test_case8_workers_die_quietly_after_sigkill_of_the_main_process(tmp_path: Path) -> None:
    data = write_csv(tmp_path / "big.csv", _many(4000))
    out = tmp_path / "out"
    proc = _spawn_fill(data, out)
    try:
        _wait_for(lambda: len(_children(proc.pid)) >= 2 and any(out.glob("row*.docx")))
        workers = _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        _, err = proc.communicate(timeout=60)  # EOF: every worker has closed stderr, i.e. died
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert b"Traceback" not in err and err.strip() == b"", err.decode()
    _wait_for(lambda: all(_gone(w) for w in workers), timeout=10)


def test_case6_pdf_without_libreoffice_is_refused_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import docgen.batch.run as run

    monkeypatch.setattr(run, "find_soffice", lambda: None)
    out = tmp_path / "out"
    code = _run(["fill", RU, "--data", str(write_csv(tmp_path / "a.csv", GOOD)), "-o", str(out), "--pdf"])
    line = _one_line(capsys.readouterr().err)
    assert code == 3 and "LibreOffice" in line and "ничего не записано" in line
    assert not out.exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_case6_force_replaces_the_changed_rows_pdf_too(tmp_path: Path) -> None:
    cat = load_catalogue("ru_2025.json")
    out = tmp_path / "out"
    rows = GOOD[:1]
    fill_batch(cat, write_csv(tmp_path / "a.csv", rows), out, langs=("ru",), jobs=1, progress=False, pdf=True)
    old = _sheets(out)
    assert [p.name for p in out.glob("*.pdf")] == [old[0].replace(".docx", ".pdf")]
    rep, _ = fill_batch(
        cat,
        write_csv(tmp_path / "b.csv", _changed(rows, 0)),
        out,
        langs=("ru",),
        force=True,
        jobs=1,
        progress=False,
        pdf=True,
    )
    new = _sheets(out)
    assert rep.removed == 1 and rep.pdfs == 1 and len(new) == 1 and new != old
    assert [p.name for p in out.glob("*.pdf")] == [new[0].replace(".docx", ".pdf")]


def test_case8_forms_output_under_a_file_or_read_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    afile = tmp_path / "file.txt"
    afile.write_text("x")
    for target in (afile / "sub", afile):
        code = _run(["forms", RU, "-o", str(target)])
        line = _one_line(capsys.readouterr().err)
        assert code == 2 and str(target) in line and "это не папка" in line
    ro = tmp_path / "ro"
    ro.mkdir()
    with _read_only(ro):
        code = _run(["forms", KK, "-o", str(ro)])
    line = _one_line(capsys.readouterr().err)
    assert code == 2 and str(ro) in line and ("жазуға құқық жоқ" in line or "тек оқуға" in line)


def test_the_closing_line_speaks_the_acts_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(write_csv(tmp_path / "a.csv", GOOD))
    assert _run(["fill", KK, "--data", data, "-o", str(tmp_path / "kk")]) == 0
    assert capsys.readouterr().out.startswith(f"жолдар: {len(GOOD)}; толтырылған парақтар: {len(GOOD)}")
    assert _run(["fill", RU, "--data", data, "-o", str(tmp_path / "ru")]) == 0
    assert capsys.readouterr().out.startswith(f"строк: {len(GOOD)}; оформлено листов: {len(GOOD)}")


def test_case8_ctrl_c_is_one_line_and_the_next_run_cleans_up(tmp_path: Path) -> None:
    n = 1500
    data = write_csv(tmp_path / "big.csv", _many(n))
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "docgen", "fill", RU, "--data", str(data), "-o", str(out)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        _wait_for(lambda: any(out.glob("row*.docx")))
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    _one_line(err.decode())
    rep, _ = fill_batch(load_catalogue("ru_2025.json"), data, out, langs=("ru",), progress=False)
    assert rep.rendered + rep.kept == n and len(_sheets(out)) == n
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_case6_a_forged_manifest_cannot_remove_other_files(tmp_path: Path) -> None:
    cat = load_catalogue("ru_2025.json")
    out = tmp_path / "out"
    data = write_csv(tmp_path / "a.csv", GOOD)
    fill_batch(cat, data, out, langs=("ru",), jobs=1, progress=False)
    victims = ["report.docx", "summary.docx", "row00002.docx"]
    for name in victims:
        (out / name).write_bytes(b"the user's own")
    (tmp_path / "outside.docx").write_bytes(b"the user's own")
    manifest = json.loads((out / "docgen-manifest.json").read_text(encoding="utf-8"))
    manifest["rows"]["99"] = [*victims, "../outside.docx", "/etc/passwd", "row00002_x/../../outside.ru.docx"]
    (out / "docgen-manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    rep, _ = fill_batch(cat, data, out, langs=("ru",), force=True, jobs=1, progress=False)
    assert rep.removed == 0
    assert all((out / n).exists() for n in victims) and (tmp_path / "outside.docx").exists()
