"""A model edition's draft for one invented body, written to a file and parsed back (shared by the
E0 and E1 draft tests; cached, so each draft is made and parsed once per run)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from docgen.draft import Draft, draft, load_body
from docgen.draft.adapter import parsed_catalogue

DATA = Path(__file__).parent / "data"


@cache
def made(edition: str, body: str, lang: str, tmp: str) -> tuple[Draft, Any, Path]:
    d = draft(edition, load_body(DATA / f"{body}.yaml"), lang)
    path = Path(tmp) / f"{body}.{lang}.txt"
    path.write_text(d.text, encoding="utf-8")
    return d, parsed_catalogue(path), path
