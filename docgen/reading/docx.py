"""Reading stage: flatten an untrusted .docx (``word/document.xml``) into plain text.

Consumes the path of a zip already sniffed as a Word document; produces the flattened text. The zip
is opened through :mod:`docgen.safezip`; the part is refused if it declares a DTD or entities and is
parsed with a hardened lxml parser.

Layout of the result (the contract with ``normalize``/``structure``):

* one line per paragraph (empty paragraphs give empty lines) in document order;
* inside a paragraph: ``w:t`` text, ``w:tab`` -> ``"\\t"``, ``w:br``/``w:cr`` -> ``"\\n"``,
  ``w:noBreakHyphen`` -> ``"-"``; ``w:sym``, soft hyphens, field codes (``w:instrText``) are skipped;
* one line per table row, cells separated by ``"\\t"``; the non-empty paragraphs of a cell are
  joined with ``" "`` and nested tables are flattened into their cell the same way;
* deleted text (``w:del``, ``w:moveFrom``) is left out, inserted text (``w:ins``, ``w:moveTo``) kept;
  content controls (``w:sdt``), ``w:customXml``, ``w:smartTag``, hyperlinks and simple fields are
  entered; of ``mc:AlternateContent`` only the first ``mc:Choice`` is read (no duplicates);
* text boxes (``w:txbxContent``) give their own lines after the paragraph that anchors them;
* automatic list numbering (``w:numPr``, from ``word/numbering.xml``/``word/styles.xml``) is rendered
  as Word shows it and prepended to the paragraph, in cells too: ``"12. "``, ``"1) "``, ``"- "`` for
  bullets (a tab suffix becomes a space); see :mod:`docgen.reading.numbering`;
* the text ends with a single ``"\\n"``.
"""

from __future__ import annotations

import io

from lxml import etree

from .. import safezip
from ..errors import InputError, UnsafeInputError
from .numbering import Numbering, load_numbering
from .xmlsafe import parse_xml, refuse_xml_dtd

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
DOCUMENT_PART = "word/document.xml"
MAX_PART_BYTES = 100_000_000
# Longest text a .docx may flatten to: the limit of plain-text inputs (a text file of 20 MB holds at
# most 20 M characters), so a small .docx cannot expand past what a text file may hold.
MAX_TEXT_CHARS = 20_000_000


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


T, TAB, BR, CR, NBH, P, TBL, TR, TC, BODY = (
    _q(x) for x in ("t", "tab", "br", "cr", "noBreakHyphen", "p", "tbl", "tr", "tc", "body")
)
TXBX = _q("txbxContent")
# Elements whose content is not part of the visible final text.
_SKIP = {
    _q(x)
    for x in (
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "delInstrText",
        "sym",
        "softHyphen",
        "pPr",
        "rPr",
        "tblPr",
        "tblGrid",
        "trPr",
        "tcPr",
        "sectPr",
        "sdtPr",
        "sdtEndPr",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
    )
}
_MC_ALT = f"{{{MC}}}AlternateContent"
_MC_CHOICE = f"{{{MC}}}Choice"
_MC_FALLBACK = f"{{{MC}}}Fallback"


def _tag(el: etree._Element) -> str:
    return el.tag if isinstance(el.tag, str) else ""


def _alt_branch(el: etree._Element) -> list[etree._Element]:
    """The single branch of an ``mc:AlternateContent`` to read: first Choice, else Fallback."""
    for tag in (_MC_CHOICE, _MC_FALLBACK):
        for child in el:
            if _tag(child) == tag:
                return [child]
    return []


class _Flattener:
    def __init__(self, numbering: Numbering | None = None) -> None:
        self.lines: list[str] = []
        self.numbering = numbering or Numbering()

    # --- inline content of one paragraph -------------------------------------------------------
    def _inline(self, el: etree._Element, out: list[str], boxes: list[etree._Element]) -> None:
        for child in el:
            tag = _tag(child)
            if not tag or tag in _SKIP:
                continue
            if tag == T:
                out.append(child.text or "")
            elif tag == TAB:
                out.append("\t")
            elif tag in (BR, CR):
                out.append("\n")
            elif tag == NBH:
                out.append("-")
            elif tag == TXBX:
                boxes.append(child)
            elif tag == _MC_ALT:
                for branch in _alt_branch(child):
                    self._inline(branch, out, boxes)
            else:  # runs, hyperlinks, ins, moveTo, sdt/sdtContent, smartTag, fldSimple, drawings ...
                self._inline(child, out, boxes)

    def paragraph_text(self, p: etree._Element, boxes: list[etree._Element]) -> str:
        prefix = self.numbering.prefix(p)
        out: list[str] = []
        self._inline(p, out, boxes)
        text = "".join(out)
        return prefix + text if text else prefix.rstrip(" ")

    # --- block content -------------------------------------------------------------------------
    def _cell_text(self, tc: etree._Element) -> str:
        parts: list[str] = []
        self._cell_parts(tc, parts)
        return " ".join(part for part in parts if part)

    def _cell_parts(self, el: etree._Element, parts: list[str]) -> None:
        for child in el:
            tag = _tag(child)
            if not tag or tag in _SKIP:
                continue
            if tag == P:
                boxes: list[etree._Element] = []
                parts.append(self.paragraph_text(child, boxes))
                for box in boxes:
                    self._cell_parts(box, parts)
            elif tag == _MC_ALT:
                for branch in _alt_branch(child):
                    self._cell_parts(branch, parts)
            else:  # nested tables, rows, cells, sdt ... flattened into this cell
                self._cell_parts(child, parts)

    def _rows(self, el: etree._Element, rows: list[etree._Element]) -> None:
        """Collect the ``w:tr`` of a table, looking through sdt/customXml/ins wrappers."""
        for child in el:
            tag = _tag(child)
            if not tag or tag in _SKIP:
                continue
            if tag == TR:
                rows.append(child)
            elif tag != TBL:
                self._rows(child, rows)

    def _cells(self, el: etree._Element, cells: list[etree._Element]) -> None:
        for child in el:
            tag = _tag(child)
            if not tag or tag in _SKIP:
                continue
            if tag == TC:
                cells.append(child)
            elif tag not in (TBL, TR, P):
                self._cells(child, cells)

    def table(self, tbl: etree._Element) -> None:
        rows: list[etree._Element] = []
        self._rows(tbl, rows)
        for tr in rows:
            cells: list[etree._Element] = []
            self._cells(tr, cells)
            self.lines.append("\t".join(self._cell_text(tc) for tc in cells))

    def blocks(self, el: etree._Element) -> None:
        for child in el:
            tag = _tag(child)
            if not tag or tag in _SKIP:
                continue
            if tag == P:
                boxes: list[etree._Element] = []
                self.lines.append(self.paragraph_text(child, boxes))
                for box in boxes:
                    self.blocks(box)
            elif tag == TBL:
                self.table(child)
            elif tag == _MC_ALT:
                for branch in _alt_branch(child):
                    self.blocks(branch)
            else:  # sdt, sdtContent, customXml, ins, moveTo, bookmarks (empty) ...
                self.blocks(child)


def flatten_document(root: etree._Element, numbering: Numbering | None = None) -> str:
    """Flatten a parsed ``w:document`` element to text (see the module docstring); ``numbering`` renders
    automatic list numbers (none without it)."""
    body = root.find(BODY)
    if body is None:
        return ""
    flat = _Flattener(numbering)
    flat.blocks(body)
    return "\n".join(flat.lines) + "\n" if flat.lines else ""


def _too_long(path: str, limit: int) -> UnsafeInputError:
    return UnsafeInputError(
        f"Word document text is longer than {limit} characters (the limit of texts); split the document",
        path=path,
        where=DOCUMENT_PART,
    )


def count_text_chars(data: bytes, path: str, limit: int) -> int:
    """Characters the text of ``word/document.xml`` will have at least (``w:t`` text plus one line
    break per paragraph), counted by streaming the XML with bounded memory; raises
    ``UnsafeInputError`` as soon as the count passes ``limit``, before any tree is built."""
    refuse_xml_dtd(data, path, DOCUMENT_PART)
    count = 0
    events = etree.iterparse(
        io.BytesIO(data),
        events=("end",),
        tag=(T, P),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        for _event, el in events:
            count += len(el.text or "") if el.tag == T else 1
            if count > limit:
                raise _too_long(path, limit)
            if el.tag == P:
                el.clear(keep_tail=False)
                parent = el.getparent()
                while parent is not None and el.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        raise InputError(f"malformed XML ({exc.msg})", path=path, where=DOCUMENT_PART) from None
    return count


def read_docx(
    path: str, *, max_part_bytes: int = MAX_PART_BYTES, max_text_chars: int = MAX_TEXT_CHARS
) -> str:
    """Open ``path`` with :func:`docgen.safezip.open_safe_zip` and return the flattened text; a
    document whose text would pass ``max_text_chars`` is refused before it is parsed into a tree."""
    with safezip.open_safe_zip(path) as zf:
        data = safezip.read_member(zf, DOCUMENT_PART, max_part_bytes)
        count_text_chars(data, path, max_text_chars)
        root = parse_xml(data, path, DOCUMENT_PART)
        del data
        if _tag(root) != _q("document"):
            raise InputError(
                f"{DOCUMENT_PART} is not a WordprocessingML document", path=path, where=DOCUMENT_PART
            )
        numbering = load_numbering(zf, path, max_part_bytes)
    text = flatten_document(root, numbering)
    if len(text) > max_text_chars:
        raise _too_long(path, max_text_chars)
    return text
