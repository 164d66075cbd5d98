"""Diff stage edge: :class:`DiffResult` -> one self-contained HTML page (no external resources).

Consumes a DiffResult; produces a side-by-side page: the rule changes on top (parameters with
both source points, table rows, forms, form assignment), then the aligned text (old | new) with
word-level deletions and insertions highlighted. Every text from the inputs is HTML-escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

from . import DiffResult
from .report import value_text
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


def _rules_html(rules: dict[str, Any]) -> list[str]:
    out = ["<h2>Rule changes</h2>"]
    rows = rules.get("parameters", [])
    if rules.get("document"):
        out.append("<table><tr><th>Document</th><th>Old</th><th>New</th></tr>")
        out += [
            f"<tr><td>{_e(d['field'])}</td><td>{_e(d['old'])}</td><td>{_e(d['new'])}</td></tr>"
            for d in rules["document"]
        ]
        out.append("</table>")
    out.append("<table><tr><th>Key</th><th>Change</th><th>Old (point)</th><th>New (point)</th></tr>")
    if not rows:
        out.append('<tr><td colspan="4">No parameter changes.</td></tr>')
    for p in rows:
        detail = "".join(
            f"<br><span class=tag>row {_e(r['old_row'] or '-')}→{_e(r['new_row'] or '-')} {_e(r['change'])}: "
            f"{_e(r['old'])} → {_e(r['new'])}</span>"
            for r in p.get("rows", [])
        )
        out.append(
            f"<tr><td>{_e(p['key'])}</td><td>{_e(p['change'])}</td><td>{_e(value_text(p['old']))}</td>"
            f"<td>{_e(value_text(p['new']))}{detail}</td></tr>"
        )
    out.append("</table>")
    if rules.get("forms"):
        out.append("<table><tr><th>Form</th><th>Change</th><th>Details</th></tr>")
        for f in rules["forms"]:
            det = "<br>".join(
                f"{_e(part[:-1])} {_e(r['change'])}: {_e(r['old'])} → {_e(r['new'])}"
                for part in ("rows", "columns")
                for r in f.get(part, [])
            )
            out.append(f"<tr><td>{_e(f['kind'])}</td><td>{_e(f['change'])}</td><td>{det}</td></tr>")
        out.append("</table>")
    if rules.get("form_assignment"):
        out.append("<table><tr><th>Category</th><th>Change</th><th>Old</th><th>New</th></tr>")
        for a in rules["form_assignment"]:

            def fmt(xs: list[dict[str, Any]] | None) -> str:
                return "; ".join(
                    f"{x.get('form_kind') or x.get('form_appendix')} / {x.get('evaluator')}" for x in xs or []
                )

            out.append(
                f"<tr><td>{_e(a['category'])}</td><td>{_e(a['change'])}</td><td>{_e(fmt(a['old']))}</td><td>{_e(fmt(a['new']))}</td></tr>"
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


def to_html(r: DiffResult) -> str:
    body: list[str] = [f"<h1>{_e(r.old_label)} → {_e(r.new_label)}</h1>"]
    if r.rules is not None:
        body += _rules_html(r.rules)
    body.append("<h2>Text</h2>")
    if r.text is None:
        body.append(f"<p>Text not compared: {_e(r.text_skipped)}</p>")
    else:
        body.append("<table><tr><th>Unit</th><th>Old</th><th>New</th></tr>")
        for ch in r.text.changes:
            old, new = _sides(ch)
            notes = "".join(f"<br><span class=tag>{_e(r.text.notes[k].note.text)}</span>" for k in ch.notes)
            ref = f"{_e(ch.old_ref or '—')} → {_e(ch.new_ref or '—')}"
            body.append(
                f'<tr class="{_e(ch.change)}"><td class=ref>{ref}<br><span class=tag>{_e(ch.change)}</span>{notes}</td>'
                f"<td class=old>{old}</td><td class=new>{new}</td></tr>"
            )
        body.append("</table>")
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>docgen diff</title>'
        f"<style>{_CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
