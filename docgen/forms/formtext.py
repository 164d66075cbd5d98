"""Form stage, shared by blank and filled forms: :class:`FormText`, the title, columns and rows of one
catalogue form in a chosen language (the other language through :mod:`docgen.dictionary`; a row with
no translation kept as printed and listed in ``untranslated``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..catalogue_model import Catalogue, FormSpec
from ..dictionary import translate
from .labels import caption, grade_labels_line, labels


class FormText:
    """Title, columns and rows of one catalogue form, in a chosen language."""

    def __init__(self, cat: Catalogue, form: FormSpec, lang: str) -> None:
        self.cat = cat
        self.form = form
        self.kind = str(form.kind)
        self.lang = lang
        self.src = cat.lang
        self.same = self.src == lang
        self.lab = labels(lang)
        self.untranslated: list[str] = []

    def text(self, value: str | None, default: str) -> str:
        if not value:
            return default
        return translate(value, self.src, self.lang) or default

    def title(self) -> str:
        return self.text(self.form.title, str(self.lab["titles"].get(self.kind, "")))

    def columns(self) -> tuple[str, ...]:
        defaults = [str(x) for x in self.lab["columns"][self.kind]]
        printed = list(self.form.columns)
        if len(printed) != len(defaults):
            return tuple(defaults)
        return tuple(self.text(p, d) for p, d in zip(printed, defaults, strict=True))

    def repaired(self, text: str) -> str:
        """``text`` with the appendix's letter-spaced words («Т и і м д і») put back together, as the
        structure stage recorded them in the form's ``repairs`` (the catalogue keeps what was printed)."""
        return self.form.repaired(text)

    def rows(self, values: Sequence[str] | None = None) -> list[str]:
        out: list[str] = []
        for row in values if values is not None else self.form.rows:
            if self.same:
                out.append(self.repaired(str(row)))
                continue
            t = translate(str(row), self.src, self.lang)
            if t is None:
                self.untranslated.append(str(row))
                t = self.repaired(str(row))
            out.append(t)
        return out

    def same_lang_list(self, key: str, n: int) -> list[str]:
        """An optional per-row list of the form (explanations, criteria), only in the text's language."""
        vals = self.form.get(key) or []
        if self.same and len(vals) == n:
            return [str(v) for v in vals]
        return [""] * n

    def caption(self) -> str:
        title = self.cat.act.extra.get("methodology_title") if self.same else None
        return caption(self.lang, self.appendix, title)

    @property
    def appendix(self) -> int:
        return int(self.form.appendix or 0)

    def base(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "appendix": self.appendix,
            "caption": self.caption(),
            "form_label": str(self.lab["form_label"]),
            "title": self.title(),
            "columns": self.columns(),
        }

    def grade_line(self) -> str:
        return grade_labels_line(self.lang, self.cat.value("grades"), self.src)

    def header_fields(self) -> list[str]:
        printed = [str(x) for x in self.form.get("header_fields") or []]
        defaults = [str(self.lab["header_fields"][k]) for k in ("evaluated", "period", "evaluator")]
        if len(printed) != 3:
            return defaults
        return [self.text(p, d) for p, d in zip(printed, defaults, strict=True)]
