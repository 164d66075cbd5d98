"""Test helper: accept-all / reject-all of an ODT written by LibreOffice from our redline.

LibreOffice stores the document body *as accepted*: inserted text sits in the body between
``text:change-start`` / ``text:change-end`` markers, deleted text is moved into
``text:tracked-changes/text:changed-region/text:deletion`` and leaves a ``text:change`` marker in the
body. Accepting = body without the markers; rejecting = body without the inserted ranges and with
every deletion put back at its marker (its paragraphs joined by line breaks).
"""

from __future__ import annotations

import zipfile

from lxml import etree

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
NS = {"text": TEXT, "office": OFFICE}


def _t(tag: str) -> str:
    return f"{{{TEXT}}}{tag}"


def _inline(el: etree._Element, out: list[str], on_marker) -> None:  # type: ignore[no-untyped-def]
    if el.text:
        out.append(el.text)
    for ch in el:
        if ch.tag == _t("s"):
            out.append(" " * int(ch.get(_t("c"), "1")))
        elif ch.tag == _t("tab"):
            out.append("\t")
        elif ch.tag == _t("line-break"):
            out.append("\n")
        elif ch.tag in (_t("change"), _t("change-start"), _t("change-end")):
            on_marker(ch, out)
        else:
            _inline(ch, out, on_marker)
        if ch.tail:
            out.append(ch.tail)


def read_odt(path: str) -> tuple[etree._Element, dict[str, tuple[str, etree._Element]]]:
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("content.xml"))
    regions: dict[str, tuple[str, etree._Element]] = {}
    for reg in root.iter(_t("changed-region")):
        cid = reg.get(_t("id")) or ""
        kind = etree.QName(reg[0]).localname  # insertion | deletion | format-change
        regions[cid] = (kind, reg[0])
    return root, regions


def _paragraphs(joined: str) -> list[str]:
    return [s for s in (x.strip() for x in joined.split("\n")) if s]


def _body_paragraphs(root: etree._Element) -> list[etree._Element]:
    body = root.find("office:body/office:text", NS)
    assert body is not None
    return [
        el
        for el in body.iter(_t("p"), _t("h"))
        if not any(a.tag == _t("tracked-changes") for a in el.iterancestors())
    ]


def accepted(path: str) -> list[str]:
    root, _ = read_odt(path)
    chunks: list[str] = []
    for p in _body_paragraphs(root):
        _inline(p, chunks, lambda m, out: None)
        chunks.append("\n")
    return _paragraphs("".join(chunks))


def rejected(path: str) -> list[str]:
    root, regions = read_odt(path)
    chunks: list[str] = []
    skipping: set[str] = set()

    def deleted_text(el: etree._Element) -> str:
        parts: list[str] = []
        for k, p in enumerate(el.findall("text:p", NS) + el.findall("text:h", NS)):
            if k:
                parts.append("\n")
            _inline(p, parts, lambda m, out: None)
        return "".join(parts)

    def on_marker(m: etree._Element, out: list[str]) -> None:
        cid = m.get(_t("change-id")) or ""
        kind, el = regions.get(cid, ("", m))
        if m.tag == _t("change") and kind == "deletion":
            out.append("\x00DEL" + deleted_text(el) + "\x00END")
        elif m.tag == _t("change-start") and kind == "insertion":
            out.append("\x00SKIP")
        elif m.tag == _t("change-end") and kind == "insertion":
            out.append("\x00ENDSKIP")

    for p in _body_paragraphs(root):
        _inline(p, chunks, on_marker)
        chunks.append("\n")
    # remove inserted ranges (they may span paragraph breaks), then unwrap deletions
    s = "".join(chunks)
    out: list[str] = []
    depth = 0
    for piece in s.split("\x00"):
        if piece.startswith("SKIP"):
            depth += 1
            piece = piece[4:]
        elif piece.startswith("ENDSKIP"):
            depth -= 1
            piece = piece[7:]
        elif piece.startswith("DEL"):
            piece = piece[3:]
            if depth == 0:
                out.append(piece)
            continue
        elif piece.startswith("END"):
            piece = piece[3:]
        if depth == 0:
            out.append(piece)
    del skipping
    return _paragraphs("".join(out))


def region_counts(path: str) -> dict[str, int]:
    _, regions = read_odt(path)
    counts: dict[str, int] = {}
    for kind, _el in regions.values():
        counts[kind] = counts.get(kind, 0) + 1
    return counts
