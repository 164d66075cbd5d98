"""Form stage: typed form contexts, blank appendix forms and the kk<->ru row dictionary.

Consumes a catalogue dict; produces contexts for :mod:`docgen.render`.

Public API: :class:`docgen.forms.blank.BlankForm`, :func:`docgen.forms.blank.blank_forms`,
:func:`docgen.dictionary.translate`, the context dataclasses of
:mod:`docgen.forms.contexts`, :func:`docgen.forms.labels.fmt_number`.
"""

from __future__ import annotations

from typing import Any

from ..dictionary import translate

__all__ = ["BlankForm", "blank_forms", "translate"]


def __getattr__(name: str) -> Any:
    # blank forms (python-docx, docxtpl) are loaded when asked for, so filling sheets does not pay
    # for their imports
    if name in ("BlankForm", "blank_forms"):
        from . import blank

        return getattr(blank, name)
    raise AttributeError(name)
