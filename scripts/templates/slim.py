"""Slim the built DOCX templates: drop parts Word does not need and unused styles.

python-docx's default template carries ~800 KB of XML (stylesWithEffects.xml, every latent style, a
thumbnail, customXml). Each filled sheet copies those parts, so a batch of 5,000 sheets wrote ~250 MB,
and on a real disk the writing, not the rendering, set the pace. This keeps: the parts that are
referenced and needed, the styles the document uses (and their basedOn/link/next chains) plus the
defaults. Idempotent. Usage: python scripts/templates/slim.py [templates_kk templates_ru]
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DROP = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg", "word/webSettings.xml")
DROP_PREFIX = ("customXml/",)


def _used_style_ids(xml: bytes) -> set[str]:
    return set(re.findall(rb'w:(?:pStyle|rStyle|tblStyle)\s+w:val="([^"]+)"', xml)) and {
        s.decode() for s in re.findall(rb'w:(?:pStyle|rStyle|tblStyle)\s+w:val="([^"]+)"', xml)
    }


def slim_styles(styles: bytes, used: set[str]) -> bytes:
    root = etree.fromstring(styles)
    ns = {"w": W}
    by_id = {s.get(f"{{{W}}}styleId"): s for s in root.findall("w:style", ns)}
    keep: set[str] = set()
    todo = list(used) + [i for i, s in by_id.items() if s.get(f"{{{W}}}default") == "1"]
    while todo:
        sid = todo.pop()
        if sid in keep or sid not in by_id:
            continue
        keep.add(sid)
        for tag in ("basedOn", "link", "next"):
            el = by_id[sid].find(f"w:{tag}", ns)
            if el is not None:
                todo.append(el.get(f"{{{W}}}val"))
    for sid, s in by_id.items():
        if sid not in keep:
            root.remove(s)
    latent = root.find("w:latentStyles", ns)
    if latent is not None:
        root.remove(latent)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop(name: str) -> bool:
    return name in DROP or name.startswith(DROP_PREFIX)


def slim_docx(data: bytes) -> bytes:
    zin = zipfile.ZipFile(io.BytesIO(data))
    parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    used: set[str] = set()
    for name, blob in parts.items():
        if name.startswith("word/") and name.endswith(".xml") and name != "word/styles.xml":
            used |= _used_style_ids(blob) or set()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, blob in parts.items():
            if _drop(name):
                continue
            if name == "word/styles.xml":
                blob = slim_styles(blob, used)
            elif name.endswith(".rels") or name == "[Content_Types].xml":
                text = blob.decode("utf-8")
                for dropped in [n for n in parts if _drop(n)]:
                    base = dropped.split("/")[-1]
                    text = re.sub(rf"<Relationship [^>]*Target=\"[^\"]*{re.escape(base)}\"[^>]*/>", "", text)
                    text = re.sub(rf"<Override [^>]*PartName=\"/{re.escape(dropped)}\"[^>]*/>", "", text)
                text = re.sub(r'<Default Extension="jpeg"[^>]*/>', "", text)
                blob = text.encode("utf-8")
            zout.writestr(name, blob)
    return out.getvalue()


def finish(data: bytes, *, lang: str, title: str) -> bytes:
    """Slim a built template and give it the official layout (docgen/official.py): A4, the margins
    of the rules for official documents, Times New Roman, the language tag, core properties."""
    sys.path.insert(0, str(ROOT))
    from docgen.official import officialize

    clean = re.sub(r"\s*(№\s*)?\{\{[^}]*\}\}", "", title).strip()
    return officialize(slim_docx(data), lang=lang, title=clean)


def _core_title(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        if "docProps/core.xml" not in zf.namelist():
            return ""
        root = etree.fromstring(zf.read("docProps/core.xml"))
    el = root.find("{http://purl.org/dc/elements/1.1/}title")
    return (el.text or "") if el is not None else ""


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [ROOT / "templates_kk", ROOT / "templates_ru"]
    for folder in folders:
        lang = folder.name.rsplit("_", 1)[-1]
        for path in sorted(folder.glob("*.docx")):
            before = path.stat().st_size
            data = path.read_bytes()
            path.write_bytes(finish(data, lang=lang, title=_core_title(data) or path.stem))
            print(f"{path.relative_to(ROOT)}: {before} -> {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
