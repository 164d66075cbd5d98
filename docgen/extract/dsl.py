"""Extraction stage, part 2: declarative rules (``rules/<lang>.yaml``) compiled to spaCy Matcher patterns.

Each YAML entry names a key and a list of small named rules. A rule says which words must (``all``)
and must not (``none``) occur in the same sentence, and a token pattern (``match``) whose number
token gives the value (or a constant ``value``, or a ``range`` giving two keys). The same shape is
used for Kazakh and Russian; only the words differ. Consumes spaCy docs of the document's segments;
produces :class:`~docgen.extract.registry.Param` objects in the context.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .registry import Context, Param, Segment, labels, unit_of
from .registry import int_if_whole as _int
from .textdoc import segment_doc, segment_key, sentence_bounds

RULES_DIR = Path(__file__).resolve().parent / "rules"


@dataclass(frozen=True)
class DslRule:
    key: str
    name: str
    all: tuple[tuple[str, ...], ...]
    none: tuple[str, ...]
    match: tuple[str, ...]
    value: Any
    range_keys: tuple[str, ...]
    keys: tuple[str, ...]
    fraction: bool
    scope: str


def _alts(word: str) -> tuple[str, ...]:
    return tuple(w.strip().lower() for w in word.split("|") if w.strip())


@lru_cache(maxsize=4)
def load_rules(lang: str) -> tuple[DslRule, ...]:
    path = RULES_DIR / f"{lang}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: list[DslRule] = []
    for key, entries in data.items():
        if key.startswith("_"):
            continue
        for i, e in enumerate(entries or []):
            out.append(
                DslRule(
                    key=key,
                    name=str(e.get("name") or f"{key}#{i + 1}"),
                    all=tuple(_alts(str(w)) for w in e.get("all", [])),
                    none=tuple(w.lower() for w in e.get("none", [])),
                    match=tuple(str(t) for t in e.get("match", [])),
                    value=e.get("value", "num"),
                    range_keys=tuple(e.get("range", [])),
                    keys=tuple(e.get("keys", [])) or (key,),
                    fraction=bool(e.get("fraction", False)),
                    scope=str(e.get("scope", "points")),
                )
            )
    return tuple(out)


def _token_spec(spec: str) -> dict[str, Any]:
    optional = spec.endswith("?") and len(spec) > 1
    s = spec[:-1] if optional else spec
    d: dict[str, Any]
    if s == "NUM":
        d = {"_": {"num_kind": {"IN": ["cardinal", "ordinal", "decimal"]}}}
    elif s == "ORD":
        d = {"_": {"num_kind": "ordinal"}}
    elif s == "CARD":
        d = {"_": {"num_kind": {"IN": ["cardinal", "decimal"]}}}
    elif s == "*":
        d = {}
    elif s.startswith("="):
        d = {"LOWER": {"IN": list(_alts(s[1:]))}}
    else:  # prefixes; "=word" among them is an exact word
        alts = "|".join(f"{re.escape(a[1:])}$" if a.startswith("=") else re.escape(a) for a in _alts(s))
        d = {"LOWER": {"REGEX": f"^(?:{alts})"}}
    if optional:
        d["OP"] = "?"
    return d


@lru_cache(maxsize=4)
def months(lang: str) -> dict[str, int]:
    data = yaml.safe_load((RULES_DIR / f"{lang}.yaml").read_text(encoding="utf-8")) or {}
    return {str(k): int(v) for k, v in (data.get("_months") or {}).items()}


@lru_cache(maxsize=4)
def _matcher(lang: str) -> Any:
    from spacy.matcher import Matcher

    from ..nlp import get_nlp

    nlp = get_nlp(lang)
    m = Matcher(nlp.vocab)
    for r in load_rules(lang):
        if r.match:
            m.add(r.name, [[_token_spec(t) for t in r.match]])
    return m


def _words_in(sent: Any, words: tuple[str, ...]) -> Any:
    """First token of ``sent`` starting one of ``words`` (a multi-word phrase: its first token)."""
    low_text = sent.text.lower()
    for w in words:
        if " " in w:
            i = low_text.find(w)
            if i >= 0:
                sp = sent.doc.char_span(
                    sent.start_char + i, sent.start_char + i + len(w), alignment_mode="expand"
                )
                if sp is not None and len(sp):
                    return sp[0]
    exact = {w[1:] for w in words if w.startswith("=")}
    prefixes = tuple(w for w in words if " " not in w and not w.startswith("="))
    for t in sent:
        low = t.lower_
        if low in exact or (prefixes and low.startswith(prefixes)):
            return t
    return None


def _sentence_ok(rule: DslRule, sent: Any) -> tuple[bool, list[Any]]:
    hits = []
    for alts in rule.all:
        t = _words_in(sent, alts)
        if t is None:
            return False, []
        hits.append(t)
    for w in rule.none:
        if _words_in(sent, (w,)) is not None:
            return False, []
    return True, hits


QUOTE_REACH = 90  # keyword tokens farther than this from the match are not pulled into the quote


def _span_union(seg: Segment, start_char: int, end_char: int, hits: list[Any], sent: Any) -> tuple[int, int]:
    s, e = start_char, end_char
    for t in hits:
        if t.idx + len(t.text) < start_char - QUOTE_REACH or t.idx > end_char + QUOTE_REACH:
            continue
        s = min(s, t.idx)
        e = max(e, t.idx + len(t.text))
    # keep quotes inside the sentence
    s = max(s, sent.start_char)
    e = min(e, sent.end_char)
    return seg.start + s, seg.start + e


def _num_value(tokens: Any) -> Any:
    for t in tokens:
        if t._.num is not None:
            v = t._.num
            if isinstance(v, float) and v.is_integer():
                return int(v)
            return v
    return None


def _month_day(ctx: Context, span: Any) -> str | None:
    day = _num_value(span)
    table = months(ctx.lang)
    for t in span:
        low = t.lower_
        for stem, month in table.items():
            if low.startswith(stem) and day is not None:
                return f"{month:02d}-{int(day):02d}"
    return None


def _excluded_members(lang: str, sentence: str) -> list[str] | None:
    pats = labels()["excluded_members"][lang]
    low = sentence.lower()
    found = [who for who in ("disputant", "disputant_evaluator") if re.search(pats[who], low)]
    return found or None


def _nearest_matches(
    doc: Any, found: list[tuple[int, int, DslRule, Any]], sents: list[Any], sent_starts: list[int]
) -> dict[tuple[str, int], int]:
    """For a rule that matches twice in one sentence («КЦИ устанавливаются в течение десяти рабочих дней
    с начала периода … и в течение пяти рабочих дней вносятся в систему»), the start of the match nearest
    to the rule's words: the other number belongs to another rule of the sentence."""
    seen: dict[tuple[str, int], list[int]] = {}
    for start, kind, r, _ in found:
        if kind != 0 or not r.all:
            continue
        k = bisect.bisect_right(sent_starts, start) - 1
        if k >= 0 and start < sents[k].end:
            seen.setdefault((r.name, k), []).append(start)
    out: dict[tuple[str, int], int] = {}
    rules = {r.name: r for _, kind, r, _ in found if kind == 0}
    for (name, k), starts in seen.items():
        if len(starts) < 2:
            continue
        ok, hits = _sentence_ok(rules[name], sents[k])
        if not ok:
            continue
        out[(name, k)] = min(starts, key=lambda st: sum(abs(st - t.i) for t in hits))
    return out


@lru_cache(maxsize=4)
def _point_range(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    data = (labels().get("point_range") or {}).get(lang)
    if not data:
        return None
    return re.compile(data["before"], re.IGNORECASE), re.compile(data["after"], re.IGNORECASE)


def _names_points(lang: str, text: str, start: int, end: int) -> bool:
    """A range of point numbers («17–19-тармақтарында», «пунктами 18–19», ``point_range`` in labels.yaml)."""
    pats = _point_range(lang)
    if pats is None:
        return False
    before, after = pats
    digits = [i for i in range(start, end) if text[i].isdigit()]
    tail = digits[-1] + 1 if digits else end  # a span may take in the word after «19» («19-тармақтарында»)
    return bool(before.search(text[max(0, start - 20) : start]) or after.match(text[tail : tail + 20]))


def run_dsl(ctx: Context, *, without: Collection[str] = ()) -> None:
    """Run the language's rules on ``ctx``; ``without`` names rules to leave out (tests prove each is needed)."""
    rules_ = tuple(r for r in load_rules(ctx.lang) if r.name not in without)
    by_name = {r.name: r for r in rules_}
    matcher = _matcher(ctx.lang)
    span_rules = [r for r in rules_ if r.range_keys or r.fraction]
    # pass 1 judges each match by its clause (two rules joined by ", а" do not mix); pass 2 by the whole
    # sentence, only for keys pass 1 did not find ("решение принимается, а состав утверждается в течение 3 дней")
    _run_pass(ctx, rules_, by_name, matcher, span_rules, clauses=True, skip=set())
    _run_pass(ctx, rules_, by_name, matcher, span_rules, clauses=False, skip=set(ctx.params))


def _run_pass(
    ctx: Context,
    rules_: tuple[DslRule, ...],
    by_name: dict[str, DslRule],
    matcher: Any,
    span_rules: list[DslRule],
    *,
    clauses: bool,
    skip: set[str],
) -> None:
    for seg in ctx.segments:
        is_app = seg.ref.startswith("app")
        doc = segment_doc(ctx, seg)
        sents = sentence_bounds(doc, clauses=clauses)
        sent_starts = [s.start for s in sents]
        found: list[tuple[int, int, DslRule, Any]] = []
        # kept for pass 2 (even when the doc is not) as one flat array (id, start, end, ...): 24 B a match
        all_matches: dict[str, array[int]] = ctx.__dict__.setdefault("_matches", {})
        matches = all_matches.get(segment_key(seg))
        if matches is None:
            matches = all_matches[segment_key(seg)] = array("Q")
            for match in matcher(doc):
                matches.extend(match)
        for i in range(0, len(matches), 3):
            # the match's end token stands in for its span until the span is needed; rules left out
            # (run_dsl's ``without``) have no entry in by_name
            r = by_name.get(doc.vocab.strings[matches[i]])
            if r is not None:
                found.append((matches[i + 1], 0, r, matches[i + 2]))
        for r in span_rules:
            for sp in doc.spans.get("fractions" if r.fraction else "ranges", []):
                if r.range_keys and _names_points(ctx.lang, doc.text, sp.start_char, sp.end_char):
                    continue
                found.append((sp.start, 1, r, sp))
        found.sort(key=lambda f: (f[0], f[1], f[2].name))
        nearest = _nearest_matches(doc, found, sents, sent_starts)
        for start, kind, r, end_or_span in found:
            if (
                kind == 0
                and nearest.get((r.name, bisect.bisect_right(sent_starts, start) - 1), start) != start
            ):
                continue  # another match of this rule in the sentence stands nearer to its words
            span = doc[start:end_or_span] if kind == 0 else end_or_span
            if (r.scope == "points" and is_app) or (r.scope == "appendices" and not is_app):
                continue
            if all(k in skip for k in (r.range_keys or r.keys)):
                continue
            k = bisect.bisect_right(sent_starts, start) - 1  # sentences are ascending and disjoint
            if k < 0 or start >= sents[k].end:
                continue
            sent = sents[k]
            ok, hits = _sentence_ok(r, sent)
            if not ok:
                continue
            qs, qe = _span_union(seg, span.start_char, span.end_char, hits, sent)
            if r.range_keys:
                low, high = span._.value
                for key, val in zip(r.range_keys, (low, high), strict=False):
                    ctx.add(Param(key, _int(val), unit_of(key), seg.ref, qs, qe, r.name))
                continue
            if r.fraction:
                num, den = span._.value
                v: Any = f"{_int(num)}/{_int(den)}"
            elif r.value == "num":
                v = _num_value(span)
            elif r.value == "month_day":
                v = _month_day(ctx, span)
            elif r.value == "excluded_members":
                v = _excluded_members(ctx.lang, sent.text)
            else:
                v = r.value
            if v is None:
                continue
            for key in r.keys:
                ctx.add(Param(key, v, unit_of(key), seg.ref, qs, qe, r.name))
