"""The jobs of the web page and its API, on files in a request's own folder.

Each function takes paths inside a temporary folder the caller owns (``docgen.web.app`` creates one
per request and deletes it after the response) and returns bytes or plain data; none of them writes
outside that folder or keeps anything. They go through the same stage functions as the CLI commands
(catalogue stage, blank forms, batch fill, diff, check) and hand them the typed ``Catalogue``.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError

if TYPE_CHECKING:
    from ..catalogue_model import Catalogue
    from ..model import Document

ACT_SUFFIXES = (".txt", ".docx", ".html", ".htm")
DATA_SUFFIXES = (".xlsx", ".csv")
MODEL_NAMES = re.compile(r"^(auto|E[0-9])$")


def corpus_root() -> Path:
    """The embedded corpus beside the package (``legal_corpus/`` of the checkout)."""
    return Path(__file__).resolve().parents[2] / "legal_corpus"


@dataclass(frozen=True)
class CorpusAct:
    slug: str
    title: str
    language: str
    path: Path


def corpus_acts() -> list[CorpusAct]:
    """The acts of the embedded corpus (empty when the package runs without its checkout)."""
    from .._yaml import load_yaml

    root = corpus_root() / "acts"
    out: list[CorpusAct] = []
    if not root.is_dir():
        return out
    for d in sorted(root.iterdir()):
        meta_path = d / "meta.yaml"
        if not meta_path.is_file():
            continue
        meta = load_yaml(meta_path) or {}
        seed = d / str(meta.get("seed_file") or "")
        if not seed.is_file():
            continue
        title = f"{meta.get('issuer', '')} № {meta.get('act_number', '')} ({meta.get('act_date', '')})"
        out.append(CorpusAct(d.name, title.strip(), str(meta.get("language") or ""), seed))
    return out


def corpus_act(slug: str) -> CorpusAct:
    for act in corpus_acts():
        if act.slug == slug:
            return act
    raise UsageError("unknown corpus act", where="corpus")


# --- the catalogue ------------------------------------------------------------------------------


def build_catalogue(path: Path) -> tuple[Document, Catalogue]:
    """(Document, catalogue) of one act."""
    from ..catalogue import catalogue_for_document, parse_document

    doc = parse_document(path)
    return doc, catalogue_for_document(doc)


def catalogue_json(cat: Catalogue) -> dict[str, Any]:
    """The catalogue as JSON data (what ``docgen parse`` prints)."""
    return cat.to_json()


@dataclass
class ParamRow:
    key: str
    label: str
    value: str  # in words, in the interface language
    raw: str  # the catalogue's value (JSON text)
    unit: str
    point: str
    quote: str
    anchor: str
    mark: str = ""  # anchor of the mark in the text showing this value ("" when not found)


@dataclass
class ActView:
    """What the Act page shows: the text with highlighted values, the table, the outline."""

    language: str
    rows: list[ParamRow]
    text_html: str
    outline: list[tuple[str, str]]
    catalogue: dict[str, Any]
    text: str
    missing_quotes: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def _value_text(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return "—"
    return str(value)


def highlight(
    text: str, quotes: list[tuple[str, str, str]], at: dict[str, tuple[int, int]] | None = None
) -> tuple[str, dict[str, str]]:
    """``text`` as escaped HTML with each quote wrapped in ``<mark id=q-anchor>`` linking to ``#row-…``.

    ``quotes`` are (anchor, quote, title); a quote is placed at its span from ``at`` (offsets in
    ``text``) when the text there reads the same, else looked up with any run of spaces matching any
    run of spaces. A quote overlapping one already marked shares that mark. Returns the
    HTML and, for every quote found, the anchor of its mark."""
    spans: list[tuple[int, int, str, str]] = []
    marks: dict[str, str] = {}
    for anchor, quote, title in quotes:
        q = quote.strip()
        if len(q) < 2:
            continue
        pat = re.compile(r"\s+".join(re.escape(w) for w in q.split()))
        span = (at or {}).get(anchor)
        if (
            span is not None
            and 0 <= span[0] < span[1] <= len(text)
            and pat.fullmatch(text[span[0] : span[1]])
        ):
            s, e = span
        else:
            m = pat.search(text)
            if m is None:
                continue
            s, e = m.span()
        other = next((a for s2, e2, a, _ in spans if s < e2 and s2 < e), None)
        if other is not None:
            marks[anchor] = other
            continue
        spans.append((s, e, anchor, title))
        marks[anchor] = anchor
    spans.sort()
    out: list[str] = []
    pos = 0
    for s, e, anchor, title in spans:
        out.append(html.escape(text[pos:s]))
        out.append(
            f'<mark id="q-{anchor}" title="{html.escape(title)}">'
            f'<a href="#row-{anchor}">{html.escape(text[s:e])}</a></mark>'
        )
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out), marks


def outline(data: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """(name, title) of the chapters and appendices, named in the interface language."""
    from ..data.labels import point_name

    struct = data.get("structure") or {}
    out: list[tuple[str, str]] = []
    for ch in struct.get("chapters") or []:
        if isinstance(ch, dict):
            out.append((point_name(f"chapter:{ch.get('number')}", lang), str(ch.get("title") or "")))
    for app in struct.get("appendices") or []:
        if isinstance(app, dict):
            out.append((point_name(f"app:{app.get('number')}", lang), str(app.get("title") or "")))
        elif isinstance(app, int):
            out.append((point_name(f"app:{app}", lang), ""))
    return out


def act_view(path: Path, ui_lang: str) -> ActView:
    from ..data.labels import key_label, point_name, unit_word, value_text

    doc, cat = build_catalogue(path)
    data = catalogue_json(cat)
    rows: list[ParamRow] = []
    for i, par in enumerate(sorted(cat, key=lambda p: p.key)):
        key, value, unit = par.key, par.value, par.unit
        n = value if isinstance(value, int | float) and not isinstance(value, bool) else 5
        rows.append(
            ParamRow(
                key=key,
                label=key_label(key, ui_lang),
                value=value_text(key, value, unit, ui_lang),
                raw=_value_text(value),
                unit=unit_word(unit, n, ui_lang) if unit else "",
                point=point_name(par.source.point, ui_lang) if par.source.point else "",
                quote=str(par.source.quote or ""),
                anchor=f"p{i}",
            )
        )
    text = doc.text
    spans = {
        r.anchor: (p.source.start, p.source.end)
        for r, p in zip(rows, sorted(cat, key=lambda p: p.key), strict=True)
        if p.source.start is not None and p.source.end is not None
    }
    text_html, marks = highlight(text, [(r.anchor, r.quote, r.label) for r in rows], spans)
    for r in rows:
        r.mark = marks.get(r.anchor, "")
    return ActView(
        language=cat.lang,
        rows=rows,
        text_html=text_html,
        outline=outline(data, ui_lang),
        catalogue=data,
        text=text,
        missing_quotes=sum(1 for r in rows if r.quote and not r.mark),
    )


# --- forms ----------------------------------------------------------------------------------------


def _langs(lang: str | None, cat: Catalogue) -> tuple[str, ...]:
    if lang in (None, "", "auto"):
        return (cat.lang,)
    if lang == "both":
        return ("kk", "ru")
    if lang in ("kk", "ru"):
        return (lang,)
    raise UsageError("lang must be kk, ru or both", where="lang")


def forms_zip(path: Path, lang: str | None) -> tuple[bytes, list[tuple[str, bytes]]]:
    """ZIP of the blank appendix forms, and each form as (file name, DOCX bytes); with forms in a
    language other than the act's, also the translation report ``translation.json``."""
    from ..commands.translation_report import REPORT_NAME, FormUnits, report_json
    from ..forms.blank import blank_forms
    from ..render.untranslated import mark_document

    _, cat = build_catalogue(path)
    langs = _langs(lang, cat)
    if not cat.forms:
        raise UsageError("the text has no appendix forms", where="act")
    items, _skipped = blank_forms(cat, langs)
    buf = io.BytesIO()
    files: list[tuple[str, bytes]] = []
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for item in items:
            body = mark_document(item.render(), item.lang)
            zf.writestr(item.filename, body)
            files.append((item.filename, body))
        other = [
            FormUnits(i.filename, i.appendix, i.kind, i.lang, i.units) for i in items if i.lang != cat.lang
        ]
        if other:
            zf.writestr(REPORT_NAME, report_json(cat, other))
    return buf.getvalue(), files


# --- fill -----------------------------------------------------------------------------------------


def column_caption(key: str, lang: str) -> str:
    """The caption of an input column as the input template prints it (kk or ru)."""
    from ..forms.labels import labels

    heads = labels(lang).get("input_headers") or {}
    base, _, n = key.rpartition("_")
    if key.startswith(("score_", "comment_")) and base in heads:
        return str(heads[base]).format(n=n)
    return str(heads.get(key, key))


def input_template(path: Path, out: Path) -> bytes:
    from ..batch.workbook import write_input_template

    _, cat = build_catalogue(path)
    write_input_template(cat, out, force=True)
    return out.read_bytes()


def count_rows(data: Path) -> int:
    from ..batch.reader import read_rows

    return sum(1 for _ in read_rows(data))


def count_outputs(workdir: Path) -> int:
    """Sheets written so far by a running batch in ``workdir`` (its progress)."""
    out = workdir / "out"
    return sum(1 for p in out.rglob("*.docx")) if out.is_dir() else 0


@dataclass
class FillResult:
    zip_bytes: bytes
    summary: list[dict[str, Any]]
    errors: list[dict[str, Any]]
    rows: int
    bad_rows: int
    rendered: int


def fill_zip(
    act: Path, data: Path, workdir: Path, lang: str | None, msg_lang: str | None = None
) -> FillResult:
    """Fill one sheet per good row into ``workdir/out`` and zip the sheets and both summaries.
    ``msg_lang``: the language of the summaries and the row errors (the page's language; default: the
    sheets' language when one is asked, else the act's)."""
    from ..batch.reader import read_rows
    from ..batch.run import fill_batch

    _, cat = build_catalogue(act)
    langs = _langs(lang, cat)
    out = workdir / "out"
    errors: list[Any] = []
    said = msg_lang if msg_lang in ("kk", "ru") else lang if lang in ("kk", "ru") else None
    report, _docs = fill_batch(
        cat, data, out, langs=langs, jobs=1, progress=False, on_error=errors.append, msg_lang=said
    )
    bad_cells = {(e.row, e.column) for e in errors}
    values: dict[tuple[int, str], str] = {}
    if bad_cells:
        wanted_rows = {r for r, _ in bad_cells}
        for rownum, row in read_rows(data):
            if rownum in wanted_rows:
                for col, val in row.items():
                    if (rownum, col) in bad_cells:
                        values[(rownum, col)] = val
    err_rows = [
        {"row": e.row, "column": e.column, "message": e.message, "value": values.get((e.row, e.column), "")}
        for e in errors
    ]
    from ..batch.summary import JSON_NAME
    from ..forms.labels import fmt_number, period_text

    shown = said or cat.lang
    shown = shown if shown in ("kk", "ru") else "ru"
    with open(out / JSON_NAME, encoding="utf-8") as fh:
        summary = json.load(fh)["rows"]
    for s in summary:  # what the page shows: the period and the score as the summaries word them
        s["period_text"] = period_text(shown, s["period"]) if s["period"] else ""
        s["final_score_text"] = "" if s["final_score"] is None else fmt_number(s["final_score"], 2)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for p in sorted(out.rglob("*")):
            if p.is_file() and not p.name.startswith("."):
                zf.write(p, p.relative_to(out).as_posix())
    return FillResult(buf.getvalue(), summary, err_rows, report.rows, report.bad_rows, report.rendered)


# --- diff and check -------------------------------------------------------------------------------


def run_diff(old: Path, new: Path, old_label: str, new_label: str) -> Any:
    from ..diff import diff_documents

    old_doc, old_cat = build_catalogue(old)
    new_doc, new_cat = build_catalogue(new)
    return diff_documents(
        old_doc,
        new_doc,
        old_cat,
        new_cat,
        old_label=old_label,
        new_label=new_label,
    )


def diff_output(result: Any, fmt: str, lang: str | None) -> tuple[bytes, str, str]:
    """(body, media type, file name) of a diff in ``fmt`` = json | html | docx."""
    from ..diff.lang import msg, report_language

    lg = report_language(lang, result.language)
    if fmt == "json":
        from ..diff.report import to_json

        body = json.dumps(to_json(result, lang), ensure_ascii=False, indent=1).encode()
        return body, "application/json", "diff.json"
    if fmt == "html":
        from ..diff.html import to_html

        return to_html(result, lang).encode(), "text/html; charset=utf-8", "diff.html"
    if fmt == "docx":
        from ..diff.redline import build_redline

        if result.text is None:
            from ..diff.report import skipped_text

            raise UsageError(skipped_text(result, lg) or "no text diff", where="format")
        body = build_redline(
            result.text,
            title=msg("title", lg, old=result.old_label, new=result.new_label),
            lang=result.language,
        )
        return body, DOCX, "diff.docx"
    raise UsageError("format must be json, html or docx", where="format")


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def run_check(act: Path, model: str, label: str = "", as_of: dt.date | None = None) -> Any:
    """The check of one act; the report names it by ``label`` (the sender's file name), never by
    the server's temporary path."""
    import dataclasses

    from ..check import check_path

    if not MODEL_NAMES.match(model):
        raise UsageError("model must be auto, E0, E1 or E4", where="model")
    result = check_path(str(act), model, as_of=as_of or dt.date.today())
    return dataclasses.replace(result, path=label or act.name)


def check_output(result: Any, fmt: str) -> tuple[bytes, str, str]:
    from ..check.report import render

    if fmt not in ("json", "html", "docx"):
        raise UsageError("format must be json, html or docx", where="format")
    out = render(result, fmt)
    body = out if isinstance(out, bytes) else out.encode()
    media = {"json": "application/json", "html": "text/html; charset=utf-8", "docx": DOCX}[fmt]
    return body, media, f"check.{fmt}"


# --- one thread-pool call per request (a request never queues twice behind the others) -----------


def diff_all(
    old: Path, new: Path, old_label: str, new_label: str, fmt: str | None, lang: str | None
) -> tuple[Any, dict[str, tuple[bytes, str, str]]]:
    """The diff and its outputs: ``fmt`` only, or (None) json, html and, when there is a text
    diff, the docx redline."""
    result = run_diff(old, new, old_label, new_label)
    fmts = [fmt] if fmt else ["json", "html"] + (["docx"] if result.text is not None else [])
    return result, {f: diff_output(result, f, lang) for f in fmts}


def check_all(
    act: Path, model: str, label: str, fmt: str, with_text: bool = False
) -> tuple[Any, bytes, str, str, str]:
    """(result, body, media type, file name, the act's text when ``with_text``)."""
    if fmt not in ("json", "html", "docx"):
        raise UsageError("format must be json, html or docx", where="format")
    result = run_check(act, model, label)
    body, media, name = check_output(result, fmt)
    text = ""
    if with_text:
        from ..catalogue import parse_document

        text = parse_document(act).text
    return result, body, media, name, text


def fill_counted(
    act: Path, data: Path, workdir: Path, lang: str | None, on_total: Any, msg_lang: str | None = None
) -> FillResult:
    """``fill_zip`` after telling ``on_total`` how many rows the workbook has (for the progress)."""
    on_total(count_rows(data))
    return fill_zip(act, data, workdir, lang, msg_lang)


# --- draft ----------------------------------------------------------------------------------------


def draft_zip(body_path: Path, model: str, lang: str | None, label: str = "BODY.yaml") -> bytes:
    """ZIP of ``methodology.<lang>.docx`` and ``.txt`` drafted for the body in ``body_path`` from the
    text of model edition ``model`` (what ``docgen draft`` writes)."""
    from ..draft import draft, load_body, render_docx

    if lang in (None, "", "both"):
        langs: tuple[str, ...] = ("kk", "ru")
    elif lang in ("kk", "ru"):
        langs = (lang,)
    else:
        raise UsageError("lang must be kk, ru or both", where="lang")
    if not MODEL_NAMES.match(model) or model == "auto":
        raise UsageError("model must be a model edition such as E4", where="model")
    ui = "kk" if langs == ("kk",) else "ru"
    body = load_body(body_path, ui)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for code in langs:
            d = draft(model, body, code, label)
            zf.writestr(f"methodology.{code}.docx", render_docx(d))
            zf.writestr(f"methodology.{code}.txt", d.text)
        _write_edition_warning(zf, model, ui)
    return buf.getvalue()


def _write_edition_warning(zf: zipfile.ZipFile, model: str, ui: str) -> None:
    """``warnings.txt`` when the edition is no longer in force today (as ``amend_zip`` keeps its own)."""
    said = edition_warnings([model], ui).get(model)
    if said:
        zf.writestr("warnings.txt", said + "\n")


@dataclass
class DraftFields:
    """What the Draft page asks for: the editions with a text, the kinds of body and approving act,
    and per edition the parameters the model leaves to the body (with their range)."""

    models: list[str]
    body_kinds: list[str]
    act_kinds: list[str]
    parameters: dict[str, dict[str, dict[str, Any]]]


def draft_fields() -> DraftFields:
    from ..draft.messages import messages
    from ..draft.model import editions_with_text, load_model_text

    models = editions_with_text()
    params: dict[str, dict[str, dict[str, Any]]] = {}
    for edition in models:
        for code in ("ru", "kk"):
            try:
                params[edition] = dict(load_model_text(edition, code).body_parameters)
                break
            except KeyError:
                continue
    return DraftFields(
        models, [str(k) for k in messages()["body_kinds"]], [str(k) for k in messages()["kinds"]], params
    )


def edition_warnings(models: list[str], lang: str) -> dict[str, str]:
    """Per model edition no longer in force today: the warning that says so and names the edition in
    force (errors.yaml), in ``lang``; the Draft page offers such an edition only with it."""
    from ..draft import edition_warning
    from ..errors import user_text_in

    out: dict[str, str] = {}
    for edition in models:
        warning = edition_warning(edition)
        if warning:
            out[edition] = user_text_in(warning, lang)
    return out


def draft_page(
    body_path: Path, model: str, lang: str, ui: str, label: str = "BODY.yaml"
) -> tuple[bytes, dict[str, str]]:
    """The Draft page's job: (ZIP as :func:`draft_zip` makes it, the text of each language). Errors
    are said in ``ui`` (the interface language), naming the field."""
    from ..draft import draft, load_body, render_docx

    langs = {"kk": ("kk",), "ru": ("ru",)}.get(lang, ("kk", "ru"))
    if not MODEL_NAMES.match(model) or model == "auto":
        raise UsageError("model must be a model edition such as E4", where="model")
    body = load_body(body_path, ui)
    draft(model, body, ui, label)  # the checks, said in the interface language
    buf = io.BytesIO()
    texts: dict[str, str] = {}
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for code in langs:
            d = draft(model, body, code, label)
            zf.writestr(f"methodology.{code}.docx", render_docx(d))
            zf.writestr(f"methodology.{code}.txt", d.text)
            texts[code] = d.text
        _write_edition_warning(zf, model, ui)
    return buf.getvalue(), texts


def amend_zip(
    act: Path,
    sets: list[str],
    deletes: list[str],
    new_edition: bool,
    label: str,
    to: str | None = None,
    ui: str | None = None,
) -> tuple[bytes, list[str]]:
    """ZIP of what ``docgen amend`` writes (``edition.<lang>.txt``/``.docx``, ``redline.docx``,
    ``comparison.docx``, ``amendment.<lang>.txt``/``.docx``, and ``warnings.txt`` when there is something to
    check: a reference the act has wrong, one left pointing at a removed point, a value stated twice),
    and those warnings, said in ``ui`` (the page's language; by default the act's). ``to``: the model
    edition to bring the act to, as ``docgen amend --to``."""
    from ..catalogue import catalogue_for_document, parse_document
    from ..commands.amend_model import plan_for
    from ..diff.redline import build_redline
    from ..diff.text import diff_text
    from ..draft.amend import amend, amendment_text, document_from_text, parse_sets
    from ..draft.comparison import render_comparison
    from ..draft.edition import render_amendment, render_edition

    doc = parse_document(act)
    lang = doc.language if doc.language in ("kk", "ru") else "ru"
    say = ui if ui in ("kk", "ru") else lang
    cat = catalogue_for_document(doc)
    target = (to or "").strip() or None
    plan = plan_for(doc, cat, target, lang, label, say=say)
    pairs = parse_sets([s for s in sets if s.strip()], say, label, where="set")
    points = [d.strip() for d in deletes if d.strip()]
    am = amend(
        doc,
        cat,
        pairs,
        points,
        label,
        new_edition=new_edition,
        inserts=plan.inserts,
        model_deletes=plan.model_deletes,
        edition=target or "",
        say=say,
    )
    am.notes = plan.notes
    am.warnings = [*plan.warnings, *am.warnings]
    warnings = [*am.warnings, *am.notes]
    new_doc = document_from_text(am.new_text, f"edition.{lang}.txt")
    title = cat.act.title or Path(label).stem
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr(f"edition.{lang}.txt", am.new_text)
        zf.writestr(f"edition.{lang}.docx", render_edition(new_doc, lang, title))
        zf.writestr("redline.docx", build_redline(diff_text(doc, new_doc), title=title, lang=lang))
        zf.writestr("comparison.docx", render_comparison(am, title))
        zf.writestr(f"amendment.{lang}.txt", wording := amendment_text(am, cat.act))
        zf.writestr(f"amendment.{lang}.docx", render_amendment(wording, lang, title))
        if warnings:
            zf.writestr("warnings.txt", "\n".join(warnings) + "\n")
    return buf.getvalue(), warnings
