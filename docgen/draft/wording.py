"""Draft stage, the amending wording of a point whose words, sentences, paragraphs or sub-points are only
added or only deleted (Kazakhstan's legal technique, kk and ru).

:func:`word_edit` (old point, new point) -> the operative wording, or None when the change is none of
these (the caller then words it as a replacement or the point in a new wording):

* words added after or before an anchor that occurs once in the point (or, failing that, in its
  sub-point or paragraph), the shorter anchor chosen: «пункт 5 после слова «оценкой» дополнить словами
  «…»» / «пункт 5 перед словами «…» дополнить словом «…»»; «5-тармақ «…» деген сөзден кейін / деген
  сөздердің алдынан «…» деген сөздермен толықтырылсын»;
* words added at the start of a sentence, whose first word loses its capital: the first words are
  replaced («слово «В» заменить словами «Как правило, в»» / «… деген сөз … деген сөздермен
  ауыстырылсын»);
* a whole sentence added: «пункт 5 дополнить предложением следующего содержания: «…»», after the
  m-th sentence «после первого предложения», at the end of a paragraph «абзац второй пункта 5 …» /
  «5-тармақ мынадай мазмұндағы сөйлеммен толықтырылсын», «5-тармақтың екінші абзацы …»,
  «5-тармақ бірінші сөйлемнен кейін …»;
* whole paragraphs or sub-points added: «пункт 5 дополнить абзацем третьим / подпунктом 3-1)
  следующего содержания: «…»» / «5-тармақ мынадай мазмұндағы үшінші абзацпен / 3-1) тармақшамен
  толықтырылсын: «…»»;
* words deleted that occur once: «в пункте 5 слова «…» исключить» / «5-тармақтағы «…» деген сөздер
  алып тасталсын» (in a sub-point or paragraph named when they recur in the point);
* a whole sentence deleted: «второе предложение абзаца третьего пункта 19 исключить» / «19-тармақтың
  екінші абзацының екінші сөйлемі алып тасталсын»; whole lines: «абзац четвертый пункта 19 исключить»,
  «подпункт 5) пункта 2 исключить» / «19-тармақтың үшінші абзацы алып тасталсын», «2-тармақтың 5)
  тармақшасы алып тасталсын».

Two to five separate word edits of one point (words replaced, added or deleted, each naming one place)
are one item: «в пункте 19:» / «19-тармақта:», then one clause a line (:func:`composite_edit`).

Every wording is applied back to the old point (:meth:`Edit.apply`) and used only when that gives the
new point, so the amending decision always produces the intended edition.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .words import words

__all__ = ["Edit", "find_edit", "paragraphs", "word_edit"]

_WTOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]")
_LETTER = re.compile(r"\w")
_SUB = re.compile(r"\s*(\d+(?:-\d+)?)\)\s")
_LEAD = re.compile(r"\s*\d+(?:-\d+)?\.\s+")
_ENDS = ".!?"
# a sentence's end inside added words («. Состав …», «… приказом.»)
_SENTENCE_MARK = re.compile(r"^[.!?;:]|[.!?]$|[.!?]»?\s")
# the words a sentence may start with: a capital letter, an opening quote or a digit
_OPENS = re.compile(r"[«\"(]?[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ0-9]")


def _occurs_once(phrase: str, text: str) -> bool:
    """The phrase names one place of ``text``: it occurs there once, as whole words (a phrase may begin
    or end with a punctuation mark)."""
    return len(_places(phrase, text)) == 1


def _places(phrase: str, text: str) -> list[int]:
    """Where ``phrase`` occurs in ``text`` as whole words, overlapping places counted («да, да» twice
    in «да, да, да»)."""
    head = r"(?<![\w-])" if _LETTER.match(phrase) else ""
    tail = r"(?![\w-])" if _LETTER.match(phrase[-1]) else ""
    return [m.start() for m in re.finditer(f"(?={head}{re.escape(phrase)}{tail})", text)]


def _find(phrase: str, text: str) -> int:
    found = _places(phrase, text)
    if len(found) != 1:
        raise ValueError(f"not one place: {phrase!r}")
    return found[0]


def _many(phrase: str) -> bool:
    """More than one word: «слова», «сөздер»."""
    return len(re.findall(r"\w+(?:-\w+)*", phrase)) > 1


def _is_number(word: str, lang: str) -> bool:
    from ..numbers import parse_number_word

    if word.isdigit():
        return True
    return any(
        parse_number_word(word.lower(), code) is not None for code in dict.fromkeys((lang, "ru", "kk"))
    )


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of a point, each with its spaces collapsed (the act's layout aside)."""
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of ``text``."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


# ---- scopes: the point, one of its sub-points, one of its paragraphs ----


@dataclass(frozen=True)
class Scope:
    kind: str  # "point" | "sub" | "para"
    label: str = ""  # the sub-point's number ("2", "3-1") or the paragraph's place (1, 2, ...)

    def span(self, text: str) -> tuple[int, int]:
        lines = _lines(text)
        if self.kind == "point":
            return 0, len(text)
        if self.kind == "para":
            return lines[int(self.label) - 1]
        hits = [(s, e) for s, e in lines if (m := _SUB.match(text[s:e] + " ")) and m.group(1) == self.label]
        if len(hits) != 1:
            raise ValueError(f"not one sub-point {self.label}")
        return hits[0]


def _scopes(text: str, pos: int) -> list[Scope]:
    """The point, then the sub-point or paragraph holding ``pos`` (narrowest last)."""
    out = [Scope("point")]
    lines = _lines(text)
    subs = [_SUB.match(text[s:e] + " ") for s, e in lines]
    for k, (s, e) in enumerate(lines):
        if s <= pos <= e:
            m = subs[k]
            if m:
                numbers = [x.group(1) for x in subs if x]
                if numbers.count(m.group(1)) == 1:
                    out.append(Scope("sub", m.group(1)))
            elif len(lines) > 1 and not any(subs):
                out.append(Scope("para", str(k + 1)))
            break
    return out


def _body_start(text: str, s: int, e: int) -> int:
    """Where the words of a scope begin: after the point's number («19. ») or a sub-point's («2) »)."""
    m = _LEAD.match(text, s) or _SUB.match(text, s)
    return m.end() if m and m.end() <= e else s


def _sentence_ends(text: str, s: int, e: int) -> list[int]:
    """The offsets just after each sentence's end mark in ``text[s:e]`` (the last one at the end)."""
    body = _body_start(text, s, e)
    out = []
    for m in re.finditer(r"[.!?]»?(?=\s+)", text[body:e]):
        nxt = text[body + m.end() : e].lstrip()
        if _OPENS.match(nxt):
            out.append(body + m.end())
    tail = text[s:e].rstrip()
    if tail and tail[-1] in _ENDS + "»":
        out.append(s + len(tail))
    return sorted(set(out))


# ---- the edits ----


@dataclass(frozen=True)
class Edit:
    """One addition or deletion inside a point, as the amending decision words it."""

    kind: str  # after | before | delete | start | sentence | lines | drop_sentence | drop_lines
    scope: Scope
    added: str = ""  # the words / sentence(s) / lines added (lines joined by "\n")
    anchor: str = ""  # the quoted words: the anchor, the deleted words or the replaced first words
    place: int = 0  # "sentence": after the place-th sentence (0: at the end); "lines": the first new line
    numbers: tuple[str, ...] = ()  # "lines": the new sub-points' numbers (none: paragraphs)
    reading: int = 0  # which reading of an ambiguous insertion (0: the word diff's own)
    count: int = 1  # "drop_lines": how many lines go

    def apply(self, old: str) -> str:
        """The point after this edit (raises ValueError when the wording does not name one place)."""
        s, e = self.scope.span(old)
        part = old[s:e]
        if self.kind == "drop_lines":
            lines = _lines(old)
            first, last = lines[self.place - 1], lines[self.place - 2 + self.count]
            return old[: old.rfind("\n", 0, first[0]) + 1 if first[0] else 0] + old[last[1] + 1 :]
        if self.kind == "drop_sentence":
            ends = _sentence_ends(old, s, e)
            body = _body_start(old, s, e)
            if len(ends) < 2 or not 1 <= self.place <= len(ends):
                raise ValueError("not one of several sentences")
            if self.place > 1:
                return old[: ends[self.place - 2]] + old[ends[self.place - 1] :]
            nxt = ends[0]
            while nxt < e and old[nxt] in " \t\u00a0":
                nxt += 1
            return old[:body] + old[nxt:]
        if self.kind == "lines":
            lines = _lines(old)
            at = lines[self.place - 2][1] if self.place > 1 else lines[0][0]
            if self.place == 1:
                return old[:at] + self.added + "\n" + old[at:]
            return old[:at] + "\n" + self.added + old[at:]
        if self.kind == "sentence":
            ends = _sentence_ends(old, s, e)
            at = ends[self.place - 1] if self.place else s + len(part.rstrip())
            if self.place and at == ends[-1] and at == s + len(part.rstrip()):
                raise ValueError("the last sentence: said as the end")
            return old[:at] + " " + self.added + old[at:]
        k = s + _find(self.anchor, part)
        if self.kind == "delete":
            return old[:k] + old[k + len(self.anchor) :]
        if self.kind == "start":
            return old[:k] + self.added + old[k + len(self.anchor) :]
        if self.kind == "after":
            k += len(self.anchor)
            glue = "" if not _LETTER.match(self.added) and self.added[0] not in "«(-–—" else " "
            return old[:k] + glue + self.added + old[k:]
        glue = "" if self.added[-1] in "«(" else " "
        return old[:k] + self.added + glue + old[k:]

    def wording(self, point: str, lang: str) -> str:
        return _KK(self, point) if lang == "kk" else _RU(self, point)


def _ru_ord(n: int, case: str, gender: str = "masc") -> str:
    return words(n, "ru", kind="ord", case=case, gender=gender)


def _kk_ord(n: int) -> str:
    return words(n, "kk", kind="ord")


def _and(items: list[str], word: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def _ru_unit(scope: Scope, point: str, case: str) -> str:
    """ "пункт 5" / "подпункт 2) пункта 5" / "абзац второй пункта 5" (nominative or prepositional)."""
    if scope.kind == "sub":
        return (
            f"подпункт {scope.label}) пункта {point}"
            if case == "nomn"
            else f"подпункте {scope.label}) пункта {point}"
        )
    if scope.kind == "para":
        n = int(scope.label)
        return (
            f"абзац {_ru_ord(n, 'nomn')} пункта {point}"
            if case == "nomn"
            else f"абзаце {_ru_ord(n, 'loct')} пункта {point}"
        )
    return f"пункт {point}" if case == "nomn" else f"пункте {point}"


def _kk_unit(scope: Scope, point: str, case: str) -> str:
    """ "5-тармақ" / "5-тармақтың 2) тармақшасы" / "5-тармақтың екінші абзацы" (nominative or locative)."""
    if scope.kind == "sub":
        return f"{point}-тармақтың {scope.label}) тармақшасы" + ("ндағы" if case == "loc" else "")
    if scope.kind == "para":
        return f"{point}-тармақтың {_kk_ord(int(scope.label))} абзацы" + ("ндағы" if case == "loc" else "")
    return f"{point}-тармақ" + ("тағы" if case == "loc" else "")


def _RU(ed: Edit, point: str) -> str:  # noqa: N802 - the Russian wording
    unit = _ru_unit(ed.scope, point, "nomn")
    by = "словами" if _many(ed.added) else "словом"
    if ed.kind in ("after", "before"):
        where = ("после" if ed.kind == "after" else "перед") + (
            (" слов" if ed.kind == "after" else " словами")
            if _many(ed.anchor)
            else (" слова" if ed.kind == "after" else " словом")
        )
        return f"{unit} {where} «{ed.anchor}» дополнить {by} «{ed.added}»"
    if ed.kind == "delete":
        what = "слова" if _many(ed.anchor) else "слово"
        return f"в {_ru_unit(ed.scope, point, 'loct')} {what} «{ed.anchor}» исключить"
    if ed.kind == "start":
        what = "слова" if _many(ed.anchor) else "слово"
        return f"в {_ru_unit(ed.scope, point, 'loct')} {what} «{ed.anchor}» заменить {by} «{ed.added}»"
    if ed.kind == "drop_sentence":
        nth = _ru_ord(ed.place, "nomn", "neut")
        if ed.scope.kind == "para":
            return f"{nth} предложение абзаца {_ru_ord(int(ed.scope.label), 'gent')} пункта {point} исключить"
        if ed.scope.kind == "sub":
            return f"{nth} предложение подпункта {ed.scope.label}) пункта {point} исключить"
        return f"{nth} предложение пункта {point} исключить"
    if ed.kind == "drop_lines":
        return _ru_drop_lines(ed, point)
    if ed.kind == "sentence":
        many = len(_sentence_ends(ed.added, 0, len(ed.added))) > 1
        what = "предложениями" if many else "предложением"
        after = f" после {_ru_ord(ed.place, 'gent', 'neut')} предложения" if ed.place else ""
        return f"{unit}{after} дополнить {what} следующего содержания:\n«{ed.added}»"
    count = ed.added.count("\n") + 1
    if ed.numbers:
        names = [f"{n})" for n in ed.numbers]
        what = ("подпунктами " if count > 1 else "подпунктом ") + _and(names, "и")
    else:
        names = [_ru_ord(ed.place + i, "ablt") for i in range(count)]
        what = ("абзацами " if count > 1 else "абзацем ") + _and(names, "и")
    return f"{unit} дополнить {what} следующего содержания:\n«{ed.added}»"


def _KK(ed: Edit, point: str) -> str:  # noqa: N802 - the Kazakh wording
    unit = _kk_unit(ed.scope, point, "nom")
    by = "деген сөздермен" if _many(ed.added) else "деген сөзбен"
    if ed.kind in ("after", "before"):
        many = _many(ed.anchor)
        if ed.kind == "after":
            where = "деген сөздерден кейін" if many else "деген сөзден кейін"
        else:
            where = "деген сөздердің алдынан" if many else "деген сөздің алдынан"
        return f"{unit} «{ed.anchor}» {where} «{ed.added}» {by} толықтырылсын"
    if ed.kind == "delete":
        what = "деген сөздер" if _many(ed.anchor) else "деген сөз"
        return f"{_kk_unit(ed.scope, point, 'loc')} «{ed.anchor}» {what} алып тасталсын"
    if ed.kind == "start":
        what = "деген сөздер" if _many(ed.anchor) else "деген сөз"
        return f"{_kk_unit(ed.scope, point, 'loc')} «{ed.anchor}» {what} «{ed.added}» {by} ауыстырылсын"
    if ed.kind == "drop_sentence":
        nth = _kk_ord(ed.place)
        if ed.scope.kind == "para":
            return f"{point}-тармақтың {_kk_ord(int(ed.scope.label))} абзацының {nth} сөйлемі алып тасталсын"
        if ed.scope.kind == "sub":
            return f"{point}-тармақтың {ed.scope.label}) тармақшасының {nth} сөйлемі алып тасталсын"
        return f"{point}-тармақтың {nth} сөйлемі алып тасталсын"
    if ed.kind == "drop_lines":
        return _kk_drop_lines(ed, point)
    if ed.kind == "sentence":
        many = len(_sentence_ends(ed.added, 0, len(ed.added))) > 1
        what = "сөйлемдермен" if many else "сөйлеммен"
        after = f" {_kk_ord(ed.place)} сөйлемнен кейін" if ed.place else ""
        return f"{unit}{after} мынадай мазмұндағы {what} толықтырылсын:\n«{ed.added}»"
    count = ed.added.count("\n") + 1
    if ed.numbers:
        what = _and([f"{n})" for n in ed.numbers], "және") + (
            " тармақшалармен" if count > 1 else " тармақшамен"
        )
    else:
        names = [_kk_ord(ed.place + i) for i in range(count)]
        what = _and(names, "және") + (" абзацтармен" if count > 1 else " абзацпен")
    return f"{unit} мынадай мазмұндағы {what} толықтырылсын:\n«{ed.added}»"


def _ru_drop_lines(ed: Edit, point: str) -> str:
    """«подпункт 3) пункта 5 исключить», «подпункты 3) и 4) …», «абзац третий пункта 5 исключить»,
    «абзацы третий и четвертый …»."""
    many = ed.count > 1
    if ed.numbers:
        names = _and([f"{n})" for n in ed.numbers], "и")
        return f"{'подпункты' if many else 'подпункт'} {names} пункта {point} исключить"
    names = _and([_ru_ord(ed.place + i, "nomn") for i in range(ed.count)], "и")
    return f"{'абзацы' if many else 'абзац'} {names} пункта {point} исключить"


def _kk_drop_lines(ed: Edit, point: str) -> str:
    """«5-тармақтың 3) тармақшасы алып тасталсын», «3) және 4) тармақшалары …», «5-тармақтың үшінші абзацы
    алып тасталсын», «үшінші және төртінші абзацтары …»."""
    many = ed.count > 1
    if ed.numbers:
        names = _and([f"{n})" for n in ed.numbers], "және")
        return f"{point}-тармақтың {names} {'тармақшалары' if many else 'тармақшасы'} алып тасталсын"
    names = _and([_kk_ord(ed.place + i) for i in range(ed.count)], "және")
    return f"{point}-тармақтың {names} {'абзацтары' if many else 'абзацы'} алып тасталсын"


# ---- finding the edit ----


def _same(a: str, b: str) -> bool:
    return paragraphs(a) == paragraphs(b)


def _line_edit(old: str, new: str) -> Edit | None:
    """Whole lines (paragraphs or sub-points) added, nothing else changed."""
    pa, pb = paragraphs(old), paragraphs(new)
    if len(pb) == len(pa):
        return None
    ops = [
        op for op in difflib.SequenceMatcher(None, pa, pb, autojunk=False).get_opcodes() if op[0] != "equal"
    ]
    if len(ops) == 1 and ops[0][0] == "delete" and ops[0][1] > 0:
        _t, i1, i2, _j1, _j2 = ops[0]
        gone = [_SUB.match(p + " ") for p in pa[i1:i2]]
        if all(gone):
            numbers = tuple(m.group(1) for m in gone if m)
            return Edit("drop_lines", Scope("point"), place=i1 + 1, count=i2 - i1, numbers=numbers)
        if any(gone) or any(_SUB.match(p + " ") for p in pa):
            return None
        return Edit("drop_lines", Scope("point"), place=i1 + 1, count=i2 - i1)
    if len(ops) != 1 or ops[0][0] != "insert":
        return None
    _t, i1, _i2, j1, j2 = ops[0]
    added = pb[j1:j2]
    subs = [_SUB.match(p + " ") for p in added]
    old_subs = [_SUB.match(p + " ") for p in pa]
    if i1 == 0:
        return None  # before the point's first line: the point's number moves
    if all(subs):
        return Edit(
            "lines",
            Scope("point"),
            "\n".join(added),
            place=i1 + 1,
            numbers=tuple(m.group(1) for m in subs if m),
        )
    if any(subs) or any(old_subs):
        return None  # a paragraph among sub-points: no plain paragraph number to name it by
    return Edit("lines", Scope("point"), "\n".join(added), place=i1 + 1)


def _slides(bt: list[str], i1: int, j1: int, j2: int) -> list[tuple[int, int, int]]:
    """Every place the same insertion can be read at ("…трех. Х." inserted as «. Х» or «Х.»)."""
    out = [(i1, j1, j2)]
    i, a, b = i1, j1, j2
    while a > 0 and bt[b - 1] == bt[a - 1]:
        i, a, b = i - 1, a - 1, b - 1
        out.append((i, a, b))
    i, a, b = i1, j1, j2
    while b < len(bt) and bt[a] == bt[b]:
        i, a, b = i + 1, a + 1, b + 1
        out.append((i, a, b))
    return out


def _anchor(
    old: str, a: list[re.Match[str]], lo: int, hi: int, step: int, scope_text: tuple[int, int]
) -> str | None:
    """The shortest words from token ``lo`` going ``step`` (backwards -1, forwards +1), inside the
    sentence, that occur once in the scope."""
    s, e = scope_text
    k = lo
    for _ in range(6):
        if not (0 <= k < len(a)) or not (s <= a[k].start() and a[k].end() <= e):
            return None
        first, last = (a[k], a[lo]) if step < 0 else (a[lo], a[k])
        if a[k].group() in ".;:!?" or "\n" in old[first.start() : last.end()]:
            return None
        if _LETTER.match(a[k].group()) and _LETTER.match(a[lo].group()):
            cand = old[first.start() : last.end()]
            if _occurs_once(cand, old[s:e]):
                return cand
        k += step
    return None


def _word_insert(old: str, new: str, a: list[re.Match[str]], b: list[re.Match[str]], lang: str) -> list[Edit]:
    """The ways to word one insertion of words (all its readings, every scope, both anchors)."""
    bt = [m.group() for m in b]
    at = [m.group().lower() for m in a]
    ops = [
        op
        for op in difflib.SequenceMatcher(None, at, [t.lower() for t in bt], autojunk=False).get_opcodes()
        if op[0] != "equal"
    ]
    if len(ops) != 1 or ops[0][0] != "insert":
        return []
    _t, i1, _i2, j1, j2 = ops[0]
    out: list[Edit] = []
    for reading, (i, p, q) in enumerate(_slides(bt, i1, j1, j2)):
        added = new[b[p].start() : b[q - 1].end()]
        edge = [a[x] for x in (i - 1, i) if 0 <= x < len(a)] + [b[p], b[q - 1]]
        if not _LETTER.search(added) or any(_is_number(m.group(), lang) for m in edge):
            continue
        pos = a[i].start() if i < len(a) else len(old)
        recased = i < len(a) and a[i].group() != bt[q]
        after_pos = a[i - 1].end() if i > 0 else pos
        scopes = list(dict.fromkeys([*_scopes(old, pos), *_scopes(old, after_pos)]))
        for scope in scopes:
            span = scope.span(old)
            ends = _sentence_ends(old, *span)
            body = _body_start(old, *span)
            starts_sentence = pos == body or (i > 0 and a[i - 1].end() in ends)
            # a whole sentence added at a sentence's end
            if (
                not recased
                and starts_sentence
                and _OPENS.match(added)
                and added.rstrip("»")[-1:] in _ENDS
                and i > 0
                and a[i - 1].end() in ends
            ):
                place = ends.index(a[i - 1].end()) + 1
                if place != len(ends) and scope.kind == "point" and len(_lines(old)) > 1:
                    continue  # sentences are counted in a paragraph, not across the point
                out.append(
                    Edit("sentence", scope, added, place=0 if place == len(ends) else place, reading=reading)
                )
            if recased:
                if not starts_sentence:
                    continue
                first = _anchor(old, a, i, i, +1, span)
                if first is not None:
                    lower = first[:1].lower() + first[1:]
                    glue = "" if added[-1] in "«(" else " "
                    out.append(Edit("start", scope, added + glue + lower, first, reading=reading))
                continue
            if _SENTENCE_MARK.search(added):
                continue  # words across a sentence's end: a sentence is added, or nothing is said
            if i > 0 and _LETTER.match(a[i - 1].group()):
                anchor = _anchor(old, a, i - 1, i - 1, -1, span)
                if anchor is not None:
                    out.append(Edit("after", scope, added, anchor, reading=reading))
            if i < len(a) and _LETTER.match(a[i].group()):
                anchor = _anchor(old, a, i, i, +1, span)
                if anchor is not None:
                    out.append(Edit("before", scope, added, anchor, reading=reading))
    return out


def _word_delete(old: str, new: str, a: list[re.Match[str]], b: list[re.Match[str]], lang: str) -> list[Edit]:
    ops = [
        op
        for op in difflib.SequenceMatcher(
            None, [m.group() for m in a], [m.group() for m in b], autojunk=False
        ).get_opcodes()
        if op[0] != "equal"
    ]
    if len(ops) != 1 or ops[0][0] != "delete":
        return []
    _t, i1, i2, _j1, _j2 = ops[0]
    edge = [a[i] for i in (i1 - 1, i1, i2 - 1, i2) if 0 <= i < len(a)]
    if any(_is_number(m.group(), lang) for m in edge):
        return []  # a number's words change («он бес» -> «он»): the number is replaced
    out: list[Edit] = []
    # one whole sentence (of several) gone: «второе предложение … исключить» / «… екінші сөйлемі алып тасталсын»
    for i, j in _delete_slides([m.group() for m in a], i1, i2):
        for scope in _scopes(old, a[i].start()):
            span = scope.span(old)
            ends = _sentence_ends(old, *span)
            body = _body_start(old, *span)
            if a[j - 1].end() not in ends or len(ends) < 2:
                continue
            m = ends.index(a[j - 1].end()) + 1
            opens = body if m == 1 else ends[m - 2]
            if old[opens : a[i].start()].strip():
                continue  # not the sentence's first word
            if scope.kind == "point" and len(_lines(old)) > 1:
                continue  # sentences are counted in a paragraph
            out.append(Edit("drop_sentence", scope, place=m))
    gone = old[a[i1].start() : a[i2 - 1].end()]
    if not _LETTER.search(gone) or len(gone) >= len(old) // 2:
        return out
    return out + [Edit("delete", scope, anchor=gone) for scope in _scopes(old, a[i1].start())]


def _delete_slides(at: list[str], i1: int, i2: int) -> list[tuple[int, int]]:
    """Every place the same deletion can be read at (tokens ``i1``..``i2`` of the old point)."""
    out = [(i1, i2)]
    i, j = i1, i2
    while i > 0 and at[i - 1] == at[j - 1]:
        i, j = i - 1, j - 1
        out.append((i, j))
    i, j = i1, i2
    while j < len(at) and at[i] == at[j]:
        i, j = i + 1, j + 1
        out.append((i, j))
    return out


def _rank(ed: Edit) -> tuple[int, int, int, int, int]:
    """The wording to prefer: a sentence or lines added as such; then the word diff's own reading of the
    insertion; then the fewest words to quote (a sub-point or paragraph named costs one word: «в
    подпункте 4) … «непосредственный»» beats «в пункте … «непосредственный руководитель и»»), the point
    before its parts at a tie; then «после» before «перед»."""
    narrow = 0 if ed.scope.kind == "point" else 1
    kind = {"sentence": 0, "lines": 0, "drop_sentence": 0, "drop_lines": 0}.get(ed.kind)
    if kind is None:
        kind = {"delete": 1, "after": 1, "before": 2, "start": 3}[ed.kind]
    size = len(re.findall(r"\w+(?:-\w+)*", ed.anchor)) + narrow
    return 0 if kind == 0 else 1, ed.reading, size, narrow, kind


def find_edit(old: str, new: str, lang: str) -> Edit | None:
    """The edit that turns the point ``old`` into ``new`` and names one place, or None."""
    candidates: list[Edit] = []
    line = _line_edit(old, new)
    if line is not None:
        candidates.append(line)
    else:
        a = list(_WTOKEN.finditer(old))
        b = list(_WTOKEN.finditer(new))
        candidates += _word_delete(old, new, a, b, lang)
        candidates += _word_insert(old, new, a, b, lang)
    for ed in sorted(candidates, key=_rank):
        if ed.kind in ("after", "before", "start") and len(ed.added) >= len(old) // 2:
            continue  # more than a phrase: the point gets a new wording
        try:
            if ed.kind != "delete" and not _once_or_none(ed, old):
                continue
            if _same(ed.apply(old), new):
                return ed
        except (ValueError, IndexError):
            continue
    return None


def _once_or_none(ed: Edit, old: str) -> bool:
    s, e = ed.scope.span(old)
    return not ed.anchor or _occurs_once(ed.anchor, old[s:e])


def word_edit(old: str, new: str, point: str, lang: str) -> str | None:
    """The wording of a point whose words, sentences or lines are only added, or words only deleted
    (see the module's description), or None."""
    ed = find_edit(old, new, lang)
    return None if ed is None else ed.wording(point, lang)


# ---- several separate word edits in one point: «в пункте 19:» / «19-тармақта:», one clause a line ----


def _clause(ed: Edit, lang: str) -> str:
    """One edit of a point said without the point («слово «трех» заменить словом «пяти»» / ««үштен»
    деген сөз «бестен» деген сөзбен ауыстырылсын»)."""
    many_a, many_b = _many(ed.anchor), _many(ed.added)
    if lang == "kk":
        a = "деген сөздер" if many_a else "деген сөз"
        b = "деген сөздермен" if many_b else "деген сөзбен"
        if ed.kind == "delete":
            return f"«{ed.anchor}» {a} алып тасталсын"
        if ed.kind == "start":
            return f"«{ed.anchor}» {a} «{ed.added}» {b} ауыстырылсын"
        where = (
            ("деген сөздерден кейін" if many_a else "деген сөзден кейін")
            if ed.kind == "after"
            else ("деген сөздердің алдынан" if many_a else "деген сөздің алдынан")
        )
        return f"«{ed.anchor}» {where} «{ed.added}» {b} толықтырылсын"
    a = "слова" if many_a else "слово"
    b = "словами" if many_b else "словом"
    if ed.kind == "delete":
        return f"{a} «{ed.anchor}» исключить"
    if ed.kind == "start":
        return f"{a} «{ed.anchor}» заменить {b} «{ed.added}»"
    if ed.kind == "after":
        return f"после {'слов' if many_a else 'слова'} «{ed.anchor}» дополнить {b} «{ed.added}»"
    return f"перед {'словами' if many_a else 'словом'} «{ed.anchor}» дополнить {b} «{ed.added}»"


def _one_op(
    old: str,
    new: str,
    a: list[re.Match[str]],
    b: list[re.Match[str]],
    op: tuple[str, int, int, int, int],
    lang: str,
) -> tuple[Edit, int, int] | None:
    """One opcode of the word diff as an edit of the whole point, with the span of the old text it
    names; None when it names no one place."""
    tag, i1, i2, j1, j2 = op
    point = (0, len(old))
    if tag == "replace":
        # the changed words, widened by the fewest words until they occur once, to the right first
        # («трех» -> «трех рабочих», the number with what it counts), then to the left
        for extra in range(4):
            for left in sorted(range(extra + 1), key=lambda x: x):
                lo, hi = i1 - left, i2 + extra - left
                if (
                    lo < 0
                    or hi > len(a)
                    or not (_LETTER.match(a[lo].group()) and _LETTER.match(a[hi - 1].group()))
                ):
                    continue
                was = old[a[lo].start() : a[hi - 1].end()]
                if "\n" in was or re.search(r"[.!?]»?\s", was):
                    continue  # across a line or a sentence's end
                now = old[a[lo].start() : a[i1].start()] + new[b[j1].start() : b[j2 - 1].end()]
                now += old[a[i2 - 1].end() : a[hi - 1].end()]
                if _occurs_once(was, old):
                    return Edit("start", Scope("point"), now, was), a[lo].start(), a[hi - 1].end()
        return None
    edge = [a[x] for x in (i1 - 1, i1, i2 - 1, i2) if 0 <= x < len(a)]
    if any(_is_number(m.group(), lang) for m in edge):
        return None
    if tag == "delete":
        gone = old[a[i1].start() : a[i2 - 1].end()]
        if not _LETTER.search(gone) or not _occurs_once(gone, old):
            return None
        return Edit("delete", Scope("point"), anchor=gone), a[i1].start(), a[i2 - 1].end()
    added = new[b[j1].start() : b[j2 - 1].end()]
    if not _LETTER.search(added) or _SENTENCE_MARK.search(added):
        return None
    if i1 > 0 and _LETTER.match(a[i1 - 1].group()):
        anchor = _anchor(old, a, i1 - 1, i1 - 1, -1, point)
        if anchor is not None:
            at = a[i1 - 1].end()
            return Edit("after", Scope("point"), added, anchor), at - len(anchor), at
    if i1 < len(a) and _LETTER.match(a[i1].group()):
        anchor = _anchor(old, a, i1, i1, +1, point)
        if anchor is not None:
            at = a[i1].start()
            return Edit("before", Scope("point"), added, anchor), at, at + len(anchor)
    return None


def composite_edit(old: str, new: str, point: str, lang: str) -> str | None:
    """The wording of a point with two to five separate word edits (each words replaced, added or
    deleted, each naming one place of the point, none overlapping): «в пункте 19:» / «19-тармақта:», then
    one clause a line; None when one of them names no one place, or when the new words make half the
    point or more (then the point is set out anew)."""
    a = list(_WTOKEN.finditer(old))
    b = list(_WTOKEN.finditer(new))
    ops = [
        op
        for op in difflib.SequenceMatcher(
            None, [m.group() for m in a], [m.group() for m in b], autojunk=False
        ).get_opcodes()
        if op[0] != "equal"
    ]
    if not 2 <= len(ops) <= 5 or any(op[0] == "replace" and op[1] == 0 for op in ops):
        return None
    edits: list[tuple[Edit, int, int]] = []
    for op in ops:
        got = _one_op(old, new, a, b, op, lang)
        if got is None:
            return None
        edits.append(got)
    spans = sorted((s, e) for _ed, s, e in edits)
    if any(s2 < e1 for (_s1, e1), (s2, _e2) in zip(spans, spans[1:], strict=False)):
        return None  # two edits quote the same words
    if sum(len(ed.added) for ed, _s, _e in edits) >= len(old) // 2:
        return None
    text = old
    for ed, _s, _e in sorted(edits, key=lambda x: -x[1]):
        try:
            text = ed.apply(text)
        except (ValueError, IndexError):
            return None
    if not _same(text, new):
        return None
    clauses = [_clause(ed, lang) for ed, _s, _e in edits]
    head = f"{point}-тармақта:" if lang == "kk" else f"в пункте {point}:"
    return head + "\n" + ";\n".join(clauses)
