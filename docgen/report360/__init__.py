"""360 report stage: answers workbook + catalogue -> one DOCX result report per evaluated person.

Public API: :func:`make_reports` (read, score, render with the native radar chart, write atomically) and
:func:`write_answers_template`. Pieces: ``answers`` (workbook reading/writing), ``report`` (context and
rendering), ``chart`` (c:radarChart XML and its injection into the DOCX package).
"""

from __future__ import annotations

from pathlib import Path

from ..catalogue_model import Catalogue
from ..protocols.common import choose_lang
from .answers import read_answers, write_answers_template
from .report import write_reports

__all__ = ["make_reports", "write_answers_template"]


def make_reports(
    answers: str | Path,
    catalogue: Catalogue,
    out_dir: str | Path,
    *,
    lang: str | None = None,
    period: str = "",
    force: bool = False,
) -> list[Path]:
    persons = read_answers(answers, catalogue)
    return write_reports(
        persons, catalogue, out_dir, lang=choose_lang(lang, catalogue), period=period, force=force
    )
