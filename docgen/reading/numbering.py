"""Reading stage helper: render Word's automatic list numbering ("12.", "1)", "1-тарау.") as text.

Consumes the optional ``word/numbering.xml`` and ``word/styles.xml`` parts of a vetted .docx (read
through :mod:`docgen.safezip`, DTDs/entities refused by :func:`docgen.reading.xmlsafe.parse_xml`);
produces a stateful :class:`Numbering` whose :meth:`Numbering.prefix` returns, for each ``w:p`` visited
in document order, the label Word would show before the paragraph text ("" if none).

Supported: ``w:num`` -> ``w:abstractNum`` (also through ``w:numStyleLink``), ``w:lvlOverride`` with
``w:startOverride`` and/or a replacement ``w:lvl``; per level ``w:start``, ``w:numFmt`` (decimal,
decimalZero, lower/upperLetter, lower/upperRoman, russianLower/Upper, bullet -> "-", none; anything else
is shown as decimal), ``w:lvlText`` with ``%1``..``%9``, ``w:suff`` (tab and space -> " ", nothing -> ""),
``w:isLgl``, ``w:lvlRestart``; ``w:numPr`` on the paragraph or inherited from its style (``w:basedOn``
chains, the default paragraph style, ``w:lvl/w:pStyle``); ``w:numId`` 0 switches numbering off.
Counters are shared by all ``w:num`` of one abstract definition (as Word does); a ``w:startOverride``
restarts its level when its ``w:num`` is first used. Malformed definitions give no prefix, never an error;
a DTD/entity in the numbering, styles or relationships part is refused like in ``word/document.xml``
(styles are only read when the document has numbering definitions).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from .. import safezip
from ..errors import InputError, UnsafeInputError
from .xmlsafe import parse_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
RELS_PART = "word/_rels/document.xml.rels"
NUMBERING_PART = "word/numbering.xml"
STYLES_PART = "word/styles.xml"
LEVELS = 9
MAX_START = 32767  # Word's own limit for w:start / w:startOverride
MAX_LVL_TEXT = 255
BULLET = "-"
_SUFFIX = {"tab": " ", "space": " ", "nothing": ""}
_PLACEHOLDER_RE = re.compile(r"%([1-9])")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")  # a tab/newline in w:lvlText must not split lines or cells
_ROMAN: tuple[tuple[int, str], ...] = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        "m cm d cd c xc l xl x ix v iv i".split(),
        strict=True,
    )
)
_LATIN = "abcdefghijklmnopqrstuvwxyz"
_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"  # Word/GOST list: no ё й ъ ы ь
_MAX_LETTER_REPEAT = 10


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


_VAL = _q("val")


def _val(el: etree._Element | None, child: str) -> str | None:
    """``w:val`` of the first ``w:<child>`` of ``el`` (None if absent)."""
    if el is None:
        return None
    found = el.find(_q(child))
    return None if found is None else found.get(_VAL)


def _int(text: str | None, lo: int = 0, hi: int = MAX_START) -> int | None:
    try:
        value = int((text or "").strip())
    except ValueError:
        return None
    return value if lo <= value <= hi else None


def _on(el: etree._Element | None, child: str) -> bool:
    if el is None or el.find(_q(child)) is None:
        return False
    return _val(el, child) not in ("0", "false", "off")


# --- number formats -------------------------------------------------------------------------------
def _roman(value: int) -> str:
    out = []
    for unit, letters in _ROMAN:
        count, value = divmod(value, unit)
        out.append(letters * count)
    return "".join(out)


def _letters(value: int, alphabet: str) -> str:
    """Word's letter lists repeat the letter: a..z, aa..zz, aaa ..."""
    repeat, index = divmod(value - 1, len(alphabet))
    return alphabet[index] * (repeat + 1)


def format_number(value: int, fmt: str) -> str:
    """One counter value in a ``w:numFmt`` (unknown formats and out-of-range values as decimal)."""
    if fmt == "none":
        return ""
    if fmt == "bullet":
        return BULLET
    if fmt == "decimalZero":
        return f"{value:02d}" if 0 <= value < 10 else str(value)
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        text = _roman(value)
        return text.upper() if fmt == "upperRoman" else text
    alphabets = {"lowerLetter": _LATIN, "upperLetter": _LATIN, "russianLower": _RUSSIAN}
    alphabets["russianUpper"] = _RUSSIAN
    alphabet = alphabets.get(fmt)
    if alphabet and 0 < value <= len(alphabet) * _MAX_LETTER_REPEAT:
        text = _letters(value, alphabet)
        return text.upper() if fmt.endswith(("Upper", "upperLetter")) else text
    return str(value)


# --- definitions ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Level:
    start: int = 0
    fmt: str = "decimal"
    text: str = ""
    suffix: str = " "
    is_lgl: bool = False
    restart: int | None = None  # 1-based level after which this one restarts; 0 = never
    pstyle: str | None = None


@dataclass
class AbstractNum:
    levels: dict[int, Level] = field(default_factory=dict)
    num_style_link: str | None = None


@dataclass
class NumInstance:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


@dataclass
class _StyleInfo:
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None


def _parse_level(lvl: etree._Element) -> Level | None:
    text = _val(lvl, "lvlText")
    if text is None or len(text) > MAX_LVL_TEXT:
        return None
    start = _val(lvl, "start")
    start_value = _int(start) if start is not None else 0
    suffix = _SUFFIX.get(_val(lvl, "suff") or "tab")
    restart = _val(lvl, "lvlRestart")
    restart_value = _int(restart, 0, LEVELS) if restart is not None else None
    if start_value is None or suffix is None or (restart is not None and restart_value is None):
        return None
    return Level(
        start=start_value,
        fmt=_val(lvl, "numFmt") or "decimal",
        text=text,
        suffix=suffix,
        is_lgl=_on(lvl, "isLgl"),
        restart=restart_value,
        pstyle=_val(lvl, "pStyle"),
    )


def _levels(el: etree._Element) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for lvl in el.findall(_q("lvl")):
        ilvl = _int(lvl.get(_q("ilvl")), 0, LEVELS - 1)
        level = _parse_level(lvl)
        if ilvl is not None and level is not None and ilvl not in levels:
            levels[ilvl] = level
    return levels


def _parse_numbering(root: etree._Element) -> tuple[dict[str, AbstractNum], dict[str, NumInstance]]:
    abstracts: dict[str, AbstractNum] = {}
    for el in root.findall(_q("abstractNum")):
        aid = el.get(_q("abstractNumId"))
        if aid is not None and aid not in abstracts:
            abstracts[aid] = AbstractNum(_levels(el), _val(el, "numStyleLink"))
    nums: dict[str, NumInstance] = {}
    for el in root.findall(_q("num")):
        nid, aid = el.get(_q("numId")), _val(el, "abstractNumId")
        if nid is None or aid is None or nid in nums:
            continue
        inst = NumInstance(aid)
        for ov in el.findall(_q("lvlOverride")):
            ilvl = _int(ov.get(_q("ilvl")), 0, LEVELS - 1)
            if ilvl is None:
                continue
            start = _int(_val(ov, "startOverride"))
            if start is not None:
                inst.start_overrides[ilvl] = start
            replacement = _levels(ov).get(ilvl)
            if replacement is not None:
                inst.level_overrides[ilvl] = replacement
                inst.start_overrides.setdefault(ilvl, replacement.start)
        nums[nid] = inst
    return abstracts, nums


def _parse_styles(root: etree._Element) -> tuple[dict[str, _StyleInfo], str | None]:
    styles: dict[str, _StyleInfo] = {}
    default: str | None = None
    for el in root.findall(_q("style")):
        sid = el.get(_q("styleId"))
        if sid is None or sid in styles:  # numbering styles too: targets of w:numStyleLink
            continue
        num_pr = el.find(f"{_q('pPr')}/{_q('numPr')}")
        styles[sid] = _StyleInfo(
            based_on=_val(el, "basedOn"),
            num_id=_val(num_pr, "numId"),
            ilvl=_int(_val(num_pr, "ilvl"), 0, LEVELS - 1),
        )
        paragraph = el.get(_q("type"), "paragraph") == "paragraph"
        if default is None and paragraph and el.get(_q("default")) in ("1", "true", "on"):
            default = sid
    return styles, default


# --- the stateful renderer ------------------------------------------------------------------------
class Numbering:
    """Automatic numbering of one document; call :meth:`prefix` on every paragraph in document order."""

    def __init__(self, numbering: etree._Element | None = None, styles: etree._Element | None = None):
        self.abstracts, self.nums = _parse_numbering(numbering) if numbering is not None else ({}, {})
        self.styles, self.default_style = _parse_styles(styles) if styles is not None else ({}, None)
        self._counters: dict[str, list[int | None]] = {}
        self._seen: set[str] = set()

    def _style_chain(self, sid: str | None) -> list[str]:
        chain: list[str] = []
        while sid is not None and sid in self.styles and sid not in chain:
            chain.append(sid)
            sid = self.styles[sid].based_on
        return chain

    def _num_pr(self, p: etree._Element) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, paragraph style id) from the paragraph, else its style chain."""
        ppr = p.find(_q("pPr"))
        num_pr = ppr.find(_q("numPr")) if ppr is not None else None
        num_id = _val(num_pr, "numId")
        ilvl = _int(_val(num_pr, "ilvl"), 0, LEVELS - 1)
        style = _val(ppr, "pStyle") or self.default_style
        for sid in self._style_chain(style):
            info = self.styles[sid]
            num_id = num_id if num_id is not None else info.num_id
            ilvl = ilvl if ilvl is not None else info.ilvl
        return num_id, ilvl, style

    def _abstract(self, inst: NumInstance) -> tuple[str, AbstractNum] | None:
        aid, seen = inst.abstract_id, set()
        while aid in self.abstracts and aid not in seen:
            seen.add(aid)
            link = self.abstracts[aid].num_style_link
            if link is None:
                return aid, self.abstracts[aid]
            linked = self.styles.get(link)
            target = self.nums.get(linked.num_id or "") if linked is not None else None
            if target is None:
                return None
            aid = target.abstract_id
        return None

    def prefix(self, p: etree._Element) -> str:
        """The label + suffix Word shows before paragraph ``p`` ("" if not numbered); advances counters."""
        num_id, ilvl, style = self._num_pr(p)
        inst = self.nums.get(num_id) if num_id is not None and num_id != "0" else None
        found = self._abstract(inst) if inst is not None else None
        if inst is None or found is None or num_id is None:
            return ""
        aid, abstract = found
        if ilvl is None:
            linked = [i for i, lvl in sorted(abstract.levels.items()) if style and lvl.pstyle == style]
            ilvl = linked[0] if linked else 0

        def level(i: int) -> Level | None:
            return inst.level_overrides.get(i) or abstract.levels.get(i)

        def start(i: int) -> int:
            lvl = level(i)
            return inst.start_overrides.get(i, lvl.start if lvl is not None else 0)

        current = level(ilvl)
        if current is None:
            return ""
        counters = self._counters.setdefault(aid, [None] * LEVELS)
        if num_id not in self._seen:
            self._seen.add(num_id)
            for i in inst.start_overrides:
                counters[i] = None
        value = counters[ilvl]
        counters[ilvl] = start(ilvl) if value is None else min(value + 1, 10 * MAX_START)
        for deeper in range(ilvl + 1, LEVELS):
            lvl = level(deeper)
            restart = lvl.restart if lvl is not None else None
            if restart is None or ilvl < restart:
                counters[deeper] = None
        if current.fmt == "bullet":
            label = BULLET
        else:

            def render(m: re.Match[str]) -> str:
                i = int(m.group(1)) - 1
                lvl = level(i)
                fmt = lvl.fmt if lvl is not None else "decimal"
                if current.is_lgl and fmt != "none":
                    fmt = "decimal"
                value = counters[i]
                return format_number(start(i) if value is None else value, fmt)

            label = _CONTROL_RE.sub(" ", _PLACEHOLDER_RE.sub(render, current.text))
        return label + current.suffix if label.strip() else ""


# --- loading the parts ----------------------------------------------------------------------------
def _part_names(zf: zipfile.ZipFile, path: str, limit: int) -> tuple[str, str]:
    """Numbering and styles part names from the document's relationships (defaults if absent)."""
    names = {NUMBERING_PART: NUMBERING_PART, STYLES_PART: STYLES_PART}
    rels = _read_optional(zf, RELS_PART, path, limit)
    if rels is None:
        return NUMBERING_PART, STYLES_PART
    kinds = {"numbering": NUMBERING_PART, "styles": STYLES_PART}
    for rel in rels.iter(f"{{{RELS_NS}}}Relationship"):
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        if kind not in kinds or rel.get("TargetMode") == "External" or not target:
            continue
        name = target.lstrip("/") if target.startswith("/") else posixpath.join("word", target)
        name = posixpath.normpath(name)
        if not name.startswith(".."):
            names[kinds[kind]] = name
    return names[NUMBERING_PART], names[STYLES_PART]


def _read_optional(zf: zipfile.ZipFile, name: str, path: str, limit: int) -> etree._Element | None:
    """Parse an optional part: missing or malformed -> None; unsafe (DTD, bomb) -> UnsafeInputError."""
    actual = {n.lower(): n for n in zf.namelist()}.get(name.lower())
    if actual is None:
        return None
    data = safezip.read_member(zf, actual, limit)
    try:
        return parse_xml(data, path, actual)
    except UnsafeInputError:
        raise
    except InputError:
        return None


def load_numbering(zf: zipfile.ZipFile, path: str, limit: int) -> Numbering:
    """A :class:`Numbering` for the .docx open as ``zf`` (empty if it has no numbering definitions)."""
    numbering_name, styles_name = _part_names(zf, path, limit)
    numbering = _read_optional(zf, numbering_name, path, limit)
    if numbering is None or numbering.tag != _q("numbering"):
        return Numbering()
    styles = _read_optional(zf, styles_name, path, limit)
    return Numbering(numbering, styles if styles is not None and styles.tag == _q("styles") else None)
