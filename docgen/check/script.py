"""Check stage, typography of the act: mixed scripts and HTML residue.

Consumes a :class:`Ctx`; uses the normaliser's repairs (``latin_lookalike``, ``position_code``,
``digit_lookalike``, ``html_residue``, ``image_marker``) when there are any, and scans the raw text
itself otherwise. Produces ``mixed_script`` and ``html_residue`` findings, one per point or appendix
and kind, naming the characters.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from .context import Ctx
from .data import compiled, fold, is_cyrillic, is_latin, pattern
from .findings import Finding
from .make import finding

_WORD = re.compile(r"[^\W\d_]+")
_DIGIT_FIX = {"б": "6", "з": "3", "О": "0"}


def _name(ch: str, lang: str = "ru") -> str:
    """A character in words: «латын әрпі “i” (U+0069)» / «латинская буква “i” (U+0069)»."""
    script = "latin" if is_latin(ch) else "cyrillic" if is_cyrillic(ch) else "other"
    words = {
        ("latin", "kk"): "латын әрпі",
        ("latin", "ru"): "латинская буква",
        ("cyrillic", "kk"): "кирилл әрпі",
        ("cyrillic", "ru"): "кириллическая буква",
        ("other", "kk"): "таңба",
        ("other", "ru"): "знак",
    }[(script, lang if lang == "kk" else "ru")]
    return f"{words} “{ch}” (U+{ord(ch):04X})"


def _describe(token: str, odd: str, lang: str) -> str:
    chars = sorted({c for c in token if (is_latin(c) if odd == "latin" else is_cyrillic(c))})
    return f"«{token}»: " + ", ".join(_name(c, lang) for c in chars)


def _to_latin_code(code: str) -> str:
    table = {
        "А": "A",
        "В": "B",
        "С": "C",
        "Е": "E",
        "Н": "H",
        "К": "K",
        "М": "M",
        "О": "O",
        "Р": "P",
        "Т": "T",
        "Х": "X",
    }
    return "".join(table.get(c, c) for c in code)


def outside_spans(
    matches: Iterable[re.Match[str]], spans: Sequence[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """The ``matches`` (ascending starts) whose start lies in none of the ascending, disjoint half-open
    ``spans``: one sweep over both, ``O(len(matches) + len(spans))`` comparisons."""
    j = 0
    n = len(spans)
    for m in matches:
        pos = m.start()
        while j < n and spans[j][1] <= pos:
            j += 1
        if j < n and spans[j][0] <= pos:
            continue
        yield m


def _scan(ctx: Ctx) -> list[tuple[str, int, str, str]]:
    """(kind, raw_start, before, after) from the raw text of the methodology."""
    raw = ctx.doc.norm.raw
    base = ctx.methodology_raw_start
    body = raw[base:]
    items: list[tuple[str, int, str, str]] = []
    codes = compiled(pattern("position_code"))
    for m in codes.finditer(body):
        tok = m.group(0)
        if any(is_cyrillic(c) for c in tok):
            items.append(("position_code", base + m.start(), tok, _to_latin_code(tok)))
    code_spans = [(m.start(), m.end()) for m in codes.finditer(body)]
    for m in outside_spans(_WORD.finditer(body), code_spans):
        tok = m.group(0)
        start = base + m.start()
        if any(is_latin(c) for c in tok) and any(is_cyrillic(c) for c in tok):
            items.append(("latin_lookalike", start, tok, fold(tok)))
    for m in compiled(pattern("digit_lookalike")).finditer(body):
        tok = m.group("tok")
        items.append(("digit_lookalike", base + m.start("tok"), tok, _DIGIT_FIX.get(tok, tok)))
    for m in compiled(pattern("html_tag")).finditer(body):
        items.append(("html_residue", base + m.start(), m.group(0), ""))
    for m in compiled(pattern("image_marker")).finditer(body):
        items.append(("image_marker", base + m.start(), m.group(0), ""))
    return items


def _from_repairs(ctx: Ctx) -> list[tuple[str, int, str, str]]:
    kinds = {"latin_lookalike", "position_code", "digit_lookalike", "html_residue", "image_marker"}
    base = ctx.methodology_raw_start
    return [
        (r.kind, r.raw_start, r.before, r.after)
        for r in ctx.doc.norm.repairs
        if r.kind in kinds and r.raw_start >= base
    ]


def _where(ctx: Ctx, offset: int) -> str:
    """The unit holding ``offset``; a residue left between two appendices (a stray «<p>» after a form, the
    «</ul>» its removal moved past the appendix's end) belongs to the appendix before it, not to the last
    point of the body."""
    where = ctx.where(offset)
    if where.startswith(("app", "ch")) or where == "header":
        return where
    before = [a for a in ctx.doc.appendices if a.start <= offset]
    return f"app{before[-1].number}" if before else where


def typography(ctx: Ctx) -> list[Finding]:
    items = _from_repairs(ctx)
    scanned = _scan(ctx)
    covered = {(k, s) for k, s, _, _ in items}
    items += [it for it in scanned if (it[0], it[1]) not in covered]
    groups: dict[tuple[str, str], list[tuple[int, str, str]]] = defaultdict(list)
    for kind, raw_start, before, after in items:
        where = _where(ctx, ctx.raw_to_norm(raw_start))
        if where == "header":
            continue
        groups[(kind, where)].append((raw_start, before, after))
    raw = ctx.doc.norm.raw
    latin_codes_present = any(
        k == "position_code" and not any(is_cyrillic(c) for c in b) for k, _, b, _ in items
    ) or bool(re.search(r"(?<![\w-])[A-Z](?:-[A-Z])?-\d", raw[ctx.methodology_raw_start :]))
    out: list[Finding] = []
    for (kind, where), occ in sorted(groups.items(), key=lambda kv: kv[1][0][0]):
        first = occ[0][0]
        eol = raw.find("\n", first)
        lo = max(raw.rfind("\n", 0, first) + 1, first - 40)
        if lo > raw.rfind("\n", 0, first) + 1:
            sp = raw.find(" ", lo, first)
            lo = sp + 1 if sp >= 0 else lo
        hi = min(eol if eol > 0 else len(raw), first + 60)
        sp = raw.rfind(" ", first, hi)
        hi = sp if sp > first + 5 and hi < (eol if eol > 0 else len(raw)) else hi
        quote = raw[lo:hi].strip()
        tokens = list(dict.fromkeys(b for _, b, _ in occ))
        fixed = list(dict.fromkeys(a for _, _, a in occ))
        if kind == "latin_lookalike":
            chars = "; ".join(_describe(t, "latin", ctx.lang) for t in tokens[:8])
            out.append(
                finding(
                    "mixed_script.latin_in_word",
                    "warning",
                    ctx.lang,
                    point=where,
                    quote=quote,
                    expected=", ".join(fixed[:8]),
                    actual=", ".join(tokens[:8]),
                    chars=chars,
                )
            )
        elif kind == "position_code":
            mixed = any(any(is_latin(c) for c in t) and any(is_cyrillic(c) for c in t) for t in tokens)
            severity = "warning" if mixed or latin_codes_present else "info"
            chars = "; ".join(_describe(t, "cyrillic", ctx.lang) for t in tokens[:8])
            out.append(
                finding(
                    "mixed_script.position_code",
                    severity,
                    ctx.lang,
                    point=where,
                    quote=quote,
                    expected=", ".join(fixed[:8]),
                    actual=", ".join(tokens[:8]),
                    chars=chars,
                )
            )
        elif kind == "digit_lookalike":
            chars = "; ".join(
                f"«{t}» ({_name(t[0], ctx.lang)}) → {a}" for t, a in zip(tokens, fixed, strict=False)
            )
            out.append(
                finding(
                    "mixed_script.digit_lookalike",
                    "warning",
                    ctx.lang,
                    point=where,
                    quote=quote,
                    expected=", ".join(fixed),
                    actual=", ".join(tokens),
                    chars=chars,
                )
            )
        elif kind == "html_residue":
            tags = list(dict.fromkeys(re.sub(r"\s.*", ">", t) if t.startswith("<") else t for t in tokens))
            out.append(
                finding(
                    "html_residue.tag",
                    "warning",
                    ctx.lang,
                    point=where,
                    quote=quote,
                    expected="",
                    actual=" ".join(tags[:6]),
                    count=len(occ),
                    chars=" ".join(tags[:6]),
                )
            )
        elif kind == "image_marker":
            out.append(
                finding(
                    "html_residue.image_marker",
                    "info",
                    ctx.lang,
                    point=where,
                    quote=quote,
                    expected="",
                    actual=tokens[0],
                    count=len(occ),
                )
            )
    return out
