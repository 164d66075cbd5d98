"""Check stage, language data: loads ``topics.yaml`` / ``messages.yaml`` and classifies text by topic.

Consumes the YAML data files next to this module; produces folded text (Latin look-alikes inside
Cyrillic words folded for matching), topic sets of points, and localised messages. Kazakh and
Russian share every algorithm here; only the data differ.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .findings import CATEGORIES, SEVERITIES, CheckResult

_HERE = Path(__file__).resolve().parent
LANGS = ("kk", "ru")


@lru_cache(maxsize=1)
def topics_data() -> dict[str, Any]:
    with open(_HERE / "topics.yaml", encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


@lru_cache(maxsize=1)
def messages_data() -> dict[str, Any]:
    with open(_HERE / "messages.yaml", encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff" or "\u0500" <= ch <= "\u052f"


def is_latin(ch: str) -> bool:
    return ("A" <= ch <= "Z") or ("a" <= ch <= "z")


_WORD = re.compile(r"[^\W\d_]+")


def fold(text: str) -> str:
    """Same-length copy of ``text`` with Latin letters inside Cyrillic words replaced by Cyrillic ones."""
    table: dict[str, str] = topics_data()["fold_latin"]
    parts: list[str] = []  # slices of the text and folded words (a list of characters would cost
    pos = 0  # ~60 bytes a Cyrillic character: gigabytes for a long text)
    for m in _WORD.finditer(text):
        word = m.group(0)
        if any(is_latin(c) for c in word) and any(is_cyrillic(c) for c in word):
            parts.append(text[pos : m.start()])
            parts.append("".join(table.get(c, c) for c in word))
            pos = m.end()
    parts.append(text[pos:])
    return "".join(parts)


def pattern(name: str, lang: str | None = None) -> Any:
    value = topics_data()["patterns"][name]
    if isinstance(value, dict):
        return value[lang or "ru"]
    return value


@lru_cache(maxsize=256)
def compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


# --- topic recognition ------------------------------------------------------------------------
# A topic is groups of alternatives (topics.yaml). An alternative is a few terms that must all occur
# within one sentence, in any order, with at most a few other words between them (word order and
# small insertions vary between drafters). A term is a stem (a word beginning with it: «уволен» is
# «уволенные» and «уволенных», «жібер» is «жібереді» and «жіберіледі»), «=word» (that word only,
# for abbreviations: «=кци» is not a piece of «функции»), «#num» (a number in digits or words) or
# «@name» (any wording of a synonym list, «@hr_service»: кадр қызметі = персоналды басқару қызметі).
# A group whose alternatives start with «!» must NOT occur in the sentence. A sentence is one
# between «.», «;» and line breaks; a list item carries its lead-in («Кадр қызметі: 1) …»).

_TERM_WORD = re.compile(r"[^\W_]+")
_GAP = 5  # words that may stand between the terms of one alternative
_LIST_MARK = re.compile(r"(?:\d{1,2}\)|[-–•])")
_SPLIT = re.compile(r"(?<=[.;!?])\s+|\n+")
# «п. 10», «(пп. 2)», «ст. 5»: a short abbreviation before a number or a lower-case word ends no sentence
_ABBREV_END = re.compile(r"(?:^|[\s(])[^\W\d_]{1,3}\.$")


def _pieces(text: str) -> list[str]:
    out: list[str] = []
    pos = 0
    for m in _SPLIT.finditer(text):
        if "\n" not in m.group(0) and _ABBREV_END.search(text[max(0, m.start() - 5) : m.start()]):
            nxt = text[m.end() : m.end() + 1]
            if nxt.isdigit() or nxt == "(" or nxt.islower():
                continue
        out.append(text[pos : m.start()])
        pos = m.end()
    out.append(text[pos:])
    return out


Term = tuple[str, str]  # ("pre", stem) | ("eq", word) | ("num", "")
Alt = tuple[Term, ...]


def _words(text_lower: str) -> list[str]:
    return _TERM_WORD.findall(text_lower.replace("ё", "е"))


def _term(tok: str) -> Term:
    if tok == "#num":
        return ("num", "")
    if tok.startswith("="):
        return ("eq", tok[1:])
    if len(tok) > 2 and tok[0] == "<" and tok[-1] == ">":
        return ("eq", tok[1:-1])
    return ("pre", tok)


def _alts(text: str, synonyms: dict[str, list[str]]) -> list[Alt]:
    """The alternatives one yaml string stands for (a «@name» expands to each wording of the list)."""
    out: list[list[Term]] = [[]]
    for tok in text.lower().replace("ё", "е").split():
        if tok.startswith("@"):
            wordings = [_alts(s, synonyms) for s in synonyms[tok[1:]]]
            out = [a + list(w) for a in out for ws in wordings for w in ws]
        else:
            for sub in _TERM_WORD.findall(tok) if not tok.startswith(("=", "<", "#")) else [tok]:
                out = [a + [_term(sub)] for a in out]
    return [tuple(a) for a in out if a]


Groups = tuple[tuple[bool, tuple[Alt, ...]], ...]


def _groups(spec: list[Any], synonyms: dict[str, list[str]]) -> Groups:
    groups = []
    for group in spec or []:
        negative = all(str(g).startswith("!") for g in group)
        alts = [a for g in group for a in _alts(str(g).lstrip("!"), synonyms)]
        groups.append((negative, tuple(alts)))
    return tuple(groups)


@lru_cache(maxsize=4)
def _compiled_topics(lang: str) -> dict[str, tuple[Groups, ...]]:
    """Each topic's ways of being stated: its groups in ``topics``, then each further set of groups
    in ``topic_also`` (another wording of the same rule; any one of them states the topic)."""
    data = topics_data()
    vocab = data.get("topic_words") or {}
    synonyms: dict[str, list[str]] = (vocab.get("synonyms") or {}).get(lang, {})
    also = data.get("topic_also") or {}
    out = {}
    for topic, spec in data["topics"].items():
        ways = [_groups(spec.get(lang) or [], synonyms)]
        ways += [_groups(g, synonyms) for g in (also.get(topic) or {}).get(lang) or []]
        out[str(topic)] = tuple(w for w in ways if w)
    return out


@lru_cache(maxsize=4)
def _numbers(lang: str) -> tuple[Term, ...]:
    vocab = topics_data().get("topic_words") or {}
    return tuple(_term(t) for t in (vocab.get("numbers") or {}).get(lang, []))


def _is(term: Term, word: str, lang: str) -> bool:
    kind, value = term
    if kind == "pre":
        return word.startswith(value)
    if kind == "eq":
        return word == value
    return word.isdigit() or any(_is(t, word, lang) for t in _numbers(lang))


def _alt_in(alt: Alt, words: list[str], joined: str, lang: str) -> bool:
    if any(kind != "num" and value not in joined for kind, value in alt):  # cheap rejection
        return False
    places = [[i for i, w in enumerate(words) if _is(t, w, lang)] for t in alt]
    if not all(places):
        return False
    if len(alt) == 1:
        return True
    span = len(alt) + _GAP
    return any(all(_near(pl, i, span) for pl in places[1:]) for i in places[0])


def _near(sorted_places: list[int], i: int, span: int) -> bool:
    """A place in ``sorted_places`` less than ``span`` words from ``i`` (binary search: a long
    sentence of repeated words stays linear-logarithmic)."""
    k = bisect.bisect_left(sorted_places, i - span + 1)
    return k < len(sorted_places) and sorted_places[k] < i + span


def sentences(text: str) -> list[str]:
    """The lower-cased sentences of ``text``; a list item («1) …», «- …», or a piece after «;» that
    goes on in lower case) carries the lead-in ending with «:» before it («Кадр қызметі: 1) …»)."""
    out: list[str] = []
    lead = ""
    for piece in _pieces(text):
        piece = piece.strip()
        if not piece:
            continue
        item = bool(lead) and (_LIST_MARK.match(piece) is not None or piece[0].islower())
        out.append(f"{lead} {piece}".lower() if item else piece.lower())
        if not item:
            lead = piece[: piece.rindex(":") + 1] if ":" in piece else ""
    return out


def _topic_in(ways: tuple[Groups, ...], words: list[str], joined: str, lang: str) -> bool:
    return any(_way_in(groups, words, joined, lang) for groups in ways)


def _way_in(groups: Groups, words: list[str], joined: str, lang: str) -> bool:
    for negative, alts in groups:
        hit = any(_alt_in(a, words, joined, lang) for a in alts)
        if hit == negative:
            return False
    return True


def _unreferenced(text: str, lang: str) -> str:
    """``text`` without its references to points (``point_ref_span`` in topics.yaml): a reference is no word
    of a rule, and standing between the words of one wording it must not part them."""
    return compiled(pattern("point_ref_span", lang)).sub(" ", text)


def matches_topic(text: str, topic: str, lang: str, *, first_way: bool = False) -> bool:
    """True when one sentence of ``text`` holds every group of ``topic`` (a topic listed in
    ``point_topics`` may spread over the sentences of the text given); with ``first_way`` only the
    groups in ``topics`` count, not the other ways of ``topic_also``."""
    if lang not in LANGS:
        return False
    ways = _compiled_topics(lang).get(topic)
    if ways and first_way:
        ways = ways[:1]
    if not ways:
        return False
    folded = fold(text)
    units = [folded.lower()] if topic in set(topics_data().get("point_topics") or ()) else sentences(folded)
    for unit in units:
        words = _words(_unreferenced(unit, lang))
        if _topic_in(ways, words, " ".join(words), lang):
            return True
    return False


def topics_of(text: str, lang: str) -> frozenset[str]:
    if lang not in LANGS:
        return frozenset()
    folded = fold(text)
    low = folded.lower()
    point_topics = set(topics_data().get("point_topics") or ())
    compiled_topics = _compiled_topics(lang)
    found = set()
    whole_words = _words(_unreferenced(low, lang))
    whole_joined = " ".join(whole_words)
    units = [(w, " ".join(w)) for w in (_words(_unreferenced(u, lang)) for u in sentences(folded))]
    for topic, ways in compiled_topics.items():
        if not ways:
            continue
        if topic in point_topics:
            if _topic_in(ways, whole_words, whole_joined, lang):
                found.add(topic)
        elif any(_topic_in(ways, w, j, lang) for w, j in units):
            found.add(topic)
    return frozenset(found)


def in_chapter(text: str, heading: str, lang: str) -> str | None:
    """``text`` with each bare head noun of the subject its chapter ``heading`` names qualified
    (``chapter_subjects`` in topics.yaml: «Сессия … өткізіледі» in a chapter on calibration sessions reads
    «калибрлеу Сессия …»); None when the heading names no such subject."""
    heading_words = _words(fold(heading).lower())
    for subject in topics_data().get("chapter_subjects") or ():
        stems = subject["heading"].get(lang) or []
        if not stems or not all(any(w.startswith(s) for w in heading_words) for s in stems):
            continue
        qualifier, bare, head = subject["qualifier"][lang], subject["bare"][lang], stems[0]
        bare_word = re.compile(rf"(?<![^\W_])(?:([^\W_]+)\s+)?({bare}[^\W_]*)", re.IGNORECASE)

        def qualify(m: re.Match[str], head: str = head, qualifier: str = qualifier) -> str:
            before = m.group(1) or ""
            if fold(before).lower().startswith(head):
                return m.group(0)
            return f"{before} {qualifier} {m.group(2)}".lstrip()

        return bare_word.sub(qualify, text)
    return None


def label(path: str, lang: str, default: str = "") -> str:
    if path.startswith(_SHARED):  # key names and units live in docgen/data/labels.yaml (shared with diff)
        from ..data.labels import word

        return word(path, lang) or default or path.rsplit(".", 1)[-1]
    node: Any = messages_data()["labels"]
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return default or path.rsplit(".", 1)[-1]
        node = node[part]
    if isinstance(node, dict):
        return str(node.get(lang, default))
    return str(node)


_SHARED = ("keys.", "units.")


class _Blank(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return ""


def message(code: str, lang: str, **params: Any) -> str:
    entry = messages_data()["codes"][code]
    template: str = entry[lang]
    return template.format_map(_Blank({k: ("" if v is None else v) for k, v in params.items()}))


def form_kind_from_title(title: str, lang: str) -> str | None:
    """The form kind an appendix title names (``form_titles`` in topics.yaml: stems near one another,
    any order; a «!…» wording rules the kind out)."""
    if lang not in LANGS:
        return None
    words = _words(fold(title).lower())
    joined = " ".join(words)
    for kind, (yes, no) in _compiled_titles(lang).items():
        if any(_alt_in(a, words, joined, lang) for a in yes) and not any(
            _alt_in(a, words, joined, lang) for a in no
        ):
            return kind
    return None


@lru_cache(maxsize=4)
def _compiled_titles(lang: str) -> dict[str, tuple[tuple[Alt, ...], tuple[Alt, ...]]]:
    synonyms = ((topics_data().get("topic_words") or {}).get("synonyms") or {}).get(lang, {})
    out = {}
    for kind, spec in topics_data()["form_titles"].items():
        titles = [str(t) for t in spec.get(lang, [])]
        yes = tuple(a for t in titles if not t.startswith("!") for a in _alts(t, synonyms))
        no = tuple(a for t in titles if t.startswith("!") for a in _alts(t[1:], synonyms))
        out[str(kind)] = (yes, no)
    return out


# Report helpers shared by report.py (text/HTML) and report_docx.py (DOCX).


def point_label(point: str, lang: str) -> str:
    if not point:
        return "—"
    if point == "header":
        return label("report.header", lang)
    if point.startswith("app") and point[3:].isdigit():
        return label("appendix_ref", lang).format(appendix=point[3:])
    if point.startswith("par") and point[3:].isdigit():  # a paragraph of a text without point numbers
        return {"kk": f"{point[3:]}-абзац", "ru": f"абзац {point[3:]}"}[lang]
    if point.startswith("ch") and point[2:].isdigit():
        return {"kk": f"{point[2:]}-тарау", "ru": f"глава {point[2:]}"}[lang]
    return label("point_ref", lang).format(point=point)


def summary_rows(result: CheckResult) -> list[tuple[str, list[int]]]:
    table = result.summary()
    rows = []
    for cat in CATEGORIES:
        if cat in table:
            rows.append((label(f"category.{cat}", result.language, cat), [table[cat][s] for s in SEVERITIES]))
    return rows


def _day(iso: Any) -> str:
    s = str(iso or "")
    return f"{s[8:10]}.{s[5:7]}.{s[0:4]}" if len(s) >= 10 else (s or "—")


def first_line(result: CheckResult) -> str | None:
    """The report's first line for a repealed act (said before anything else), else None."""
    facts = result.facts
    if facts.get("status") != "repealed":
        return None
    lang = result.language
    by = (
        label("report.repealed_by", lang).format(number=facts["repealed_by"])
        if facts.get("repealed_by")
        else ""
    )
    return label("report.repealed", lang).format(date=_day(facts.get("repealed_on")), by=by)


def header_rows(result: CheckResult) -> list[tuple[str, str]]:
    """(label, value) rows of the report header: file, dates, status, editions, in the act's language."""
    lang = result.language
    facts = result.facts
    rows = [(label("report.file", lang), result.path)]
    if facts:
        rows.append((label("report.adopted", lang), _day(facts.get("adopted"))))
    rows.append((label("report.act_date", lang), _day(result.act_date)))
    if facts:
        status = (
            label("report.repealed_status", lang) + f" ({_day(facts.get('repealed_on'))})"
            if facts.get("status") == "repealed"
            else label("report.in_force", lang)
        )
        rows.append((label("report.status", lang), status))
    edition = (
        f"{result.edition} — {result.edition_title}" if result.edition else label("report.not_compared", lang)
    )
    rows.append((label("report.edition", lang), edition))
    if facts:
        rows.append((label("report.in_force_at_edition", lang), facts.get("in_force_at_edition") or "—"))
        rows.append((label("report.in_force_at_adoption", lang), facts.get("in_force_at_adoption") or "—"))
    return rows


def evidence_words(evidence: str, lang: str) -> str:
    return label(f"evidence.{evidence}", lang, evidence)
