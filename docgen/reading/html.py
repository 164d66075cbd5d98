"""Reading stage: flatten an untrusted HTML page (e.g. saved from the legal database) into plain text.

Consumes decoded HTML text; produces the flattened text. HTML with an internal DTD subset or entity
declarations is refused before parsing; lxml.html parses without network access, comments,
processing instructions; ``script``/``style``/``head`` (and similar non-content elements) are dropped.

Layout of the result: block elements (``p``, ``div``, ``h1``-``h6``, ``li``, ``br`` ...) end a line;
a table row is one line with its cells separated by ``"\\t"`` (text inside a cell, including nested
tables, is joined with single spaces); whitespace is collapsed as a browser would (except inside
``pre``), lines are stripped of ASCII whitespace, blank lines are dropped and the text ends with
``"\\n"``. Character references are unescaped by the parser; NBSP stays NBSP (``normalize`` reports it).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from ..errors import InputError
from .xmlsafe import refuse_html_dtd

_DROP = frozenset(
    "head script style title noscript template iframe object embed svg math canvas audio video "
    "select button textarea frameset frame applet map".split()
)
_BLOCK = frozenset(
    "address article aside blockquote center dd details div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary ul body html caption".split()
)
_WS_RE = re.compile(r"[ \t\n\r\f]+")
_SPACES_RE = re.compile(r"  +")
_ASCII_WS = " \t\n\r\f"
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def _local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


class _Flattener:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.cur: list[str] = []

    def flush(self) -> None:
        for line in "".join(self.cur).split("\n"):
            line = _SPACES_RE.sub(" ", line).strip(_ASCII_WS)
            if line:
                self.lines.append(line)
        self.cur = []

    def text(self, s: str | None, pre: bool) -> None:
        if s:
            self.cur.append(s if pre else _WS_RE.sub(" ", s))

    def walk(self, el: etree._Element, pre: bool = False) -> None:
        name = _local(el)
        if name in _DROP or not name:
            # comments/PIs (name "") and dropped elements: only their tail is content
            self.text(el.tail, pre)
            return
        if name == "br":
            self.cur.append("\n")
            self.text(el.tail, pre)
            return
        if name == "table":
            self.flush()
            for row in _rows(el):
                cells = [_inline_text(c) for c in _cells(row)]
                line = "\t".join(cells)
                if line.strip(_ASCII_WS):
                    self.lines.append(line)
            self.text(el.tail, pre)
            return
        block = name in _BLOCK
        in_pre = pre or name == "pre"
        if block:
            self.flush()
        self.text(el.text, in_pre)
        for child in el:
            self.walk(child, in_pre)
        if block:
            self.flush()
        self.text(el.tail, pre)


def _rows(table: etree._Element) -> list[etree._Element]:
    """``tr`` elements of ``table`` (through thead/tbody/tfoot), not those of nested tables."""
    rows: list[etree._Element] = []
    stack = list(reversed(list(table)))
    while stack:
        el = stack.pop()
        name = _local(el)
        if name == "tr":
            rows.append(el)
        elif name in ("thead", "tbody", "tfoot"):
            stack.extend(reversed(list(el)))
    return rows


def _cells(row: etree._Element) -> list[etree._Element]:
    return [c for c in row if _local(c) in ("td", "th")]


def _inline_text(el: etree._Element) -> str:
    """All visible text under ``el`` with whitespace collapsed to single spaces."""
    parts: list[str] = []

    def rec(node: etree._Element) -> None:
        name = _local(node)
        if name and name not in _DROP:
            if node.text:
                parts.append(node.text)
            for child in node:
                rec(child)
            if name in _BLOCK or name in ("br", "td", "th", "tr"):
                parts.append(" ")
        if node is not el and node.tail:
            parts.append(node.tail)

    rec(el)
    return _WS_RE.sub(" ", "".join(parts)).strip(_ASCII_WS)


def html_parser() -> lxml_html.HTMLParser:
    return lxml_html.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        recover=True,
        default_doctype=False,
        collect_ids=False,
    )


def flatten_html(text: str, path: str) -> str:
    """Refuse DTD/entity declarations, parse safely and flatten (see the module docstring)."""
    refuse_html_dtd(text, path)
    text = _XML_DECL_RE.sub("", text, count=1)
    try:
        root = lxml_html.document_fromstring(text.encode("utf-8"), parser=html_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"cannot parse HTML ({exc})", path=path) from None
    flat = _Flattener()
    flat.walk(root)
    flat.flush()
    return "\n".join(flat.lines) + "\n" if flat.lines else ""
