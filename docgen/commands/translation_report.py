"""CLI support for ``docgen forms``: the translation report of the forms written in a language other
than the act's.

Consumes the units each form looked up (:class:`docgen.render.untranslated.Unit`); produces one line
per form in the user's language (``--lang kk|ru``, else the act's; appendix, the form's name, which language version, translated texts /
all texts, percent) and ``translation.json`` beside the forms: per form its file, appendix, kind,
languages, counts, and every untranslated text with its place on the form and its source language.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from ..forms.labels import labels
from ..render.untranslated import Unit, words

REPORT_NAME = "translation.json"


@dataclass(frozen=True)
class FormUnits:
    filename: str
    appendix: int
    kind: str
    lang: str
    units: tuple[Unit, ...]

    @property
    def counts(self) -> tuple[int, int]:
        return sum(u.translated for u in self.units), len(self.units)


def _percent(done: int, total: int) -> str:
    if total == 0 or done == total:
        return "100"
    return f"{100 * done / total:.1f}".replace(".", ",")  # never rounds up to 100


def _title(cat: Any, form: FormUnits, lang: str | None = None) -> str:
    """The form's name in ``lang`` (default: the act's language): the standard name of its kind, else
    the act's title."""
    titles = labels(lang or cat.lang)["titles"]
    if form.kind in titles:
        return str(titles[form.kind])
    spec = next((f for f in cat.forms if f.appendix == form.appendix), None)
    return " ".join(str(spec.title if spec is not None and spec.title else form.kind).split())


def report_json(cat: Any, forms: Sequence[FormUnits]) -> bytes:
    done = sum(f.counts[0] for f in forms)
    total = sum(f.counts[1] for f in forms)
    data = {
        "act_language": cat.lang,
        "translated": done,
        "units": total,
        "forms": [
            {
                "file": f.filename,
                "appendix": f.appendix,
                "kind": f.kind,
                "title": _title(cat, f),
                "language": f.lang,
                "source_language": cat.lang,
                "translated": f.counts[0],
                "units": f.counts[1],
                "untranslated": [
                    {"place": u.place, "text": u.text, "source_language": cat.lang}
                    for u in f.units
                    if not u.translated
                ],
            }
            for f in forms
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def print_coverage(cat: Any, forms: Sequence[FormUnits], path: Path, lang: str | None = None) -> None:
    """One line per form (and one per untranslated text) in ``lang`` (default: the act's language)."""
    lang = lang if lang in ("kk", "ru") else cat.lang
    w = words()[lang]
    for f in forms:
        done, total = f.counts
        click.echo(
            str(w["form_line"]).format(
                n=f.appendix,
                title=_title(cat, f, lang),
                version=w["version"][f.lang],
                done=done,
                total=total,
                percent=_percent(done, total),
            )
        )
        for u in f.units:
            if not u.translated:
                click.echo(str(w["missing_line"]).format(text=" ".join(u.text.split())))
    click.echo(str(w["report_written"]).format(path=path))
