"""Reading stage helper: refuse untrusted XML/HTML that declares a DTD or entities, and parse the rest
with a hardened lxml parser.

Consumes XML bytes (a .docx part) or decoded HTML text; produces an lxml element, or raises
``UnsafeInputError`` *before* any parser sees a ``<!DOCTYPE`` / ``<!ENTITY`` (XXE, billion laughs).
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from ..errors import InputError, UnsafeInputError

_XML_DTD_RE = re.compile(r"<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)\b", re.IGNORECASE)
# HTML: a plain "<!DOCTYPE html ...>" is normal; an internal subset "[...]" or any ENTITY is not.
_HTML_SUBSET_RE = re.compile(r"<!\s*DOCTYPE[^>\[]*\[", re.IGNORECASE)
_HTML_ENTITY_RE = re.compile(r"<!\s*ENTITY\b", re.IGNORECASE)


def xml_text_for_scan(data: bytes, path: str, where: str) -> str:
    """Decode XML bytes just enough to scan for markup declarations (ASCII-compatible or UTF-16)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) or data[:4] in (
        b"\x00\x00\x00<",
        b"<\x00\x00\x00",
    ):
        raise UnsafeInputError("UTF-32 XML is not accepted", path=path, where=where)
    if data.startswith(codecs.BOM_UTF16_LE) or data[:2] == b"<\x00":
        return data.decode("utf-16-le", errors="replace")
    if data.startswith(codecs.BOM_UTF16_BE) or data[:2] == b"\x00<":
        return data.decode("utf-16-be", errors="replace")
    if not data.lstrip(b" \t\r\n").startswith(b"<"):
        raise UnsafeInputError("XML part in an unrecognised encoding", path=path, where=where)
    # Any ASCII-compatible encoding: markup declarations are pure ASCII.
    return data.decode("latin-1")


def refuse_xml_dtd(data: bytes, path: str, where: str) -> None:
    text = xml_text_for_scan(data, path, where)
    m = _XML_DTD_RE.search(text)
    if m:
        raise UnsafeInputError(
            f"XML declares a DTD/entity (<!{m.group(1).upper()}): refused (XXE / entity expansion)",
            path=path,
            where=where,
        )


def refuse_html_dtd(text: str, path: str) -> None:
    m = _HTML_ENTITY_RE.search(text) or _HTML_SUBSET_RE.search(text)
    if m:
        raise UnsafeInputError(
            "HTML declares entities / an internal DTD subset: refused (XXE / entity expansion)", path=path
        )


def hardened_xml_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, path: str, where: str) -> etree._Element:
    """Refuse DTDs, then parse with the hardened parser; errors become ``InputError``."""
    refuse_xml_dtd(data, path, where)
    try:
        root = etree.fromstring(data, parser=hardened_xml_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"malformed XML ({exc.msg})", path=path, where=where) from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise UnsafeInputError("XML declares a DTD: refused", path=path, where=where)
    return root
