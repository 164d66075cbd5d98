"""Form stage: typed form contexts, blank appendix forms and the kk<->ru row dictionary.

Consumes a catalogue dict; produces contexts for :mod:`docgen.render`.

Public API: :class:`docgen.forms.blank.BlankForm`, :func:`docgen.forms.blank.blank_forms`,
:func:`docgen.dictionary.translate`, the context dataclasses of
:mod:`docgen.forms.contexts`, :func:`docgen.forms.labels.fmt_number`.
"""

from __future__ import annotations

from ..dictionary import translate
from .blank import BlankForm, blank_forms

__all__ = ["BlankForm", "blank_forms", "translate"]
