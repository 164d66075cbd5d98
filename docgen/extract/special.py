"""Extraction stage, part 3: rules for structured values the declarative DSL cannot express.

Grades with their score bands, the 2017 KPI-count grades, 360 competency lists and the KPI-percent
→ score table of an appendix. Each is a small registered rule over the document's segments;
labels (grade words, list headers) come from ``rules/labels.yaml`` per language.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .dsl import _int
from .registry import Context, Param, rule, unit_of
from .textdoc import segment_doc, sentence_bounds

LABELS = Path(__file__).resolve().parent / "rules" / "labels.yaml"


@lru_cache(maxsize=1)
def labels() -> dict[str, Any]:
    return yaml.safe_load(LABELS.read_text(encoding="utf-8"))


def grade_id(text: str, lang: str) -> str | None:
    """Classify a grade label ("... эффективно", "тиімді ...") into a language-neutral id."""
    low = text.lower()
    for gid, words in labels()["grades"][lang]:
        if any(w in low for w in words):
            return str(gid)
    return None


@rule("grade_bands", "grades")
def grade_bands(ctx: Context) -> None:
    for seg in ctx.point_segments():
        doc = segment_doc(ctx, seg)
        ranges = list(doc.spans.get("ranges", []))
        if len(ranges) < 3:
            continue
        out: list[dict[str, Any]] = []
        prev_end = 0
        for sp in ranges:
            label = doc.text[prev_end : sp.start_char]
            gid = grade_id(label[-200:], ctx.lang)
            prev_end = sp.end_char
            if gid is None:
                continue
            low, high = sp._.value
            out.append({"id": gid, "min": _int(low), "max": _int(high)})
        if len(out) >= 3 and len({g["id"] for g in out}) == len(out):
            s = seg.start + ranges[0].start_char
            e = seg.start + ranges[-1].end_char
            ctx.add(Param("grades", out, unit_of("grades"), seg.ref, s, e, "grade_bands"))
            return


@rule("kpi_count_grades", "kpi_count_grades")
def kpi_count_grades(ctx: Context) -> None:
    lab = labels()["kpi_count"][ctx.lang]
    for seg in ctx.point_segments():
        doc = segment_doc(ctx, seg)
        if not any(t.lower_.startswith(tuple(lab["kpi"])) for t in doc):
            continue
        entries: list[dict[str, Any]] = []
        first = last = None
        for sent in sentence_bounds(doc):
            quoted = re.findall(r"[\"«“]([^\"»”]{2,60})[\"»”]", sent.text)
            gid = None
            for q in quoted:
                gid = grade_id(q, ctx.lang)
                if gid:
                    break
            if gid is None:
                continue
            nums = [_int(t._.num) for t in sent if t._.num is not None]
            low = sent.text.lower()
            if any(w in low for w in lab["all"]) and not nums:
                entries.append({"achieved_min": None, "achieved_max": None, "of": None, "grade": gid})
            elif nums:
                of = max(nums)
                if any(w in low for w in lab["less"]):
                    thr = min(nums) if len(nums) > 1 else nums[0]
                    entries.append({"achieved_min": 0, "achieved_max": thr - 1, "of": of, "grade": gid})
                else:
                    ach = min(nums) if len(nums) > 1 else nums[0]
                    entries.append({"achieved_min": ach, "achieved_max": ach, "of": of, "grade": gid})
            else:
                continue
            first = sent if first is None else first
            last = sent
        if len(entries) >= 3 and first is not None and last is not None:
            of = next((e["of"] for e in entries if e["of"]), None)
            for e in entries:
                if e["of"] is None:
                    e["of"] = of
                    e["achieved_min"] = e["achieved_max"] = of
            ctx.add(
                Param(
                    "kpi_count_grades", entries, None, seg.ref,
                    seg.start + first.start_char, seg.start + last.end_char, "kpi_count_grades",
                )
            )
            return


def _list_items(lines: list[str], start: int) -> list[str]:
    items = []
    for line in lines[start:]:
        s = line.strip()
        if not s:
            continue
        if s.endswith(":"):
            break
        s = re.sub(r"^[-–—•]\s*", "", s).rstrip(";.,").strip()
        if s:
            items.append(s)
    return items


@rule("competency_lists_360", "method360_competencies_leaders", "method360_competencies_staff")
def competency_lists(ctx: Context) -> None:
    lab = labels()["competencies"][ctx.lang]
    for seg in ctx.point_segments():
        low = seg.text.lower()
        if "360" not in low or not any(w in low for w in lab["topic"]):
            continue
        lines = seg.text.split("\n")
        offsets = []
        pos = 0
        for line in lines:
            offsets.append(pos)
            pos += len(line) + 1
        for i, line in enumerate(lines):
            sl = line.strip().lower()
            if not sl.endswith(":") or i == 0:
                continue
            key = None
            if any(w in sl for w in lab["leaders"]):
                key = "method360_competencies_leaders"
            elif any(w in sl for w in lab["staff"]):
                key = "method360_competencies_staff"
            if key is None or ctx.has(key):
                continue
            items = _list_items(lines, i + 1)
            if len(items) >= 3:
                s = seg.start + offsets[i] + (len(line) - len(line.lstrip()))
                e = seg.start + offsets[i] + len(line.rstrip())
                ctx.add(Param(key, items, None, seg.ref, s, e, "competency_lists_360"))


_NUM = r"\d+(?:[.,]\d+)?"
_RANGE = re.compile(rf"^\s*({_NUM})\s*%?\s*(?:[-–—]|до)\s*({_NUM})\s*%?\s*$")
_SINGLE = re.compile(rf"^\s*({_NUM})\s*%?\s*$")


def _f(s: str) -> float | int:
    return _int(float(s.replace(",", ".")))


def _cell_range(cell: str, open_words: list[str]) -> tuple[Any, Any] | None:
    m = _RANGE.match(cell)
    if m:
        return _f(m.group(1)), _f(m.group(2))
    m = _SINGLE.match(cell)
    if m:
        v = _f(m.group(1))
        return v, v
    low = cell.lower()
    m2 = re.match(rf"^\s*({_NUM})\s*%?\s*(.*)$", low)
    if m2 and any(w in m2.group(2) for w in open_words):
        return _f(m2.group(1)), None
    return None


@rule("kpi_percent_score_table", "kpi_score_table")
def kpi_score_table(ctx: Context) -> None:
    open_words = labels()["open_range"][ctx.lang]
    for app in ctx.doc.appendices:
        rows: list[dict[str, Any]] = []
        for table in app.tables:
            for row in table.rows:
                cells = [c for c in row if c.strip()]
                if len(cells) != 2:
                    continue
                pct = _cell_range(cells[0], open_words)
                score = _cell_range(cells[1], open_words)
                if pct is None or score is None:
                    continue
                rows.append(
                    {"pct_min": pct[0], "pct_max": pct[1], "score_min": score[0], "score_max": score[1]}
                )
            if len(rows) >= 3:
                ctx.add(
                    Param("kpi_score_table", rows, None, f"app{app.number}", table.start, table.end, "kpi_percent_score_table")
                )
                return
            rows = []
