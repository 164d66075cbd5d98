"""CLI: ``docgen forms PATH --lang kk|ru|both -o DIR [--force] [--pdf]`` -- blank appendix forms.

Consumes a methodology (any input ``docgen parse`` reads, or a catalogue ``.json``); produces
``DIR/app<N>_<kind>.<lang>.docx`` for every appendix form the text has (rows as the text lists
them). The other language goes through the kk<->ru term base unit by unit; a text without an entry is
kept as printed, marked with a dagger (in italics, explained by a legend line at the end of the form).
For every form in a language other than the act's, a line gives its coverage
(translated texts / all texts) and ``DIR/translation.json`` lists every untranslated text with its
form, place and source language. A text without appendices (e.g. one that refers to the
model's forms) renders nothing, says so and exits 0. The 360 result forms are rendered unfilled by the
360 report's own template (competencies of the appendix, empty averages, the radar chart's frame).
Forms whose kind has no blank renderer here (protocols: ``docgen protocol``) are listed and skipped.
Everything the command says (these lines, refusals) is in the language asked for (``--lang kk|ru``),
else (no ``--lang``, ``--lang both``) in the act's.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from ._methodology import MethodologySource, methodology_source


@click.command("forms")
@methodology_source()
@click.option(
    "--lang",
    "lang",
    type=click.Choice(["kk", "ru", "both"]),
    default=None,
    help="Language of the forms (default: the text's language).",
)
@click.option("-o", "--output", "outdir", type=click.Path(), required=True, help="Output folder.")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@click.option("--pdf", is_flag=True, help="Also convert to PDF with LibreOffice.")
def forms(source: MethodologySource, lang: str | None, outdir: str, force: bool, pdf: bool) -> None:
    """Render the blank appendix forms of a methodology."""
    from ..errors import choose_ui_lang
    from ..forms.blank import blank_forms

    choose_ui_lang(lang)  # kk|ru: a refusal before the act is read is said in it too
    cat = source.load()
    src = cat.lang
    langs = ("kk", "ru") if lang == "both" else ((lang,) if lang else (src,))
    say = _SAY[_msg_lang(choose_ui_lang(lang, src), src)]
    if not cat.forms:
        click.echo(f"docgen: {source.path}: {say['none']}", err=True)
        return
    items, skipped = blank_forms(cat, langs)
    reports, skipped = _result_forms(cat, langs, skipped)
    out = Path(outdir)
    try:
        _write_forms(items, skipped, out, force, pdf, reports, cat, say)
    except OSError as exc:  # a read-only folder, -o under a file: one line, exit 2
        from ..batch.folder import os_error

        raise os_error(say["lang"], exc, exc.filename or out) from exc


def _result_forms(cat: Any, langs: tuple[str, ...], skipped: list[str]) -> tuple[list[Any], list[str]]:
    """The act's 360 result forms (unfilled), rendered like ``docgen report360`` renders filled ones."""
    from ..report360.report import GROUP_OF_KIND, blank_report

    out = []
    for form in sorted(cat.forms, key=lambda f: f.appendix or 0):
        if form.kind not in GROUP_OF_KIND:
            continue
        for lang in langs:
            made = blank_report(cat, form, lang)
            if made is None:
                continue
            data, units = made
            out.append((f"app{form.appendix}_{form.kind}.{lang}.docx", data, units, form.appendix, lang))
    rendered = {f"app{r[3]}: " for r in out}
    return out, [s for s in skipped if not any(s.startswith(p) for p in rendered)]


def _write_forms(
    items: list[Any],
    skipped: list[Any],
    out: Path,
    force: bool,
    pdf: bool,
    reports: Sequence[Any] = (),
    cat: Any = None,
    say: dict[str, str] | None = None,
) -> None:
    from ..errors import OutputExistsError
    from ..forms.blank import TRUNCATED
    from ..render.untranslated import mark_document
    from ..render.write import clean_stale_temps, write_atomic
    from .translation_report import REPORT_NAME, FormUnits, print_coverage, report_json

    if out.exists() and not out.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(out))
    out.mkdir(parents=True, exist_ok=True)
    clean_stale_temps(out)
    existing = [f.filename for f in items if (out / f.filename).exists()]
    existing += [r[0] for r in reports if (out / r[0]).exists()]
    src = cat.lang if cat is not None else None
    say = say or _SAY[_msg_lang(None, src)]
    translated = src is not None and (any(f.lang != src for f in items) or any(r[4] != src for r in reports))
    if translated and (out / REPORT_NAME).exists():
        existing.append(REPORT_NAME)
    if existing and not force:
        raise OutputExistsError(
            f"{len(existing)} output file(s) exist, e.g. {existing[0]}; use --force", path=str(out)
        )
    written = []
    coverage: list[FormUnits] = []
    for item in items:
        write_atomic(out / item.filename, mark_document(item.render(), item.lang), force=True)
        written.append(out / item.filename)
        coverage.append(FormUnits(item.filename, item.appendix, item.kind, item.lang, tuple(item.units)))
    for filename, data, units, appendix, lang in reports:
        write_atomic(out / filename, data, force=True)
        written.append(out / filename)
        kind = next((str(f.kind) for f in cat.forms if f.appendix == appendix), "") if cat else ""
        coverage.append(FormUnits(filename, appendix, kind, lang, tuple(units)))
    for s in skipped:
        if s.endswith(TRUNCATED):
            click.echo(f"docgen: {_place(s.removesuffix(TRUNCATED), say)}: {say['truncated']}", err=True)
            continue
        click.echo(f"docgen: {_place(s, say)}: {say['other']}", err=True)
    if pdf:
        from ..render.pdf import convert_to_pdf

        convert_to_pdf(written, out)
    if translated and src is not None:
        coverage = sorted(
            (c for c in coverage if c.lang != src), key=lambda c: (c.appendix, c.lang, c.filename)
        )
        write_atomic(out / REPORT_NAME, report_json(cat, coverage), force=True)
        print_coverage(cat, coverage, out / REPORT_NAME, say["lang"])
    click.echo(say["written"].format(n=len(written), out=out))


# what `docgen forms` says, in the language of the forms asked for (the act's language for --lang both)
_SAY: dict[str, dict[str, str]] = {
    "kk": {
        "lang": "kk",
        "none": "мәтінде нысандары бар қосымшалар жоқ; ештеңе жасалмады",
        "truncated": "актінің мәтіні осы қосымшаның тақырыбында үзіледі; нысан жасалмады, басқа актіден ештеңе "
        "алынбады",
        "other": "бұл бос нысан емес, оны басқа команда жасайды (docgen report360 немесе docgen protocol)",
        "written": "жазылған нысандар: {n}; қалта: {out}",
    },
    "ru": {
        "lang": "ru",
        "none": "в тексте нет приложений с формами; ничего не создано",
        "truncated": "текст акта обрывается в заголовке этого приложения; форма не создана, из другого акта "
        "ничего не взято",
        "other": "это не пустая форма, её создаёт другая команда (docgen report360 или docgen protocol)",
        "written": "записано форм: {n}; папка: {out}",
    },
}


def _place(skipped: str, say: dict[str, str]) -> str:
    """``app5: commission_protocol`` as the user reads it: «5-қосымша (Комиссия отырысының хаттамасы)»."""
    from ..data.labels import form_label, point_name

    lang = say["lang"]
    app, _, kind = skipped.strip().partition(": ")
    return f"{point_name(app, lang)} ({form_label(kind.strip(), lang)})"


def _msg_lang(lang: str | None, src: str | None) -> str:
    """The language of the command's own lines: the one asked for, else the act's (Russian if unknown)."""
    if lang in _SAY:
        return str(lang)
    return src if src in _SAY else "ru"
