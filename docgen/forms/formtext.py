"""Form stage, shared by blank and filled forms: :class:`FormText`, the title, columns and rows of one
catalogue form in a chosen language.

The other language goes unit by unit through :class:`docgen.render.untranslated.Translator` (the rows
dictionary, then the term base); every unit looked up is recorded with its place on the form, for the
translation report of ``docgen forms``. A text with no entry is kept as printed and listed in
``untranslated``; on blank forms (``marked=True``) it also carries the untranslated mark, which the
rendered document explains in a legend line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..catalogue_model import Catalogue, FormSpec
from ..render.untranslated import Translator, Unit, unmark
from .labels import caption, grade_labels_line, labels


class FormText:
    """Title, columns and rows of one catalogue form, in a chosen language."""

    def __init__(self, cat: Catalogue, form: FormSpec, lang: str, *, marked: bool = False) -> None:
        self.cat = cat
        self.form = form
        self.kind = str(form.kind)
        self.lang = lang
        self.src = cat.lang
        self.same = self.src == lang
        self.lab = labels(lang)
        self.marked = marked
        self.tr = Translator(self.src, lang)
        self.untranslated: list[str] = []

    def translate(self, text: str, place: str) -> str:
        """One text of the form in the form's language; with no entry: as printed (marked on a blank
        form) and listed in ``untranslated``."""
        if self.same:
            return self.repaired(text)
        before = len(self.tr.units)
        return self._missing(before, self.tr(self.repaired(text), place))

    def cell_lines(self, text: str, place: str) -> str:
        """A cell of several lines (indicators, guidance items), translated line by line."""
        before = len(self.tr.units)
        return self._missing(before, self.tr.lines(text, place))

    def _missing(self, before: int, out: str) -> str:
        missing = [u.text for u in self.tr.units[before:] if not u.translated]
        self.untranslated += missing
        if missing and not self.marked:
            out = "\n".join(unmark(line) for line in out.split("\n"))
        return out

    @property
    def units(self) -> list[Unit]:
        return self.tr.units

    def text(self, value: str | None, default: str, place: str = "title") -> str:
        """A printed title, heading or caption line; the form's own wording when the act prints none."""
        if not value:
            return default
        return self.translate(str(value), place)

    def title(self) -> str:
        return self.text(self.form.title, str(self.lab["titles"].get(self.kind, "")), "title")

    def columns(self) -> tuple[str, ...]:
        defaults = [str(x) for x in self.lab["columns"][self.kind]]
        printed = list(self.form.columns)
        if len(printed) != len(defaults):
            return tuple(defaults)
        return tuple(
            self.text(p, d, f"column {i}") for i, (p, d) in enumerate(zip(printed, defaults, strict=True), 1)
        )

    def repaired(self, text: str) -> str:
        """``text`` with the appendix's letter-spaced words («Т и і м д і») put back together, as the
        structure stage recorded them in the form's ``repairs`` (the catalogue keeps what was printed)."""
        return self.form.repaired(text)

    def rows(self, values: Sequence[str] | None = None, place: str = "row") -> list[str]:
        source = values if values is not None else self.form.rows
        return [self.translate(str(row), f"{place} {i}") for i, row in enumerate(source, 1)]

    def same_lang_list(self, key: str, n: int) -> list[str]:
        """An optional per-row list of the form (explanations, criteria): as printed in the text's
        language, translated line by line in the other one."""
        vals = self.form.get(key) or []
        if len(vals) != n:
            return [""] * n
        if self.same:
            return [str(v) for v in vals]
        part = {"row_explanations": "guidance"}.get(key, key)
        return [self.cell_lines(str(v), f"row {i} / {part}") for i, v in enumerate(vals, 1)]

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
        return [
            self.text(p, d, f"field {i}") for i, (p, d) in enumerate(zip(printed, defaults, strict=True), 1)
        ]
