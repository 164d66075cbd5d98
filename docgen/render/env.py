"""Rendering stage: the one Jinja environment every DOCX template is rendered with.

Consumes nothing but the values put into a form context; produces a sandboxed, autoescaping
:class:`jinja2.sandbox.SandboxedEnvironment` whose ``finalize`` hook turns every ``{{ value }}``
into safe WordprocessingML run content:

- ``< > & " '`` are escaped (autoescape), so a value can never open or close an XML element;
- a newline becomes ``<w:br/>`` and a tab ``<w:tab/>`` inside the same run (python-docx reads them
  back as ``"\\n"`` and ``"\\t"``); CR LF and a lone CR count as a newline;
- characters XML 1.0 cannot carry (C0 controls other than tab/newline, U+FFFE/U+FFFF, lone
  surrogates) raise :class:`BadTextError` naming the character, so a document is never broken or
  truncated. Batch validation calls :func:`check_text` first to report the row and column instead.

Templates must keep every ``{{ }}`` inside a ``<w:t xml:space="preserve">`` element (the template
builder ``scripts/templates/forms.py`` guarantees it).
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# anything that needs more than the plain autoescape: markup characters, line breaks, bad characters
_SPECIAL = re.compile("[&<>\"'\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BR = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'


class BadTextError(ValueError):
    """A value holds a character that cannot be written into a DOCX."""

    def __init__(self, char: str) -> None:
        self.char = char
        super().__init__(f"character U+{ord(char):04X} cannot be written into a document")


def check_text(value: str) -> str | None:
    """Return an error message if ``value`` cannot be rendered exactly, else None."""
    m = _BAD_CHARS.search(value)
    if m is None:
        return None
    return f"character U+{ord(m.group(0)):04X} cannot be written into a document"


def first_bad_char(value: str) -> str | None:
    """The first character of ``value`` that cannot be written into a document, or None."""
    m = _BAD_CHARS.search(value)
    return None if m is None else m.group(0)


def normalize_newlines(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


def ooxml_text(value: str) -> Markup:
    """Escape ``value`` for a ``<w:t>`` element, mapping newlines and tabs to run content."""
    m = _BAD_CHARS.search(value)
    if m is not None:
        raise BadTextError(m.group(0))
    text = str(escape(value))
    if "\r" in text:
        text = normalize_newlines(text)
    if "\n" in text:
        text = text.replace("\n", _BR)
    if "\t" in text:
        text = text.replace("\t", _TAB)
    return Markup(text)


def _finalize(value: Any) -> Any:
    # Fast path: a plain string with nothing to escape or map is returned as is and the
    # environment's autoescape turns it into markup (one escape, done in C).
    if type(value) is str:
        return value if _SPECIAL.search(value) is None else ooxml_text(value)
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return ooxml_text(str(value))


# Types whose public attributes templates may read without the sandbox's generic (and, for a
# batch of thousands of documents, costly) internal-attribute inspection: frozen dataclasses of
# plain strings registered by the form stage. Underscore names stay forbidden.
TRUSTED_TYPES: set[type] = set()


def _finalize_escaped(value: Any) -> str:
    # The same text as ``escape(_finalize(value))``, for an environment without autoescape: a
    # plain string with nothing to escape is already its own escaped form; markup is kept.
    if type(value) is str:
        return value if _SPECIAL.search(value) is None else str(ooxml_text(value))
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    return str(ooxml_text(str(value)))


class DocSandbox(SandboxedEnvironment):
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if type(obj) in TRUSTED_TYPES:
            return not attr.startswith("_")
        return super().is_safe_attribute(obj, attr, value)

    def getattr(self, obj: Any, attribute: str) -> Any:
        # a trusted row's public text field: read directly (the sandbox's generic path would
        # inspect the value for ``str.format`` and ask ``is_safe_attribute``, which says yes)
        if type(obj) in TRUSTED_TYPES and attribute[:1] != "_":
            value = getattr(obj, "__dict__", {}).get(attribute)  # a slotted type: the generic path
            if type(value) is str or type(value) is Markup:
                return value
        return super().getattr(obj, attribute)


def make_env(*, escape_in_finalize: bool = False) -> SandboxedEnvironment:
    """A fresh sandboxed environment with strict undefined variables that escapes every value.

    By default through autoescape (what docxtpl expects). ``escape_in_finalize`` instead escapes in
    the ``finalize`` hook with autoescape off -- the same output for templates that only print
    values and test/loop over them (docgen's DOCX bodies), without the per-value ``Markup``
    round trip; :class:`docgen.render.fast.CompiledTemplate` uses it (its tests compare the
    output with docxtpl's)."""
    if escape_in_finalize:
        return DocSandbox(autoescape=False, finalize=_finalize_escaped, undefined=StrictUndefined)
    return DocSandbox(autoescape=True, finalize=_finalize, undefined=StrictUndefined)
