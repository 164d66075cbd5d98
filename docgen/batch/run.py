"""Batch stage: ``docgen fill`` end to end -- read, validate, score, render, write, summarise.

Consumes a catalogue dict and a data file (one row per employee and period); produces one DOCX
per good row and language, ``summary.csv`` and ``summary.xlsx`` (full_name, period, sheet,
average, final_score, grade, errors, then row, grade_label, interpretation, files).

- Streaming: rows are read in chunks; at most a few chunks are in flight; the summaries are
  streamed to temporary files; memory does not grow with the batch size.
- Parallel: with ``jobs > 1`` chunks are validated, scored, rendered and written by forked worker
  processes (the compiled templates are built once, before the fork); the main process reads the
  data and writes the summaries in row order.
- A bad row is reported (row number, column) and not rendered; the other rows are.
- File names are ``row<NNNNN>_<period>_<sheet>_<digest>.<lang>.docx``; the digest covers the row's
  values, the catalogue, the template and the options, so an existing file with that name has
  exactly the content this run would write. Without ``force`` existing files are kept (a rerun
  after an interruption renders only what is missing); with ``force`` everything is rewritten.
- Writes are atomic (temporary file + rename); stale temporary files of an interrupted run are
  removed first; the folder is synced once at the end.
"""

from __future__ import annotations

import csv
import hashlib
import json
import multiprocessing
import os
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import OutputExistsError
from ..forms.blank import param
from ..forms.labels import grade_label
from ..render import as_mapping
from ..render.fast import CompiledTemplate
from ..render.templates import compiled, template_path
from ..render.write import clean_stale_temps, sync_dir, write_atomic
from ..scoring.sheets import score_sheet
from .orphans import die_with_parent
from .plan import FillPlan, RowError
from .reader import read_rows
from .sheet_context import SheetStatics, build_context
from .xlsx import StreamingXlsx

SUMMARY_COLUMNS = (
    "full_name",
    "period",
    "sheet",
    "average",
    "final_score",
    "grade",
    "errors",
    "row",
    "grade_label",
    "interpretation",
    "files",
)
CHUNK = 200
# Deflate level of word/document.xml in filled sheets: 0 stores it (valid OOXML; Word and
# LibreOffice read it); deflating costs more than all the rest of a document on a slow CPU.
DOC_LEVEL = 0


@dataclass
class BatchReport:
    rows: int = 0
    rendered: int = 0
    kept: int = 0
    bad_rows: int = 0
    pdfs: int = 0
    untranslated: set[str] = field(default_factory=set)
    summary_kept: bool = False


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(row: list[Any] | tuple[Any, ...]) -> list[Any]:
    """Cells a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` …) get a leading ``'``.

    Numbers stay numbers; only text that starts like a formula is changed (OWASP CSV injection).
    """
    out: list[Any] = []
    for v in row:
        if isinstance(v, str) and v.startswith(_FORMULA_START):
            try:
                float(v)
            except ValueError:
                v = "'" + v
        out.append(v)
    return out


def _digest(*parts: str) -> str:
    h = hashlib.sha1(usedforsecurity=False)
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()[:10]


class Job:
    """Everything a worker needs, built once in the main process (inherited by forked workers)."""

    def __init__(
        self,
        cat: dict[str, Any],
        out: Path,
        langs: tuple[str, ...],
        force: bool,
        cap_mode: str,
        level: int = DOC_LEVEL,
    ) -> None:
        self.plan = FillPlan(cat)
        self.out = out
        self.langs = langs
        self.force = force
        self.cap_mode = cap_mode
        self.statics = {
            (s.sheet, lang): SheetStatics.build(cat, s, lang)
            for s in self.plan.sheets.values()
            for lang in langs
        }
        self.templates: dict[tuple[str, str], CompiledTemplate] = {
            (s.kind, lang): compiled(s.kind, lang, level) for s in self.plan.sheets.values() for lang in langs
        }
        cat_fp = _digest(json.dumps(cat, sort_keys=True, ensure_ascii=False), cap_mode)
        self.fp = {
            key: _digest(
                cat_fp,
                str(level),
                hashlib.sha1(template_path(*key).read_bytes(), usedforsecurity=False).hexdigest(),
            )
            for key in self.templates
        }
        self.grade_text = {
            g: grade_label(self.plan.lang, g, param(cat, "grades"), self.plan.lang)
            for g in (str(b.id) for b in self.plan.rules.grades)
        }

    def run_chunk(self, chunk: list[tuple[int, dict[str, str]]]) -> list[tuple[Any, ...]]:
        """Per row: ("bad", summary_row, errors) or ("ok", summary_row, rendered, kept, paths)."""
        results: list[tuple[Any, ...]] = []
        plan = self.plan
        for rownum, raw in chunk:
            res = plan.validate(rownum, raw)
            if isinstance(res, list):
                summary = [
                    raw.get("full_name", ""),
                    raw.get("period", ""),
                    raw.get("sheet", ""),
                    "",
                    "",
                    "",
                    "; ".join(str(e) for e in res),
                    rownum,
                    "",
                    "",
                    "",
                ]
                results.append(("bad", summary, res))
                continue
            score = score_sheet(
                res.scores,
                res.sanction,
                plan.rules,
                cap_mode=self.cap_mode,
                sanction_row=res.sheet.sanction_row,
            )
            values_fp = json.dumps(res.values, sort_keys=True, ensure_ascii=False)
            names: list[str] = []
            rendered = kept = 0
            for lang in self.langs:
                key = (res.sheet.kind, lang)
                name = f"row{rownum:05d}_{res.period}_{res.sheet.sheet}_{_digest(values_fp, self.fp[key], lang)}.{lang}.docx"
                names.append(name)
                path = self.out / name
                if not self.force and path.exists():
                    kept += 1
                    continue
                ctx = build_context(res, score, self.statics[(res.sheet.sheet, lang)])
                write_atomic(path, self.templates[key].render(as_mapping(ctx)), force=True)
                rendered += 1
            summary = [
                res.values.get("full_name", ""),
                res.period,
                res.sheet.sheet,
                f"{score.average:.2f}",
                f"{score.final_score:.2f}",
                score.grade,
                "",
                rownum,
                self.grade_text.get(score.grade, score.grade),
                score.interpretation,
                " ".join(names),
            ]
            results.append(("ok", summary, rendered, kept, names))
        return results


_JOB: Job | None = None


def _worker(chunk: list[tuple[int, dict[str, str]]]) -> list[tuple[Any, ...]]:
    assert _JOB is not None
    return _JOB.run_chunk(chunk)


def _chunks(
    rows: Iterable[tuple[int, dict[str, str]]], size: int
) -> Iterator[list[tuple[int, dict[str, str]]]]:
    chunk: list[tuple[int, dict[str, str]]] = []
    for item in rows:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _results(job: Job, data: str | os.PathLike[str], jobs: int) -> Iterator[list[tuple[Any, ...]]]:
    chunks = _chunks(read_rows(data), CHUNK)
    if jobs <= 1:
        for chunk in chunks:
            yield job.run_chunk(chunk)
        return
    global _JOB
    _JOB = job
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_worker, (chunk,)))
            while len(pending) >= 2 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
    _JOB = None


def default_jobs() -> int:
    if not hasattr(os, "fork"):
        return 1
    return max(
        1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    )


def fill_batch(
    cat: dict[str, Any],
    data: str | os.PathLike[str],
    outdir: str | os.PathLike[str],
    *,
    langs: tuple[str, ...],
    force: bool = False,
    cap_mode: str = "final",
    jobs: int | None = None,
    progress: bool | None = None,
    on_error: Callable[[RowError], None] | None = None,
) -> tuple[BatchReport, list[Path]]:
    """Render every good row; return the report and the DOCX paths of this batch (for --pdf)."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    clean_stale_temps(out)
    job = Job(cat, out, langs, force, cap_mode)
    report = BatchReport()
    for st in job.statics.values():
        report.untranslated.update(st.untranslated)
    docs: list[Path] = []
    fd, csv_tmp = tempfile.mkstemp(prefix=".summary.csv.", suffix=".tmp", dir=out)
    xlsx = StreamingXlsx(out)
    show = sys.stderr.isatty() if progress is None else progress
    bar: Any = None
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(SUMMARY_COLUMNS)
            xlsx.add(SUMMARY_COLUMNS)
            if show:
                import click

                bar = click.progressbar(
                    length=sum(1 for _ in read_rows(data)) or 1, label="filling", file=sys.stderr
                )
                bar.__enter__()
            for results in _results(job, data, jobs if jobs is not None else default_jobs()):
                for item in results:
                    report.rows += 1
                    writer.writerow(csv_safe(item[1]))
                    xlsx.add(item[1])
                    if item[0] == "bad":
                        report.bad_rows += 1
                        for err in item[2]:
                            if on_error:
                                on_error(err)
                    else:
                        report.rendered += item[2]
                        report.kept += item[3]
                        docs.extend(out / n for n in item[4])
                if bar is not None:
                    bar.update(len(results))
        report.summary_kept = not _place_summaries(out, csv_tmp, xlsx, force)
    except BaseException:
        xlsx.discard()
        Path(csv_tmp).unlink(missing_ok=True)
        raise
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    sync_dir(out)
    return report, docs


def _place_summaries(out: Path, csv_tmp: str, xlsx: StreamingXlsx, force: bool) -> bool:
    """Move the summaries into place; False when identical ones already exist (and are kept)."""
    csv_path, xlsx_path = out / "summary.csv", out / "summary.xlsx"
    if not force and (csv_path.exists() or xlsx_path.exists()):
        same = (
            csv_path.exists() and xlsx_path.exists() and csv_path.read_bytes() == Path(csv_tmp).read_bytes()
        )
        xlsx.discard()
        Path(csv_tmp).unlink()
        if same:
            return False
        raise OutputExistsError(
            "summary exists with other content; use --force to overwrite", path=str(csv_path)
        )
    fd, xlsx_tmp = tempfile.mkstemp(prefix=".summary.xlsx.", suffix=".tmp", dir=out)
    os.close(fd)
    xlsx.save(xlsx_tmp)
    os.replace(csv_tmp, csv_path)
    os.replace(xlsx_tmp, xlsx_path)
    return True
