"""Diff stage, text part: two same-language :class:`docgen.model.Document` -> aligned structural units.

Consumes two Documents (normalised text, structure nodes, edit notes); produces a :class:`TextDiff`:
every point, chapter title, appendix and other part (header, approving order, captions, footer) of
the old and the new text paired or reported as added/removed, with a similarity and a word-level
diff on demand, the merged unit order used by the redline (anchors = longest increasing run of
pairs, everything else deleted at its old place and inserted at its new one) and the new text's
edit notes («Ескерту.» / «Сноска.») matched to the changes they announce.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Document, EditNote

__all__ = [
    "Unit",
    "UnitChange",
    "NoteMatch",
    "TextDiff",
    "units_of",
    "paragraphs",
    "match_items",
    "word_diff",
    "similarity",
    "diff_text",
]

_WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_LEADING_NUMBER = re.compile(r"^\s*\d+\s*[.)]\s*")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Unit:
    """One structural unit of a text: a point, a chapter title, an appendix, a note or another part."""

    kind: str  # "point" | "chapter" | "appendix" | "note" | "part"
    ref: str  # "12", "chapter:2", "app:3", "note:point:10#1", "part:header" ...
    number: str  # point / chapter / appendix number as printed ("" for parts)
    paragraphs: tuple[str, ...]
    content: str  # text used for similarity: paragraphs without the leading number, spaces collapsed
    start: int
    end: int
    deleted: bool = False


@dataclass
class UnitChange:
    """A pair of units (or one side only) and what happened to it."""

    kind: str
    old: Unit | None
    new: Unit | None
    change: str  # unchanged | modified | added | removed | moved | renumbered
    similarity: float
    modified: bool = False  # content differs (also for moved / renumbered units)
    notes: list[int] = field(default_factory=list)  # indices into TextDiff.notes

    @property
    def old_ref(self) -> str | None:
        return self.old.ref if self.old else None

    @property
    def new_ref(self) -> str | None:
        return self.new.ref if self.new else None


@dataclass
class NoteMatch:
    note: EditNote
    changes: list[int]  # indices into TextDiff.changes
    status: str  # "matched" | "unconfirmed"


@dataclass
class TextDiff:
    old_units: list[Unit]
    new_units: list[Unit]
    changes: list[UnitChange]  # reported units (no notes), in merged order
    order: list[tuple[int | None, int | None]]  # merged order of all units for the redline
    notes: list[NoteMatch]

    @property
    def is_empty(self) -> bool:
        return all(c.change == "unchanged" for c in self.changes)


def paragraphs(text: str) -> list[str]:
    """Non-empty lines of ``text``, stripped: the paragraph model shared with the redline."""
    return [s for s in (line.strip() for line in text.split("\n")) if s]


def _content(paras: tuple[str, ...] | list[str]) -> str:
    if not paras:
        return ""
    first = _LEADING_NUMBER.sub("", paras[0], count=1)
    return _SPACE.sub(" ", " ".join([first, *paras[1:]])).strip()


def _group(kind: str, ref: str) -> tuple[str, str, str]:
    """Node (kind, ref) -> (unit kind, unit ref, number)."""
    if kind == "edit_note":
        return "note", "note:" + (ref or "header"), ""
    if kind == "point" and ref.startswith("point:"):
        return "point", ref[6:], ref[6:]
    if kind == "chapter_title" and ref.startswith("chapter:"):
        return "chapter", ref, ref[8:]
    if kind in ("appendix", "caption") and ref.startswith("app:"):
        return "appendix", ref, ref[4:]
    return "part", "part:" + (ref or kind), ""


def units_of(doc: Document) -> list[Unit]:
    """Partition ``doc`` into units following its structure nodes (empty units dropped)."""
    text = doc.norm.text
    deleted_points = {p.number for p in doc.points if p.deleted}
    deleted_chapters = {str(c.number) for c in doc.chapters if c.deleted}
    segs: list[tuple[str, str, str, int, int]] = []
    for node in doc.nodes:
        kind, ref, number = _group(node.kind, node.ref)
        if segs and segs[-1][:2] == (kind, ref):
            segs[-1] = (kind, ref, number, segs[-1][3], node.end)
        else:
            segs.append((kind, ref, number, node.start, node.end))
    if not segs:
        segs.append(("part", "part:text", "", 0, len(text)))
    units: list[Unit] = []
    seen: Counter[str] = Counter()
    for kind, ref, number, start, end in segs:
        paras = tuple(paragraphs(text[start:end]))
        if not paras:
            continue
        seen[ref] += 1
        uref = ref if seen[ref] == 1 else f"{ref}#{seen[ref]}"
        deleted = (kind == "point" and number in deleted_points) or (
            kind == "chapter" and number in deleted_chapters
        )
        units.append(Unit(kind, uref, number, paras, _content(paras), start, end, deleted))
    return units


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def similarity(a: str, b: str) -> float:
    """Word-level similarity 0..1 (difflib ratio over word tokens); 1.0 for equal texts."""
    if a == b:
        return 1.0
    wa, wb = _words(a), _words(b)
    if not wa and not wb:
        return 1.0
    sm = difflib.SequenceMatcher(None, wa, wb, autojunk=len(wa) + len(wb) > 4000)
    return round(sm.ratio(), 4)


def _dice(a: Counter[str], b: Counter[str]) -> float:
    total = sum(a.values()) + sum(b.values())
    if not total:
        return 1.0
    return 2 * sum((a & b).values()) / total


def match_items(
    old: list[tuple[str, str]],
    new: list[tuple[str, str]],
    *,
    threshold: float = 0.5,
    same_number_floor: float = 0.25,
) -> list[tuple[int, int]]:
    """Pair items given as ``(number, content)``: equal contents first, then the globally best
    pairs by word similarity (same number gets a small bonus), then leftovers with the same number
    whose similarity reaches ``same_number_floor``. Returns ``(old_index, new_index)`` pairs."""
    pairs: list[tuple[int, int]] = []
    free_old = set(range(len(old)))
    free_new = set(range(len(new)))
    by_content: dict[str, list[int]] = {}
    for j, (_, c) in enumerate(new):
        by_content.setdefault(c, []).append(j)
    for i, (num, c) in enumerate(old):  # identical content: same number first, else first free
        cands = [j for j in by_content.get(c, []) if j in free_new]
        if cands:
            j = next((j for j in cands if new[j][0] == num), cands[0])
            pairs.append((i, j))
            free_old.discard(i)
            free_new.discard(j)
    bags_old = {i: Counter(_words(old[i][1])) for i in free_old}
    bags_new = {j: Counter(_words(new[j][1])) for j in free_new}
    scored: list[tuple[float, int, int]] = []
    for i in free_old:
        for j in free_new:
            d = _dice(bags_old[i], bags_new[j])
            if old[i][0] == new[j][0] and old[i][0]:
                d += 0.1
            if d >= min(threshold, same_number_floor):
                scored.append((d, i, j))
    scored.sort(key=lambda t: (-t[0], abs(t[1] - t[2]), t[1]))
    for d, i, j in scored:
        same = old[i][0] == new[j][0] and old[i][0] != ""
        if i in free_old and j in free_new and (d - (0.1 if same else 0.0) >= threshold):
            pairs.append((i, j))
            free_old.discard(i)
            free_new.discard(j)
    for d, i, j in scored:
        same = old[i][0] == new[j][0] and old[i][0] != ""
        if same and i in free_old and j in free_new and d - 0.1 >= same_number_floor:
            pairs.append((i, j))
            free_old.discard(i)
            free_new.discard(j)
    return sorted(pairs)


def _lis(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Longest run of pairs increasing in both indices (pairs sorted by old index)."""
    import bisect

    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos else -1
    out: set[tuple[int, int]] = set()
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.add(pairs[k])
        k = prev[k]
    return out


def word_diff(old: str, new: str) -> list[tuple[str, str, str]]:
    """Token diff of two strings: ``[(op, old_text, new_text)]`` with op equal|delete|insert|replace.

    Joining the old sides gives ``old`` and joining the new sides gives ``new`` exactly."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[tuple[str, str, str]] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        out.append((op, "".join(a[i1:i2]), "".join(b[j1:j2])))
    return out


def _pair_units(old: list[Unit], new: list[Unit]) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    for kind in ("point", "chapter", "appendix"):
        oi = [k for k, u in enumerate(old) if u.kind == kind]
        ni = [k for k, u in enumerate(new) if u.kind == kind]
        got = match_items(
            [(old[k].number, old[k].content) for k in oi], [(new[k].number, new[k].content) for k in ni]
        )
        pairs += [(oi[a], ni[b]) for a, b in got]
    for kind in ("part", "note"):  # by reference; notes also by identical text
        new_by_ref = {u.ref: k for k, u in enumerate(new) if u.kind == kind}
        used: set[int] = set()
        for k, u in enumerate(old):
            if u.kind == kind and u.ref in new_by_ref:
                pairs.append((k, new_by_ref[u.ref]))
                used.add(new_by_ref[u.ref])
        if kind == "note":
            matched_old = {a for a, _ in pairs}
            by_text = {u.content: k for k, u in enumerate(new) if u.kind == "note" and k not in used}
            for k, u in enumerate(old):
                if u.kind == "note" and k not in matched_old and u.content in by_text:
                    pairs.append((k, by_text.pop(u.content)))
    # a note pairs only with a note whose text is close; otherwise it is removed + added
    return sorted(
        p
        for p in pairs
        if old[p[0]].kind != "note" or similarity(old[p[0]].content, new[p[1]].content) >= 0.5
    )


def _classify(o: Unit, n: Unit, anchored: bool) -> UnitChange:
    sim = similarity(o.content, n.content)
    modified = o.paragraphs != n.paragraphs if o.number == n.number else o.content != n.content
    if n.deleted and not o.deleted:
        return UnitChange(n.kind, o, n, "removed", sim, True)
    if not anchored:
        change = "moved"
    elif o.number != n.number:
        change = "renumbered"
    else:
        change = "modified" if modified else "unchanged"
    return UnitChange(n.kind, o, n, change, sim, modified)


def _merge_order(
    n_old: int, n_new: int, pairs: list[tuple[int, int]], anchors: set[tuple[int, int]]
) -> list[tuple[int | None, int | None]]:
    order: list[tuple[int | None, int | None]] = []
    i = j = 0
    for a, b in sorted(anchors):
        order += [(k, None) for k in range(i, a)]
        order += [(None, k) for k in range(j, b)]
        order.append((a, b))
        i, j = a + 1, b + 1
    order += [(k, None) for k in range(i, n_old)]
    order += [(None, k) for k in range(j, n_new)]
    return order


def _note_targets(ch: UnitChange) -> set[str]:
    refs: set[str] = set()
    for u in (ch.old, ch.new):
        if u is None:
            continue
        if u.kind == "point":
            refs.add("point:" + u.number)
        elif u.kind in ("chapter", "appendix"):
            refs.add(u.ref.split("#")[0].replace("app:", "appendix:"))
            refs.add(u.ref.split("#")[0])
    return refs


def _match_notes(
    old_doc: Document, new_doc: Document, changes: list[UnitChange], new_units: list[Unit]
) -> list[NoteMatch]:
    def key(n: EditNote) -> str:
        return _SPACE.sub(" ", n.text).strip()

    old_keys = {key(n) for n in _all_notes(old_doc)}
    point_chapter = {p.number: p.chapter for p in new_doc.points}
    out: list[NoteMatch] = []
    for note in _all_notes(new_doc):
        if key(note) in old_keys:
            continue
        idx: list[int] = []
        for k, ch in enumerate(changes):
            if ch.change == "unchanged":
                continue
            targets = _note_targets(ch)
            if note.target in targets:
                idx.append(k)
            elif note.target.startswith("chapter:") and ch.kind == "point":
                nums = [u.number for u in (ch.new, ch.old) if u is not None]
                if any(str(point_chapter.get(x)) == note.target[8:] for x in nums):
                    idx.append(k)
            elif note.target in ("methodology", "act") and ch.kind != "part":
                idx.append(k)
        out.append(NoteMatch(note, idx, "matched" if idx else "unconfirmed"))
        for k in idx:
            changes[k].notes.append(len(out) - 1)
    return out


def _all_notes(doc: Document) -> list[EditNote]:
    seen: dict[tuple[int, int], EditNote] = {}
    for n in doc.header.edit_notes:
        seen[(n.start, n.end)] = n
    for p in doc.points:
        for n in p.edit_notes:
            seen.setdefault((n.start, n.end), n)
    return [seen[k] for k in sorted(seen)]


def diff_text(old_doc: Document, new_doc: Document) -> TextDiff:
    """Align two same-language documents unit by unit (see module docstring)."""
    old_units, new_units = units_of(old_doc), units_of(new_doc)
    pairs = _pair_units(old_units, new_units)
    anchors = _lis(pairs)
    order = _merge_order(len(old_units), len(new_units), [p for p in pairs if p in anchors], anchors)
    partner_old = dict(pairs)
    partner_new = {b: a for a, b in pairs}
    changes: list[UnitChange] = []
    done_new: set[int] = set()
    for oi, ni in order:
        if oi is not None and ni is not None:
            ch = _classify(old_units[oi], new_units[ni], True)
            done_new.add(ni)
        elif ni is not None:
            if ni in done_new:
                continue
            if ni in partner_new:
                ch = _classify(old_units[partner_new[ni]], new_units[ni], False)
            else:
                ch = UnitChange(new_units[ni].kind, None, new_units[ni], "added", 0.0, True)
            done_new.add(ni)
        else:
            assert oi is not None
            if oi in partner_old:
                continue  # moved: reported at its new place
            ch = UnitChange(old_units[oi].kind, old_units[oi], None, "removed", 0.0, True)
        if ch.kind != "note":
            changes.append(ch)
    notes = _match_notes(old_doc, new_doc, changes, new_units)
    return TextDiff(old_units, new_units, changes, order, notes)
