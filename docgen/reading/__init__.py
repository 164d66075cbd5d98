"""Reading stage: turn one untrusted input file into a :class:`docgen.model.SourceText`.

Consumes a path; produces ``SourceText(path, raw, encoding, fmt)`` with ``fmt`` one of ``"txt"``,
``"docx"``, ``"html"``. The format is decided from the bytes (magic numbers, zip contents, leading
markup), the extension only tells HTML from text and must not contradict a ``.docx`` claim.

* text: see :mod:`docgen.reading.text` (UTF-8 +/- BOM, UTF-16, cp1251 Russian; ``raw`` is exactly the
  decoded text, BOM removed);
* ``.docx``: see :mod:`docgen.reading.docx` (zip vetted by :mod:`docgen.safezip`, DTDs refused);
* HTML: see :mod:`docgen.reading.html` (DTD subsets/entities refused, scripts and head dropped).

Everything else (PDF, images, other zips such as .xlsx, legacy .doc, RTF, binaries) raises
``InputError`` naming the file and what it looks like; unsafe content raises ``UnsafeInputError``.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .. import safezip
from ..errors import InputError, UnsafeInputError
from ..model import SourceText
from .text import check_text, decode_bytes

# .docx and HTML readers (lxml) are imported when such a file is read, so a command that only
# decodes a text file (``docgen fill`` reading a CSV) does not load them
DOCUMENT_PART = "word/document.xml"

__all__ = ["read_source", "sniff_format", "decode_bytes"]

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy MS Office file (.doc/.xls); save it as .docx"),
    (b"{\\rtf", "an RTF document; save it as .docx or UTF-8 text"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable (ELF)"),
)
# Largest input file, and longest text a .docx may flatten to (see README "Limits and scale").
MAX_INPUT_BYTES = 20_000_000
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_HTML_EXT = {".html", ".htm", ".xhtml"}
_HTML_START_RE = re.compile(
    r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S
)
_XML_START_RE = re.compile(r"^\s*<\?xml\b", re.I)
_META_CP1251_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*(windows-1251|cp1251)", re.I)


def _describe_zip(path: str) -> str:
    """'docx' for a Word document, else raise an ``InputError`` saying what the zip is."""
    with safezip.open_safe_zip(path) as zf:
        names = set(zf.namelist())
        if DOCUMENT_PART in names:
            return "docx"
        if "xl/workbook.xml" in names:
            what = "an Excel workbook (.xlsx)"
        elif "ppt/presentation.xml" in names:
            what = "a PowerPoint presentation (.pptx)"
        elif "mimetype" in names and "content.xml" in names:
            what = "an OpenDocument file (.odt/.ods); save it as .docx"
        else:
            what = "a zip archive that is not a .docx"
    raise InputError(f"unsupported input: looks like {what}", path=path)


def sniff_format(data: bytes, path: str) -> str:
    """'docx' | 'html' | 'txt' from the leading bytes (and, for zips, the members); else InputError."""
    ext = Path(path).suffix.lower()
    if data.startswith(_ZIP_MAGIC):
        return _describe_zip(path)
    if ext in (".docx", ".docm", ".dotx"):
        raise InputError(f"named {ext} but is not a zip/Word document", path=path)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"unsupported input: looks like {what}", path=path)
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        raise InputError("unsupported input: looks like a WebP image", path=path)
    if ext in _HTML_EXT:
        return "html"
    return "txt"


def _read_bytes(path: str, max_bytes: int) -> bytes:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot access file ({exc.strerror})", path=path) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError("is a directory, not a file", path=path)
    if not stat.S_ISREG(st.st_mode):
        raise InputError("not a regular file", path=path)
    if st.st_size > max_bytes:
        raise UnsafeInputError(f"file is {st.st_size} bytes, over the {max_bytes}-byte limit", path=path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", path=path) from None
    if len(data) > max_bytes:
        raise UnsafeInputError(f"file grew over the {max_bytes}-byte limit while reading", path=path)
    if not data:
        raise InputError("file is empty", path=path)
    return data


def _decode_html(data: bytes, path: str) -> tuple[str, str]:
    try:
        return decode_bytes(data, path)
    except InputError:
        if not _META_CP1251_RE.search(data[:4096]):
            raise
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError as exc:
        raise InputError(f"declares windows-1251 but byte {exc.start} is not cp1251", path=path) from None
    check_text(text, path, "cp1251")
    return text, "cp1251"


def _flatten_html(text: str, path: str) -> str:
    from .html import flatten_html

    return flatten_html(text, path)


def read_source(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> SourceText:
    """Read and decode one input file (text, .docx or HTML) after refusing unsafe/unsupported ones.
    ``max_bytes`` (default ``MAX_INPUT_BYTES``) bounds the file and the text a .docx flattens to."""
    spath = str(path)
    if max_bytes is None:
        max_bytes = MAX_INPUT_BYTES
    data = _read_bytes(spath, max_bytes)
    fmt = sniff_format(data, spath)
    if fmt == "docx":
        from .docx import read_docx

        raw = read_docx(spath, max_text_chars=max_bytes)
        if not raw.strip():
            raise InputError("Word document contains no text", path=spath)
        check_text(raw, spath, "docx")
        return SourceText(path=spath, raw=raw, encoding="utf-8", fmt="docx")
    if fmt == "html":
        text, enc = _decode_html(data, spath)
        raw = _flatten_html(text, spath)
        if not raw.strip():
            raise InputError("HTML page contains no text", path=spath)
        return SourceText(path=spath, raw=raw, encoding=enc, fmt="html")
    text, enc = decode_bytes(data, spath)
    if _HTML_START_RE.match(text[:4096]):
        raw = _flatten_html(text, spath)
        if not raw.strip():
            raise InputError("HTML page contains no text", path=spath)
        return SourceText(path=spath, raw=raw, encoding=enc, fmt="html")
    if _XML_START_RE.match(text):
        raise InputError("unsupported input: looks like an XML document (not .docx/HTML)", path=spath)
    return SourceText(path=spath, raw=text, encoding=enc, fmt="txt")
