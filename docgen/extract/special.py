"""Extraction stage, part 3: rules for structured values the declarative DSL cannot express.

Grades with their score bands, the 2017 KPI-count grades, 360 competency lists and the KPI-percent
→ score table of an appendix. Each is a small registered rule over the document's segments;
labels (grade words, list headers) come from ``rules/labels.yaml`` per language.
"""

from __future__ import annotations

import re
from typing import Any

from .registry import Context, Param, labels, rule, unit_of
from .registry import int_if_whole as _int
from .textdoc import segment_doc, sentence_bounds


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
        text = doc.text
        for k, sp in enumerate(ranges):
            line_start = text.rfind("\n", 0, sp.start_char) + 1
            if not text[line_start : sp.start_char].strip():
                # "4-тен 5-ке дейін балл – «...тиімді...»": the label follows the range
                nxt = ranges[k + 1].start_char if k + 1 < len(ranges) else len(text)
                line_end = text.find("\n", sp.end_char)
                label = text[sp.end_char : min(nxt, line_end if line_end != -1 else len(text))]
                quoted = re.findall(r"[\"«“]([^\"»”]{2,120})[\"»”]", label)
                quoted = quoted[:1]
            else:
                prev = ranges[k - 1].end_char if k else 0
                label = text[prev : sp.start_char]
                quoted = re.findall(r"[\"«“]([^\"»”]{2,120})[\"»”]", label)[-1:]
            gid = grade_id(quoted[0] if quoted else label[-80:], ctx.lang)
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
        exact = {w[1:] for w in lab["kpi"] if w.startswith("=")}
        prefixes = tuple(w for w in lab["kpi"] if not w.startswith("="))
        if not any(t.lower_ in exact or t.lower_.startswith(prefixes) for t in doc):
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
            # numbers of the sentence, not its enumerator ("1)", "2.") at the start
            nums = [
                _int(t._.num)
                for t in sent
                if t._.num is not None
                and not (t.i - sent.start <= 1 and t.i + 1 < len(doc) and doc[t.i + 1].text in (")", "."))
            ]
            low = sent.text.lower()
            if any(w in low for w in lab["all"]) and not nums:
                entries.append({"achieved_min": None, "achieved_max": None, "of": None, "grade": gid})
            elif nums:
                of = max(nums)
                if any(w in low for w in lab["zero"]):
                    entries.append({"achieved_min": 0, "achieved_max": 0, "of": of, "grade": gid})
                elif any(w in low for w in lab["less"]):
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
            # the total ("of") is the one most entries state; an entry with one number ("fewer than 2")
            # takes it too
            counts: dict[Any, int] = {}
            for e in entries:
                if e["of"]:
                    counts[e["of"]] = counts.get(e["of"], 0) + 1
            of = max(counts, key=lambda k: counts[k]) if counts else None
            for e in entries:
                if e["of"] is not None and e["of"] != of and e["achieved_min"] == 0 and of is not None:
                    e["of"] = of
                if e["of"] is None:
                    e["of"] = of
                    e["achieved_min"] = e["achieved_max"] = of
            ctx.add(
                Param(
                    "kpi_count_grades",
                    entries,
                    None,
                    seg.ref,
                    seg.start + first.start_char,
                    seg.start + last.end_char,
                    "kpi_count_grades",
                )
            )
            return


def _split_items(text: str) -> list[str]:
    quoted = re.findall(r"[«\"“]([^«»\"“”]{2,100})[»\"”]", text)
    if len(quoted) >= 3:  # «a»; «b»; «c». Further text ... -> only the quoted items
        return [q.strip() for q in quoted]
    sep = ";" if len([x for x in text.split(";") if x.strip()]) >= 2 else ","
    items = [re.sub(r"^[-–—•]\s*", "", x).strip().rstrip(".;,").strip() for x in text.split(sep)]
    items = [x.strip('«»"“”„').strip() for x in items]
    return [x for x in items if x]


def _list_after(lines: list[str], i: int) -> list[str]:
    """Items after the header ``lines[i]`` (which holds a colon): inline after the colon, else next lines."""
    inline = lines[i].split(":", 1)[1].strip() if ":" in lines[i] else ""
    if inline:
        return _split_items(inline)
    items = []
    for line in lines[i + 1 :]:
        s = line.strip()
        if not s:
            continue
        if s.endswith(":") or (":" in s and len(s.split(":", 1)[0]) < 120):
            break
        s = re.sub(r"^[-–—•]\s*", "", s).rstrip(";.,").strip()
        if s:
            items.append(s)
    return items


def _line_offsets(text: str) -> tuple[list[str], list[int]]:
    lines = text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    return lines, offsets


@rule("competency_lists_360", "method360_competencies_leaders", "method360_competencies_staff")
def competency_lists(ctx: Context) -> None:
    lab = labels()["competencies"][ctx.lang]
    for seg in ctx.point_segments():
        low = seg.text.lower()
        if "360" not in low and not any(w in low for w in lab["topic"]):
            continue
        lines, offsets = _line_offsets(seg.text)
        for i, line in enumerate(lines):
            if ":" not in line:
                continue
            head = line.split(":", 1)[0].lower()
            if not any(w in head for w in lab["topic"]) and not line.strip().endswith(":") and len(head) > 80:
                continue
            key = None
            if any(w in head for w in lab["leaders"]):
                key = "method360_competencies_leaders"
            elif any(w in head for w in lab["staff"]):
                key = "method360_competencies_staff"
            if key is None or ctx.has(key):
                continue
            items = _list_after(lines, i)
            if len(items) >= 3:
                s = seg.start + offsets[i] + (len(line) - len(line.lstrip()))
                e = seg.start + offsets[i] + len(line.rstrip())
                ctx.add(Param(key, items, None, seg.ref, s, e, "competency_lists_360"))


@rule("answer_scale_360", "method360_answer_scale")
def answer_scale(ctx: Context) -> None:
    lab = labels()["answer_scale"][ctx.lang]
    topic = labels()["competencies"][ctx.lang]["topic"]
    for seg in ctx.segments:
        low_seg = seg.text.lower()
        # points say it in words; appendices only when they are about the 360 method / competencies
        if seg.ref.startswith("app") and "360" not in low_seg and not any(w in low_seg for w in topic):
            continue
        lines, offsets = _line_offsets(seg.text)
        for i, line in enumerate(lines):
            low = line.lower()
            if not all(any(w in low for w in group) for group in lab["all"]):
                continue
            m = next(
                (g for g in re.finditer(r"\(([^()]+)\)", line) if len(_split_items(g.group(1))) >= 3), None
            )
            items = _split_items(m.group(1)) if m else _list_after(lines, i)
            if 3 <= len(items) <= 7 and all(
                len(x) < 80 and "\t" not in x and not x[:1].isdigit() for x in items
            ):
                s = seg.start + offsets[i] + (len(line) - len(line.lstrip()))
                e = seg.start + offsets[i] + len(line.rstrip())
                ctx.add(Param("method360_answer_scale", items, None, seg.ref, s, e, "answer_scale_360"))
                return


_NUM = r"\d+(?:[.,]\d+)?"
_RANGE = re.compile(rf"^\s*({_NUM})\s*%?\s*(?:[-–—]|до)\s*({_NUM})\s*%?\s*$")
_SINGLE = re.compile(rf"^\s*({_NUM})\s*%?\s*$")


def _f(s: str) -> float | int:
    value: float | int = _int(float(s.replace(",", ".")))
    return value


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
                    Param(
                        "kpi_score_table",
                        rows,
                        None,
                        f"app{app.number}",
                        table.start,
                        table.end,
                        "kpi_percent_score_table",
                    )
                )
                return
            rows = []
