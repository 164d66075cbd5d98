"""Extraction stage, part 5: cross references and form assignment.

Consumes the document's points; produces ``cross_references`` (from a point to another point or an
appendix of the same text, with the exact raw quote) and ``form_assignment`` (which position
categories are evaluated on which appendix form, and by whom). References to laws, codes or the
model's own appendices are external and are listed separately. Patterns are data (labels.yaml).
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Document
from .registry import labels

CODE = re.compile(r"(?<![\w-])([A-E](?:-[OR])?-\d{1,2})(?![\w-])")


def _near(text: str, start: int, end: int, words: list[str], before: int = 60, after: int = 60) -> bool:
    window = text[max(0, start - before) : end + after].lower()
    return any(w in window for w in words)


def _refs(doc: Document) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    lab = labels()["xref"][doc.language]
    text = doc.norm.text
    internal: list[dict[str, Any]] = []
    external: list[dict[str, Any]] = []
    sources = [(p.number, p.start, p.end) for p in doc.points if not p.deleted]
    for a in doc.appendices:
        # skip the appendix's own caption ("... әдістемесіне 3-қосымша" / "Приложение 3 к Методике")
        at = text.find(a.title, a.start, a.end) if a.title else -1
        sources.append((f"app{a.number}", at if at >= 0 else a.start, a.end))
    for ref, start, end in sources:
        seg = text[start:end]
        for kind in ("point", "appendix"):
            for pat in lab[kind]:
                for m in re.finditer(pat, seg, flags=re.IGNORECASE):
                    s, e = start + m.start(), start + m.end()
                    # the quote: the reference with a little context, cut at sentence bounds
                    qs = max(start, text.rfind("\n", start, s) + 1, s - 40)
                    while qs > start and not text[qs - 1].isspace() and s - qs < 60:
                        qs -= 1  # whole words only
                    qe = min(end, e + 40)
                    while qe < end and not text[qe].isspace() and qe - e < 60:
                        qe += 1
                    nl = text.find("\n", e, qe)
                    if nl != -1:
                        qe = nl
                    is_ext = _near(text, s, e, lab["external"], 30, 40) and not _near(
                        text, s, e, lab["internal"], 30, 40
                    )
                    nums = [m.group("n")] + ([m.group("n2")] if m.groupdict().get("n2") else [])
                    for n in nums:
                        item: dict[str, Any] = {"from_point": ref}
                        if kind == "point":
                            item["to_point"] = n
                        else:
                            item["to_appendix"] = int(n)
                        item["quote"] = doc.norm.raw_slice(qs, qe).strip()
                        item["start"], item["end"] = doc.norm.raw_span(qs, qe)
                        (external if is_ext else internal).append(item)
    return internal, external


def cross_references(doc: Document) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return _refs(doc)


def form_assignment(doc: Document, forms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    lab = labels()["assignment"][doc.language]
    xlab = labels()["xref"][doc.language]
    kinds = {f["appendix"]: f["kind"] for f in forms}
    text = doc.norm.text
    out: list[dict[str, Any]] = []
    for p in doc.points:
        seg = text[p.start : p.end]
        for sent_m in re.finditer(r"[^\n]+", seg):
            sent = sent_m.group(0)
            for pat in xlab["appendix"]:
                for m in re.finditer(pat, sent, flags=re.IGNORECASE):
                    n = int(m.group("n"))
                    kind = kinds.get(n)
                    if kind not in ("evaluation_sheet_leader", "evaluation_sheet_staff"):
                        continue
                    low = sent.lower()
                    cats = list(dict.fromkeys(CODE.findall(sent)))
                    evaluator = None
                    for ev in ("direct_superior", "unit_or_body_head"):
                        if any(re.search(w, low) for w in lab[ev]):
                            evaluator = ev
                            break
                    if not cats:
                        if any(w in low for w in lab["other_leading_positions"]):
                            cats = ["other_leading_positions"]
                        else:
                            cats = ["other_staff"]
                    s = p.start + sent_m.start()
                    out.append(
                        {
                            "categories": cats,
                            "form_appendix": n,
                            "evaluator": evaluator,
                            "source": {
                                "point": p.number,
                                "quote": doc.norm.raw_slice(s, s + len(sent)).strip(),
                            },
                        }
                    )
    return out
