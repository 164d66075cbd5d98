"""Test helper: hand-build zip archives byte by byte (duplicate/evil names, lying size headers,
zip64 sizes, encrypted flags) — things ``zipfile`` refuses to write or warns about."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Member:
    name: bytes
    data: bytes
    deflate: bool = True
    declared_size: int | None = None  # what the central directory claims (default: len(data))
    flags: int = 0x800  # UTF-8 names
    crc: int | None = None
    cd_offset: int | None = None  # make the central entry point at another local header (overlap)


def _deflate(data: bytes) -> bytes:
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    return co.compress(data) + co.flush()


def build_zip(path: Path, members: list[Member]) -> Path:
    out = bytearray()
    central = bytearray()
    for m in members:
        payload = _deflate(m.data) if m.deflate else m.data
        method = 8 if m.deflate else 0
        crc = zlib.crc32(m.data) if m.crc is None else m.crc
        size = len(m.data) if m.declared_size is None else m.declared_size
        offset = len(out)
        extra = b""
        size32 = size
        if size >= 0xFFFFFFFF:
            extra = struct.pack("<HHQQ", 0x0001, 16, size, len(payload))
            size32 = 0xFFFFFFFF
        comp32 = 0xFFFFFFFF if extra else len(payload)
        out += struct.pack(
            "<4sHHHHHIIIHH",
            b"PK\x03\x04",
            45,
            m.flags,
            method,
            0,
            0x21,
            crc,
            comp32,
            size32,
            len(m.name),
            len(extra),
        )
        out += m.name + extra + payload
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            45,
            45,
            m.flags,
            method,
            0,
            0x21,
            crc,
            comp32,
            size32,
            len(m.name),
            len(extra),
            0,
            0,
            0,
            0,
            offset if m.cd_offset is None else m.cd_offset,
        )
        central += m.name + extra
    cd_offset = len(out)
    out += central
    n = len(members)
    out += struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, n, n, len(central), cd_offset, 0)
    path.write_bytes(bytes(out))
    return path


CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_with_document_xml(path: Path, document_xml: bytes) -> Path:
    """A minimal .docx-shaped zip whose ``word/document.xml`` is exactly ``document_xml``."""
    return build_zip(
        path, [Member(b"[Content_Types].xml", CONTENT_TYPES), Member(b"word/document.xml", document_xml)]
    )


def body_xml(inner: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{inner}</w:body></w:document>'
    ).encode()
