"""Check stage, output: render a :class:`CheckResult` as text, JSON or a self-contained HTML page.

Consumes a result; produces a string. Everything from the act is escaped in HTML. Headings and
labels come from ``messages.yaml`` in the act's language. DOCX is in :mod:`.report_docx`.
"""

from __future__ import annotations

import html
import json

from .data import evidence_words, first_line, header_rows, label, point_label, summary_rows
from .findings import SEVERITIES, CheckResult, Finding


def render_json(result: CheckResult) -> str:
    return json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"


def render_text(result: CheckResult) -> str:
    lang = result.language
    top = first_line(result)
    lines = [top] if top else []
    lines.append(label("report.title", lang))
    lines += [f"{name}: {value}" for name, value in header_rows(result)]
    lines.append("")
    if not result.findings:
        lines.append(label("report.none", lang))
    for f in result.findings:
        sev = label(f"severity.{f.severity}", lang)
        where = f" {point_label(f.point, lang)}:" if f.point and f.point != "header" else ""
        lines.append(f"[{sev}]{where} {f.message}")
        if f.quote:
            lines.append(f"    {label('report.quote', lang)}: «{f.quote}»")
        if f.details.get("model_point"):
            lines.append(f"    {label('report.model_point', lang)}: {f.details['model_point']}")
        if f.expected and f.code.startswith(("missing_provision", "form_deviation", "model_deviation")):
            lines.append(f"    {label('report.expected', lang)}: {f.expected}")
        lines.append(f"    {label('report.evidence', lang)}: {evidence_words(f.evidence, lang)}")
    counts = {s: sum(1 for f in result.findings if f.severity == s) for s in SEVERITIES}
    lines += ["", " · ".join(f"{label(f'severity.{s}', lang)}: {counts[s]}" for s in SEVERITIES)]
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:"Times New Roman",serif;max-width:60em;margin:2em auto;line-height:1.4;color:#111}
h1{font-size:1.4em}h2{font-size:1.2em;margin-top:1.5em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #888;padding:.25em .6em;vertical-align:top}
th{background:#eee}td.n{text-align:right}
.f{border-left:4px solid #888;padding:.3em .8em;margin:.8em 0}
.error{border-color:#b00020}.warning{border-color:#c77700}.info{border-color:#3a6ea5}
.q{font-style:italic;background:#f6f6f6;padding:.2em .4em}.meta{color:#555;font-size:.9em}
"""


def _finding_html(f: Finding, lang: str) -> str:
    e = html.escape
    parts = [
        f'<div class="f {e(f.severity)}">',
        f"<p><b>{e(point_label(f.point, lang))}</b> — {e(label(f'severity.{f.severity}', lang))}</p>",
        f"<p>{e(f.message)}</p>",
    ]
    if f.quote:
        parts.append(f'<p>{e(label("report.quote", lang))}: <span class="q">«{e(f.quote)}»</span></p>')
    if f.details.get("model_point"):
        parts.append(f"<p>{e(label('report.model_point', lang))}: {e(str(f.details['model_point']))}</p>")
    if f.expected:
        parts.append(f"<p>{e(label('report.expected', lang))}: {e(f.expected)}</p>")
    if f.actual:
        parts.append(f"<p>{e(label('report.actual', lang))}: {e(f.actual)}</p>")
    parts.append(
        f'<p class="meta">{e(label("report.evidence", lang))}: {e(evidence_words(f.evidence, lang))}</p></div>'
    )
    return "\n".join(parts)


def render_html(result: CheckResult) -> str:
    lang = result.language
    e = html.escape
    head = [label(f"severity.{s}", lang) for s in SEVERITIES]
    rows = summary_rows(result)
    totals = [sum(r[1][i] for r in rows) for i in range(len(SEVERITIES))]
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(lang)}"><head><meta charset="utf-8"><title>{e(label("report.title", lang))}</title>',
        f"<style>{_CSS}</style></head><body>",
        *([f"<p><b>{e(top)}</b></p>"] if (top := first_line(result)) else []),
        f"<h1>{e(label('report.title', lang))}</h1>",
        '<p class="meta">' + "<br>".join(f"{e(n)}: {e(v)}" for n, v in header_rows(result)) + "</p>",
        f"<h2>{e(label('report.summary', lang))}</h2>",
        "<table><tr><th>"
        + e(label("report.category", lang))
        + "</th>"
        + "".join(f"<th>{e(h)}</th>" for h in head)
        + "</tr>",
    ]
    for name, counts in rows:
        out.append(f"<tr><td>{e(name)}</td>" + "".join(f'<td class="n">{c}</td>' for c in counts) + "</tr>")
    out.append(
        f"<tr><th>{e(label('report.total', lang))}</th>"
        + "".join(f'<th class="n">{c}</th>' for c in totals)
        + "</tr></table>"
    )
    out.append(f"<h2>{e(label('report.findings', lang))}</h2>")
    if not result.findings:
        out.append(f"<p>{e(label('report.none', lang))}</p>")
    out += [_finding_html(f, lang) for f in result.findings]
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def render(result: CheckResult, fmt: str) -> str | bytes:
    if fmt == "json":
        return render_json(result)
    if fmt == "html":
        return render_html(result)
    if fmt == "docx":
        from .report_docx import render_docx

        return render_docx(result)
    return render_text(result)
