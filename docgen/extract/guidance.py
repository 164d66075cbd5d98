"""Extraction stage, part 4b: the filling guidance of a parameter sheet, as the act prints it.

Consumes one appendix's tables and the sheet's row names; produces the text of the last column
("Пояснение при заполнении" / "Толтыру кезінде түсініктеме") for each row, or nothing.

The scraped tables carry noise the seeds show: a guidance cell moved one column left when the
comment cell is missing, a guidance continued on the next table row (a row whose name cell is
empty, or continues the name in lower case), a guidance wrapped into the row before its parameter.
So the pieces of the last column are read as a stream: a piece that starts with a capital letter
opens a guidance, one that starts in lower case or with a dash continues the open one. The result
is kept only when the stream gives exactly one guidance per row (otherwise the column stays empty
rather than misaligned).
"""

from __future__ import annotations

import re

from ..model import Appendix

_TOTAL = ("орташа", "средняя", "средн", "итог", "қорытынды")
_WS = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _pieces(app: Appendix, ncols: int) -> list[str]:
    out: list[str] = []
    header_seen = False
    for table in app.tables:
        for cells in table.rows:
            nonempty = [c.strip() for c in cells if c.strip()]
            if not nonempty:
                continue
            if not header_seen:
                header_seen = True
                continue
            first = cells[0].strip() if cells else ""
            if first.lower().startswith(_TOTAL):
                continue
            if first and len(nonempty) >= 2:
                out.append(nonempty[-1])
            elif not first and nonempty:
                out.append(nonempty[-1])
    return out


def _opens(piece: str) -> bool:
    head = piece.lstrip("\"«'( ")
    return bool(head) and head[0].isupper()


def row_guidance(app: Appendix, rows: list[str], columns: list[str]) -> list[str]:
    """One guidance text per row (the last column of a 4-column parameter sheet), or []."""
    if len(columns) < 4 or not rows:
        return []
    blocks: list[str] = []
    for piece in _pieces(app, len(columns)):
        if _opens(piece) or not blocks:
            blocks.append(piece)
        else:
            blocks[-1] = f"{blocks[-1]} {piece}"
    if len(blocks) != len(rows):
        return []
    return [_clean(b) for b in blocks]
