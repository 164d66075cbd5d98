"""First pages of every blank form kind, kk and ru, as small grayscale PNGs: the README's gallery and
the reviewed reference images of the visual regression test (tests/render/test_visual.py).

Renders the forms of the test catalogues (tests/data/catalogues/*.json) with ``docgen forms``,
converts them through LibreOffice, rasterises page 1 with ``pdftoppm -gray`` and writes
``docs/gallery/<kind>.<lang>.png``. Run it (``make gallery``) after a reviewed layout change, look at
every image, then commit them.

Usage: python scripts/gallery.py [OUTDIR]
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GALLERY = ROOT / "docs" / "gallery"
CATALOGUES = ROOT / "tests" / "data" / "catalogues"
DPI = 40


class Gray:
    """An 8-bit grayscale image."""

    def __init__(self, width: int, height: int, pixels: bytes) -> None:
        assert len(pixels) == width * height
        self.width, self.height, self.pixels = width, height, pixels

    def to_png(self) -> bytes:
        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

        rows = b"".join(
            b"\x00" + self.pixels[y * self.width : (y + 1) * self.width] for y in range(self.height)
        )
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 0, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 9))
            + chunk(b"IEND", b"")
        )

    @classmethod
    def from_png(cls, data: bytes) -> Gray:
        """Read a PNG written by :meth:`to_png` (8-bit gray, filter 0, not interlaced)."""
        assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
        pos, idat, width, height = 8, b"", 0, 0
        while pos < len(data):
            (length,) = struct.unpack(">I", data[pos : pos + 4])
            kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
            if kind == b"IHDR":
                width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
                assert (depth, colour, interlace) == (8, 0, 0), "only 8-bit gray PNGs of this script"
            elif kind == b"IDAT":
                idat += body
            pos += 12 + length
        raw = zlib.decompress(idat)
        stride = width + 1
        assert all(raw[y * stride] == 0 for y in range(height)), "only filter 0"
        return cls(width, height, b"".join(raw[y * stride + 1 : (y + 1) * stride] for y in range(height)))

    @classmethod
    def from_pgm(cls, data: bytes) -> Gray:
        fields: list[bytes] = []
        pos = 0
        while len(fields) < 4:
            while data[pos : pos + 1].isspace():
                pos += 1
            start = pos
            while not data[pos : pos + 1].isspace():
                pos += 1
            fields.append(data[start:pos])
        assert fields[0] == b"P5" and fields[3] == b"255", "8-bit binary PGM expected"
        width, height = int(fields[1]), int(fields[2])
        return cls(width, height, data[pos + 1 : pos + 1 + width * height])


def differing_share(a: Gray, b: Gray, *, threshold: int = 96) -> float:
    """Share of pixels whose gray levels differ by more than ``threshold`` (1.0 if sizes differ)."""
    if (a.width, a.height) != (b.width, b.height):
        return 1.0
    differing = sum(1 for x, y in zip(a.pixels, b.pixels, strict=True) if abs(x - y) > threshold)
    return differing / len(a.pixels)


def _multilevel(path: Path) -> bool:
    """The form's first table has a heading cell over several columns (``w:gridSpan`` in row 1)."""
    import re
    import zipfile

    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    table = re.search(r"<w:tbl>.*?</w:tr>", xml, re.S)
    return bool(table and "w:gridSpan" in table.group())


def render_forms(workdir: Path) -> list[Path]:
    """Blank forms of the test catalogues, kk and ru, one file per (kind, language)."""
    docgen = Path(sys.executable).parent / "docgen"
    seen: dict[str, Path] = {}
    for catalogue in sorted(CATALOGUES.glob("*.json")):
        out = workdir / catalogue.stem
        subprocess.run(
            [str(docgen), "forms", str(catalogue), "--lang", "both", "-o", str(out)],
            check=True,
            capture_output=True,
        )
        for path in sorted(out.glob("*.docx")):
            kind = path.name.split("_", 1)[1]  # "app2_kpi_sheet.kk.docx" -> "kpi_sheet.kk.docx"
            if _multilevel(path):  # the act's own table with merged heading cells: a page of its own
                stem, lang, ext = kind.rsplit(".", 2)
                kind = f"{stem}_multilevel.{lang}.{ext}"
            seen.setdefault(kind, path)
    flat = workdir / "flat"
    flat.mkdir()
    files = []
    for kind, path in sorted(seen.items()):
        target = flat / kind
        shutil.copyfile(path, target)
        files.append(target)
    return files


def first_pages(files: list[Path], workdir: Path) -> dict[str, Gray]:
    """Page 1 of every DOCX as a grayscale image, keyed by '<kind>.<lang>'."""
    sys.path.insert(0, str(ROOT))
    from docgen.render.pdf import convert_to_pdf

    pdfs = convert_to_pdf(files, workdir / "pdf")
    images: dict[str, Gray] = {}
    for pdf in pdfs:
        stem = workdir / "pdf" / pdf.stem
        subprocess.run(
            ["pdftoppm", "-f", "1", "-l", "1", "-r", str(DPI), "-gray", "-singlefile", str(pdf), str(stem)],
            check=True,
            capture_output=True,
        )
        images[pdf.stem] = Gray.from_pgm(Path(f"{stem}.pgm").read_bytes())
    return images


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else GALLERY
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="docgen-gallery-") as tmp:
        work = Path(tmp)
        for name, image in sorted(first_pages(render_forms(work), work).items()):
            (target / f"{name}.png").write_bytes(image.to_png())
            print(f"{target / name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
