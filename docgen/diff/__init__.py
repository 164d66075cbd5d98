"""Diff stage: compare two regulation versions -> rule changes, aligned text changes, a Word redline.

Consumes two :class:`docgen.model.Document` (text diff, same language only) and/or two
:class:`~docgen.catalogue_model.Catalogue` (rule diff, any languages); produces a :class:`DiffResult` that ``report`` (text / JSON),
``html`` (side-by-side page) and ``redline`` (DOCX with tracked changes) render.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..catalogue_model import Catalogue
from ..model import Document
from .rules import diff_rules
from .text import TextDiff, diff_text

__all__ = ["DiffResult", "diff_documents", "diff_rules", "diff_text"]


@dataclass
class DiffResult:
    old_label: str
    new_label: str
    rules: dict[str, Any] | None  # diff_rules(...) output, None when not computed
    text: TextDiff | None  # None when the languages differ or no documents were given
    text_skipped: str | None = None  # why the text diff is absent

    @property
    def is_empty(self) -> bool:
        rules_empty = self.rules is None or not any(
            self.rules.get(k) for k in ("parameters", "forms", "form_assignment")
        )
        return rules_empty and (self.text is None or self.text.is_empty)


def diff_documents(
    old: Document | None,
    new: Document | None,
    old_catalogue: Catalogue | None = None,
    new_catalogue: Catalogue | None = None,
    *,
    old_label: str = "old",
    new_label: str = "new",
) -> DiffResult:
    """Rule diff when both catalogues are given; text diff when both documents share a language."""
    rules = (
        diff_rules(old_catalogue, new_catalogue)
        if old_catalogue is not None and new_catalogue is not None
        else None
    )
    text: TextDiff | None = None
    skipped: str | None = None
    if old is None or new is None:
        skipped = "no texts to align (catalogues only)"
    elif old.language != new.language:
        skipped = f"languages differ ({old.language} vs {new.language}): only the rule diff is meaningful"
    else:
        text = diff_text(old, new)
    return DiffResult(old_label, new_label, rules, text, skipped)
