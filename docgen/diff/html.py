"""Diff stage edge: :class:`DiffResult` -> one self-contained HTML page (no external resources).

Consumes a DiffResult and the report language (kk | ru; default the new act's); produces a
side-by-side page: the rule changes on top (parameters with both source points, table rows, forms,
form assignment), then the aligned text (old | new) with word-level deletions and insertions
highlighted, then the references a renumbering left behind. Every heading and label is in the
report language (``messages.yaml``, ``docgen/data/labels.yaml``); every text from the inputs is
HTML-escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

from . import DiffResult
from .lang import msg, report_language
from .report import (
    change_label,
    labelled_rules,
    rules_side,
    skipped_text,
    stale_lines,
    unit_label,
    value_text,
)
from .text import UnitChange, word_diff

__all__ = ["to_html"]

_CSS = """
body{font-family:"Times New Roman",serif;margin:1.5em;color:#111}
table{border-collapse:collapse;width:100%;margin-bottom:1.5em}
td,th{border:1px solid #bbb;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eee} del{background:#fbb;text-decoration:line-through} ins{background:#bfb;text-decoration:none}
tr.added td.new{background:#efe} tr.removed td.old{background:#fee} tr.moved td,tr.renumbered td{background:#eef}
.ref{white-space:nowrap;font-weight:bold;font-size:90%} .tag{font-size:80%;color:#555}
td.old,td.new{width:45%;white-space:pre-wrap}
"""


def _e(x: Any) -> str:
    return escape(str(x), quote=True)


def _rules_html(rules: dict[str, Any], lang: str) -> list[str]:
    lab = labelled_rules(rules, lang)
    col = lambda k: _e(msg(f"column.{k}", lang))  # noqa: E731
    out = [f"<h2>{_e(msg('rules_heading', lang))}</h2>"]
    rows = lab.get("parameters", [])
    if lab.get("document"):
        out.append(f"<h3>{_e(msg('document_heading', lang))}</h3>")
        out.append(f"<table><tr><th>{col('field')}</th><th>{col('old')}</th><th>{col('new')}</th></tr>")
        out += [
            f"<tr><td>{_e(d['label'])}</td><td>{_e(d['old_label'])}</td><td>{_e(d['new_label'])}</td></tr>"
            for d in lab["document"]
        ]
        out.append("</table>")
    out.append(f"<h3>{_e(msg('parameters_heading', lang))}</h3>")
    out.append(
        f"<table><tr><th>{col('parameter')}</th><th>{col('change')}</th><th>{col('old')}</th><th>{col('new')}</th></tr>"
    )
    if not rows:
        out.append(f'<tr><td colspan="4">{_e(msg("no_parameter_changes", lang))}</td></tr>')
    for p in rows:
        detail = "".join(
            f"<br><span class=tag>{_e(r['label'])}, {_e(r['change_label'])}: "
            f"{_e(r['old_label'])} → {_e(r['new_label'])}</span>"
            for r in p.get("rows", [])
        )
        if p.get("note_label"):
            detail += f"<br><span class=tag>{_e(p['note_label'])}</span>"
        old = value_text(rules_side(p, "old"), lang, p["key"])
        new = value_text(rules_side(p, "new"), lang, p["key"])
        out.append(
            f"<tr><td>{_e(p['label'])}</td><td>{_e(p['change_label'])}</td><td>{_e(old)}</td>"
            f"<td>{_e(new)}{detail}</td></tr>"
        )
    out.append("</table>")
    if lab.get("forms"):
        out.append(f"<h3>{_e(msg('forms_heading', lang))}</h3>")
        out.append(
            f"<table><tr><th>{col('form')}</th><th>{col('change')}</th><th>{col('old')}</th><th>{col('new')}</th><th>{col('details')}</th></tr>"
        )
        for f in lab["forms"]:
            det = "<br>".join(
                f"{_e(r['label'])}, {_e(r['change_label'])}: {_e(r['old_label'])} → {_e(r['new_label'])}"
                for part in ("rows", "columns")
                for r in f.get(part, [])
            )
            out.append(
                f"<tr><td>{_e(f['label'])}</td><td>{_e(f['change_label'])}</td><td>{_e(f['old_label'])}</td>"
                f"<td>{_e(f['new_label'])}</td><td>{det}</td></tr>"
            )
        out.append("</table>")
    if lab.get("form_assignment"):
        out.append(f"<h3>{_e(msg('assignment_heading', lang))}</h3>")
        out.append(
            f"<table><tr><th>{col('category')}</th><th>{col('change')}</th><th>{col('old')}</th><th>{col('new')}</th></tr>"
        )
        for a in lab["form_assignment"]:
            out.append(
                f"<tr><td>{_e(a['label'])}</td><td>{_e(a['change_label'])}</td><td>{_e(a['old_label'])}</td><td>{_e(a['new_label'])}</td></tr>"
            )
        out.append("</table>")
    return out


def _sides(ch: UnitChange) -> tuple[str, str]:
    if ch.old is None:
        return "", _e("\n".join(ch.new.paragraphs)) if ch.new else ""
    if ch.new is None:
        return _e("\n".join(ch.old.paragraphs)), ""
    old_html: list[str] = []
    new_html: list[str] = []
    for op, o, n in word_diff("\n".join(ch.old.paragraphs), "\n".join(ch.new.paragraphs)):
        if op == "equal":
            old_html.append(_e(o))
            new_html.append(_e(n))
        else:
            if o:
                old_html.append(f"<del>{_e(o)}</del>")
            if n:
                new_html.append(f"<ins>{_e(n)}</ins>")
    return "".join(old_html), "".join(new_html)


def to_html(r: DiffResult, lang: str | None = None) -> str:
    lg = report_language(lang, r.language)
    body: list[str] = [f"<h1>{_e(msg('title', lg, old=r.old_label, new=r.new_label))}</h1>"]
    if r.rules is not None:
        body += _rules_html(r.rules, lg)
    body.append(f"<h2>{_e(msg('text_heading', lg))}</h2>")
    if r.text is None:
        body.append(f"<p>{_e(skipped_text(r, lg))}</p>")
    else:
        body.append(
            f"<table><tr><th>{_e(msg('column.unit', lg))}</th><th>{_e(msg('column.old', lg))}</th>"
            f"<th>{_e(msg('column.new', lg))}</th></tr>"
        )
        for ch in r.text.changes:
            old, new = _sides(ch)
            notes = "".join(f"<br><span class=tag>{_e(r.text.notes[k].note.text)}</span>" for k in ch.notes)
            body.append(
                f'<tr class="{_e(ch.change)}"><td class=ref>{_e(unit_label(ch, lg))}<br>'
                f"<span class=tag>{_e(change_label(ch.change, lg))}</span>{notes}</td>"
                f"<td class=old>{old}</td><td class=new>{new}</td></tr>"
            )
        body.append("</table>")
    if r.stale_refs:
        body.append(f"<h2>{_e(msg('stale_heading', lg))}</h2><ul>")
        body += [f"<li>{_e(s)}</li>" for s in stale_lines(r, lg)]
        body.append("</ul>")
    return (
        f'<!DOCTYPE html>\n<html lang="{lg}"><head><meta charset="utf-8"><title>{_e(msg("page_title", lg))}</title>'
        f"<style>{_CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
