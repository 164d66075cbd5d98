"""Rendering stage, fast path: a docxtpl template compiled once, rendered many times.

Consumes a docxtpl ``.docx`` template and form contexts (mappings); produces DOCX bytes.

docxtpl re-opens the template with python-docx, re-parses and re-serialises every part and
re-compresses the whole package for each document (about 35 documents/s here). This renderer does
the template work once:

- ``word/document.xml``'s body goes through docxtpl's own ``patch_xml`` (the same tag clean-up
  and ``{%tr %}``/``{%p %}`` handling as docxtpl) and is compiled with the sandboxed environment of
  :mod:`docgen.render.env`; the text before and after the body is kept verbatim;
- every other zip member is copied as its already-compressed bytes with its CRC (never
  decompressed or re-compressed), with a fixed timestamp, so output is byte-reproducible;
- per document only the body is rendered, deflated and appended, with a freshly written
  central directory.

The output's ``word/document.xml`` is C14N-equal to what docxtpl itself renders from the same
template and context (tests check it).
"""

from __future__ import annotations

import contextlib
import functools
import os
import struct
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Template

from .env import make_env

_DOC = "word/document.xml"
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_DOS_TIME = 0
_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_EOCD = struct.Struct("<4s4H2LH")


def _local_header(name: bytes, method: int, crc: int, csize: int, usize: int) -> bytes:
    return _LOCAL.pack(b"PK\x03\x04", 20, 0, method, _DOS_TIME, _DOS_DATE, crc, csize, usize, len(name), 0)


def _central_entry(name: bytes, method: int, crc: int, csize: int, usize: int, offset: int) -> bytes:
    return (
        _CENTRAL.pack(
            b"PK\x01\x02",
            20,
            20,
            0,
            method,
            _DOS_TIME,
            _DOS_DATE,
            crc,
            csize,
            usize,
            len(name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        + name
    )


def _raw_members(path: str | os.PathLike[str]) -> tuple[list[tuple[zipfile.ZipInfo, bytes]], bytes]:
    """Every member as (info, compressed bytes), and the uncompressed document.xml."""
    out: list[tuple[zipfile.ZipInfo, bytes]] = []
    with zipfile.ZipFile(path) as zf, open(path, "rb") as fh:
        document = zf.read(_DOC)
        for info in zf.infolist():
            if info.filename == _DOC:
                continue
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise ValueError(f"{path}: member {info.filename} uses an unsupported compression")
            fh.seek(info.header_offset)
            header = fh.read(30)
            name_len, extra_len = struct.unpack("<2H", header[26:30])
            fh.seek(info.header_offset + 30 + name_len + extra_len)
            out.append((info, fh.read(info.compress_size)))
    return out, document


def body_source(template_path: str | os.PathLike[str]) -> str:
    """The template's body XML after docxtpl's ``patch_xml``, as docxtpl would hand it to Jinja --
    kept in the catalogue cache folder keyed by the template's bytes and docxtpl's own code (the
    bytes of its ``template.py``, found without importing it), so a command does not load
    python-docx and docxtpl to prepare a template it prepared before."""
    import hashlib

    from ..catalogue_cache import cache_dir, disabled

    data = Path(template_path).read_bytes()
    key = hashlib.sha256(b"docxtpl\0" + _docxtpl_code() + b"\0" + data).hexdigest()
    cached = cache_dir() / "templates" / f"{key}.xml"
    if not disabled():
        with contextlib.suppress(OSError, UnicodeDecodeError):
            return cached.read_text(encoding="utf-8")
    xml = _patched_body(template_path)
    if not disabled():
        from .._atomic import write_text

        with contextlib.suppress(OSError):
            cached.parent.mkdir(parents=True, exist_ok=True)
            write_text(cached, xml, force=True)
    return xml


@functools.lru_cache(maxsize=1)
def _docxtpl_code() -> bytes:
    """The bytes of docxtpl's ``template.py`` (where ``patch_xml`` lives), read without importing it."""
    import importlib.util

    spec = importlib.util.find_spec("docxtpl")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("docxtpl")
    return (Path(spec.origin).parent / "template.py").read_bytes()


def _patched_body(template_path: str | os.PathLike[str]) -> str:
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(os.fspath(template_path))
    tpl.init_docx()
    xml: str = tpl.patch_xml(tpl.get_xml())
    return xml


def finish_body(xml: str) -> str:
    """Undo docxtpl's escaped-brace markers after rendering (docxtpl's ``render_xml_part`` also
    puts a newline before each ``<w:p`` for error line numbers and takes it out again after
    rendering; the fast path never inserts it, which gives the same output)."""
    if "{_" in xml or "_}" in xml:
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    return xml


class CompiledTemplate:
    """A DOCX template ready for many fast renders. Thread-safe for rendering (read-only state)."""

    def __init__(self, template_path: str | os.PathLike[str], *, level: int = 6) -> None:
        self.path = os.fspath(template_path)
        self.level = level
        members, document = _raw_members(self.path)
        text = document.decode("utf-8")
        start = text.index("<w:body")
        end = text.rindex("</w:body>") + len("</w:body>")
        self._head = text[:start].encode("utf-8")
        self._tail = text[end:].encode("utf-8")
        self.template: Template = make_env(escape_in_finalize=True).from_string(body_source(self.path))
        blob = bytearray()
        central = bytearray()
        for info, data in members:
            name = info.filename.encode("utf-8")
            central += _central_entry(
                name, info.compress_type, info.CRC, info.compress_size, info.file_size, len(blob)
            )
            blob += _local_header(name, info.compress_type, info.CRC, info.compress_size, info.file_size)
            blob += name
            blob += data
        self._static = bytes(blob)
        self._central = bytes(central)
        self._count = len(members) + 1
        self._docname = _DOC.encode("ascii")

    def render_xml(self, context: Mapping[str, Any]) -> bytes:
        """The rendered ``word/document.xml`` bytes."""
        body = self.template.render(context).encode("utf-8")
        if b"{" in body or b"}" in body:  # finish_body's markers hold a brace (one-byte searches are fast)
            body = finish_body(body.decode("utf-8")).encode("utf-8")
        return b"".join((self._head, body, self._tail))

    def render(self, context: Mapping[str, Any]) -> bytes:
        """The whole DOCX as bytes."""
        return b"".join(self.render_parts(context))

    def render_parts(self, context: Mapping[str, Any]) -> tuple[bytes, ...]:
        """The whole DOCX as consecutive pieces (for ``os.writev``: written without joining them)."""
        xml = self.render_xml(context)
        if self.level > 0:
            comp = zlib.compressobj(self.level, zlib.DEFLATED, -15)
            data = comp.compress(xml) + comp.flush()
            method = zipfile.ZIP_DEFLATED
        else:
            data, method = xml, zipfile.ZIP_STORED
        crc = zlib.crc32(xml)
        name = self._docname
        offset = len(self._static)
        local = _local_header(name, method, crc, len(data), len(xml)) + name
        cd = self._central + _central_entry(name, method, crc, len(data), len(xml), offset)
        cd_offset = offset + len(local) + len(data)
        eocd = _EOCD.pack(b"PK\x05\x06", 0, 0, self._count, self._count, len(cd), cd_offset, 0)
        return (self._static, local, data, cd, eocd)
