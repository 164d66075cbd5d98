"""Batch stage: ``docgen fill`` end to end -- read, validate, score, render, write, summarise.

Consumes a :class:`~docgen.catalogue_model.Catalogue` and a data file (one row per employee and period); produces one DOCX
per good row and language, ``summary.csv`` and ``summary.xlsx`` (for people: headed and worded in
the user's language, no code in a cell), ``summary.json`` (for programs: full_name, period, sheet,
average, final_score, grade, errors, row, grade_label, interpretation, files, warnings, with the
codes; see :mod:`docgen.batch.summary`) and
``docgen-manifest.json`` (rows -> files). Everything the user reads (refusals, row errors, the
summary's words, the progress bar) is in ``msg_lang``: the language the sheets are asked in, else
the act's.

- A batch is a transaction (see :mod:`docgen.batch.folder`): the folder is locked first; then
  everything that can refuse the run is checked before any document is written -- the folder is
  a folder and writable, the data has rows and reads to its end, and, without ``force``, existing
  summaries equal the ones this run would write (computed by a dry pass without rendering). A
  completed run removes the sheets earlier runs wrote that it did not produce (a changed row's old
  sheet), so a folder never holds two sheets for one row.
- Streaming: rows are read in chunks; at most a few chunks are in flight; the summaries are
  streamed to temporary files; memory does not grow with the batch size (but for the file names).
- Parallel: with ``jobs > 1`` chunks are validated, scored, rendered and written by forked worker
  processes (the compiled templates are built once, before the fork); the main process reads the
  data and writes the summaries in row order. Workers ignore SIGINT and die with the main process
  (``PR_SET_PDEATHSIG`` on Linux, a parent watch elsewhere), quietly. Chunks shrink (to 25 rows)
  so that each worker gets at least four; a batch of at most 25 rows is done in the main process.
- A bad row is reported (row number, column) and not rendered; the other rows are.
- File names are ``row<NNNNN>_<period>_<sheet>_<name slug>_<digest>.<lang>.docx`` (the slug of
  :mod:`docgen.batch.names`: Latin letters, digits and dashes only); the digest covers the row's
  values, the catalogue, the template and the options, so an existing file with that name has
  exactly the content this run would write. Without ``force`` existing files are kept (a rerun
  after an interruption renders only what is missing); with ``force`` everything is rewritten.
- Writes are atomic (docgen temporary file + rename); temporary files of dead docgen processes
  are removed first; the folder is synced once at the end.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..catalogue_model import Catalogue
from ..errors import InputError, OutputExistsError, ToolMissingError
from ..forms.labels import fmt_number, grade_label, labels
from ..render import as_mapping
from ..render.fast import CompiledTemplate
from ..render.pdf import convert_to_pdf, find_soffice
from ..render.templates import compiled, template_path
from ..render.untranslated import mark_document
from ..render.write import clean_stale_temps, sync_dir, write_atomic
from ..scoring.sheets import score_sheet
from .folder import Ledger, ManifestWriter, open_folder, os_error
from .messages import message
from .names import name_slug
from .plan import FillPlan, RowError, row_warnings
from .reader import read_rows
from .sheet_context import SheetStatics, build_context
from .summary import (
    CSV_NAME,
    SUMMARY_COLUMNS,
    SUMMARY_NAMES,
    SummaryFiles,
    SummaryHash,
    SummaryWords,
    csv_safe,
    existing_summary,
)

__all__ = ["SUMMARY_COLUMNS", "BatchReport", "csv_safe", "default_jobs", "fill_batch"]

CHUNK = 200
MIN_CHUNK = 25
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
    removed: int = 0


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
        cat: Catalogue,
        out: Path,
        langs: tuple[str, ...],
        force: bool,
        cap_mode: str,
        level: int = DOC_LEVEL,
        msg_lang: str | None = None,
    ) -> None:
        self.plan = FillPlan(cat, msg_lang)
        self.out = out
        self.langs = langs
        self.force = force
        self.cap_mode = cap_mode
        self.ledger: Ledger | None = None
        self.statics = {
            (s.sheet, lang): SheetStatics.build(cat, s, lang)
            for s in self.plan.sheets.values()
            for lang in langs
        }
        self._statics_src: dict[tuple[str, str], SheetStatics] = {}
        self.templates: dict[tuple[str, str], CompiledTemplate] = {
            (s.kind, lang): compiled(s.kind, lang, level) for s in self.plan.sheets.values() for lang in langs
        }
        cat_fp = _digest(json.dumps(cat.to_json(), sort_keys=True, ensure_ascii=False), cap_mode)
        self.fp = {
            key: _digest(
                cat_fp,
                str(level),
                hashlib.sha1(template_path(*key).read_bytes(), usedforsecurity=False).hexdigest(),
            )
            for key in self.templates
        }
        self.lang = self.plan.msg_lang  # what the user reads (summary, messages)
        self.grade_text = {
            g: grade_label(self.lang, g, cat.value("grades"), self.plan.lang)
            for g in (str(b.id) for b in self.plan.rules.grades)
        }

    def _row(self, rownum: int, raw: dict[str, str]) -> tuple[tuple[Any, ...], Any]:
        """("bad", summary_row, errors) or ("ok", summary_row, names) and what rendering needs."""
        plan = self.plan
        res = plan.validate(rownum, raw)
        if isinstance(res, list):
            summary = [
                raw.get("full_name", ""),
                raw.get("period", ""),
                raw.get("sheet", ""),
                "",
                "",
                "",
                "; ".join(e.summary_text() for e in res),
                rownum,
                "",
                "",
                "",
                "",
            ]
            return ("bad", summary, res), None
        score = score_sheet(
            res.scores,
            res.sanction,
            plan.rules,
            cap_mode=self.cap_mode,
            sanction_row=res.sheet.sanction_row,
        )
        values_fp = json.dumps(res.values, sort_keys=True, ensure_ascii=False)
        names = []
        slug = name_slug(res.values.get("full_name", ""))
        for lang in self.langs:
            key = (res.sheet.kind, lang)
            digest = _digest(values_fp, self.fp[key], lang)
            names.append(f"row{rownum:05d}_{res.period}_{res.sheet.sheet}_{slug}_{digest}.{lang}.docx")
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
            self.how(res, score),
            " ".join(names),
            "; ".join(row_warnings(self.plan, res, self._own_statics(res.sheet).rows)),
        ]
        return ("ok", summary, names), (res, score)

    def how(self, res: Any, score: Any) -> str:
        """How the score was obtained, in the user's language (the summary's interpretation)."""
        lang = self.lang
        parts = [message(lang, "how_average", n=len(score.scores))]
        sanctions = labels(lang)["sanctions"]
        if score.sanction == "none":
            parts.append(message(lang, "how_no_sanction"))
        elif score.cap is None:
            parts.append(message(lang, "how_no_cap", sanction=sanctions[score.sanction]))
        else:
            st = self._own_statics(res.sheet)
            src = st.cap_source(score.cap)
            cap = fmt_number(score.cap.value, 2)
            if score.cap_mode == "final":
                parts.append(
                    message(lang, "how_cap_final", sanction=sanctions[score.sanction], cap=cap, source=src)
                )
            else:
                names = st.rows if len(st.rows) == len(res.sheet.rows) else res.sheet.rows
                row = names[score.cap_row] if score.cap_row is not None else ""
                parts.append(
                    message(
                        lang,
                        "how_cap_parameter",
                        sanction=sanctions[score.sanction],
                        cap=cap,
                        source=src,
                        row=row,
                    )
                )
        return "; ".join(parts)

    def _own_statics(self, sheet: Any) -> SheetStatics:
        """The sheet's words in the user's language (its parameter names, where the act states a cap)."""
        key = (sheet.sheet, self.lang)
        st = self.statics.get(key) or self._statics_src.get(key)
        if st is None:
            st = self._statics_src[key] = SheetStatics.build(self.plan.cat, sheet, self.lang)
        return st

    def run_chunk(self, chunk: list[tuple[int, dict[str, str]]], dry: bool = False) -> list[tuple[Any, ...]]:
        """Per row: ("bad", summary_row, errors) or ("ok", summary_row, rendered, kept, paths).

        ``dry``: validate and score only; per row ("bad"|"ok", summary_row, ...), nothing written.
        """
        planned = [self._row(rownum, raw) for rownum, raw in chunk]
        if dry:
            return [item for item, _ in planned]
        todo: list[tuple[int, str, str]] = []
        folder = os.fspath(self.out)
        for i, (item, _) in enumerate(planned):
            if item[0] == "ok":
                for lang, name in zip(self.langs, item[2], strict=True):
                    if self.force or not os.path.exists(os.path.join(folder, name)):
                        todo.append((i, lang, name))
        if self.ledger is not None:
            self.ledger.record(name for _, _, name in todo)
        rendered = [0] * len(planned)
        for i, lang, name in todo:
            res, score = planned[i][1]
            st = self.statics[(res.sheet.sheet, lang)]
            ctx = build_context(res, score, st)
            key = (res.sheet.kind, lang)
            if st.untranslated:  # text the term base lacks: set in italics with its mark and the legend
                data: bytes | tuple[bytes, ...] = mark_document(
                    self.templates[key].render(as_mapping(ctx)), lang
                )
            else:
                data = self.templates[key].render_parts(as_mapping(ctx))
            write_atomic(os.path.join(folder, name), data, force=True)
            rendered[i] += 1
        results: list[tuple[Any, ...]] = []
        for i, (item, _) in enumerate(planned):
            if item[0] == "bad":
                results.append(item)
            else:
                results.append(("ok", item[1], rendered[i], len(item[2]) - rendered[i], item[2]))
        return results


_JOB: Job | None = None


def _worker(chunk: list[tuple[int, dict[str, str]]], dry: bool) -> list[tuple[Any, ...]]:
    assert _JOB is not None
    return _JOB.run_chunk(chunk, dry)


PR_SET_PDEATHSIG = 1


def _worker_init(parent: int) -> None:
    """Workers leave SIGINT to the main process and die with it, quietly, however it ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watched = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            watched = libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
        except (OSError, AttributeError):
            watched = False
    if os.getppid() != parent:  # the parent died before the watch was set
        os._exit(0)
    if not watched:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


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


def chunk_size(nrows: int | None, jobs: int) -> int:
    """Rows per chunk: ``CHUNK``, smaller for a batch that would give each worker fewer than four
    chunks (so no worker waits idle for the last one), at least ``MIN_CHUNK``."""
    if not nrows or jobs <= 1:
        return CHUNK
    return max(MIN_CHUNK, min(CHUNK, -(-nrows // (4 * jobs))))


def _results(
    job: Job, data: str | os.PathLike[str], jobs: int, dry: bool = False, nrows: int | None = None
) -> Iterator[list[tuple[Any, ...]]]:
    if nrows is not None and nrows <= MIN_CHUNK:
        jobs = 1  # a batch this small costs less than starting the workers
    chunks = _chunks(read_rows(data, job.lang), chunk_size(nrows, jobs))
    if jobs <= 1:
        for chunk in chunks:
            yield job.run_chunk(chunk, dry)
        return
    global _JOB
    _JOB = job
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs, initializer=_worker_init, initargs=(os.getpid(),)) as pool:
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_worker, (chunk, dry)))
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
    cat: Catalogue,
    data: str | os.PathLike[str],
    outdir: str | os.PathLike[str],
    *,
    langs: tuple[str, ...],
    force: bool = False,
    cap_mode: str = "final",
    jobs: int | None = None,
    progress: bool | None = None,
    on_error: Callable[[RowError], None] | None = None,
    pdf: bool = False,
    msg_lang: str | None = None,
) -> tuple[BatchReport, list[Path]]:
    """Render every good row (and, with ``pdf``, convert them while the folder is still locked);
    return the report and the DOCX paths of this batch. ``msg_lang``: the language of everything the
    user reads (default: the act's)."""
    lang = msg_lang if msg_lang in ("kk", "ru") else cat.lang
    out, lock, created = open_folder(outdir, lang)
    ok = False
    try:
        if pdf and find_soffice() is None:
            raise ToolMissingError(message(lang, "no_soffice"))
        clean_stale_temps(out)
        job = Job(cat, out, langs, force, cap_mode, msg_lang=lang)
        report, docs = _fill(
            job, data, lang, jobs if jobs is not None else default_jobs(), progress, on_error
        )
        ok = True
        if pdf:
            todo = [d for d in docs if force or not d.with_suffix(".pdf").exists()]
            report.pdfs = len(convert_to_pdf(todo, out))
        return report, docs
    except OSError as exc:
        raise os_error(lang, exc, exc.filename or out) from exc
    finally:
        lock.release()
        if created and not ok:  # a refused run leaves no empty folder behind
            with contextlib.suppress(OSError):
                out.rmdir()


def _precheck(job: Job, data: str | os.PathLike[str], lang: str | None, jobs: int) -> int:
    """Everything that can refuse the run, before a document is written; return the row count."""
    present, old_hash = existing_summary(job.out)
    compare = present and not job.force
    n = 0
    if compare:
        h = SummaryHash(SummaryWords(lang, job.langs, job.plan))
        for results in _results(job, data, jobs, dry=True):
            for item in results:
                h.add(item[1])
                n += 1
    else:
        n = sum(1 for _ in read_rows(data, job.lang))
    if n == 0:
        raise InputError(message(lang, "no_rows"), path=os.fspath(data))
    if compare and h.hexdigest() != old_hash:
        raise OutputExistsError(message(lang, "summary_differs"), path=str(job.out / CSV_NAME))
    return n


def _fill(
    job: Job,
    data: str | os.PathLike[str],
    lang: str | None,
    jobs: int,
    progress: bool | None,
    on_error: Callable[[RowError], None] | None,
) -> tuple[BatchReport, list[Path]]:
    out = job.out
    ledger = Ledger(out, lang)
    ledger.load(job.force)
    nrows = _precheck(job, data, lang, jobs)
    report = BatchReport()
    for st in job.statics.values():
        report.untranslated.update(st.untranslated)
    docs: list[Path] = []
    produced: set[str] = set()
    show = sys.stderr.isatty() if progress is None else progress
    bar: Any = None
    ledger.start()
    job.ledger = ledger
    summaries = SummaryFiles(out, lang, job.langs, job.plan)
    manifest = ManifestWriter(out, SUMMARY_NAMES)
    try:
        if show:
            import click

            bar = click.progressbar(length=nrows, label=message(lang, "progress"), file=sys.stderr)
            bar.__enter__()
        for results in _results(job, data, jobs, nrows=nrows):
            for item in results:
                report.rows += 1
                summaries.add(item[1])
                if item[0] == "bad":
                    manifest.add(item[1][7], [])
                    report.bad_rows += 1
                    for err in item[2]:
                        if on_error:
                            on_error(err)
                else:
                    manifest.add(item[1][7], item[4])
                    report.rendered += item[2]
                    report.kept += item[3]
                    produced.update(item[4])
                    docs.extend(out / n for n in item[4])
            if bar is not None:
                bar.update(len(results))
        report.summary_kept = not summaries.place(force=job.force)
        manifest.place()
    except BaseException:
        summaries.discard()
        manifest.discard()
        ledger.close()
        raise
    finally:
        job.ledger = None
        if bar is not None:
            bar.__exit__(None, None, None)
    report.removed = ledger.finish(produced)
    sync_dir(out)
    return report, docs
