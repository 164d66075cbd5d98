"""CLI edge: ``docgen run-corpus legal_corpus -o out`` — the main job (``make run``).

For every text of the embedded corpus: the parsed JSON and outline, the catalogues and the dated
index, the blank forms in both languages, the compliance report; then the rule/text diffs between the
editions and bodies named in ``legal_corpus/samples/runs.yaml``, a filled sample batch, sample 360
reports and protocols. Each step runs the same code path as its own subcommand; a step that fails is
reported on one line and the others go on (the exit code is then 1). ``--lang kk|ru`` is the language
of everything the run says, its steps' lines included (the documents keep their own languages);
without it the run's own lines read "ru / kk" and each step speaks its act's language.
"""

from __future__ import annotations

from pathlib import Path

import click
import yaml

from ..errors import DocgenError, both_or_one, error_prefix, set_ui_lang, user_text


def _invoke(args: list[str], lang: str | None = None) -> int:
    from . import load_command

    cmd = load_command(args[0])
    if cmd is None:  # pragma: no cover - run-corpus only names known subcommands
        raise click.UsageError(f"unknown subcommand {args[0]!r}")  # translated by docgen/data/errors.yaml
    set_ui_lang(lang)  # each step starts from the run's choice, not from the step before
    try:
        rv = cmd.main(args=args[1:], prog_name=f"docgen {args[0]}", standalone_mode=False)
    except click.ClickException as exc:
        text = user_text(exc.format_message()).replace("\n", " ")
        click.echo(f"docgen {args[0]}: {error_prefix()}: {text}", err=True)
        return exc.exit_code
    except SystemExit as exc:
        return int(exc.code or 0)
    return int(rv) if isinstance(rv, int) else 0


@click.command("run-corpus")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite existing outputs.")
@click.option(
    "--lang",
    "lang",
    type=click.Choice(["kk", "ru"]),
    default=None,
    help="Language of the messages (default: each act's; the run's own lines in both).",
)
def run_corpus(corpus: Path, out: Path, force: bool, lang: str | None) -> None:
    """Parse, catalogue, render, diff and check the whole corpus into OUT."""
    from ..corpus import load_corpus

    set_ui_lang(lang, pin=True)
    entries = load_corpus(corpus)
    f = ["--force"] if force else []
    failures: list[str] = []

    def step(name: str, args: list[str], ok_codes: tuple[int, ...] = (0,)) -> None:
        try:
            code = _invoke([*args, *f], lang)
        except DocgenError as exc:
            failures.append(f"{name}: {exc.one_line()}")
            set_ui_lang(lang)  # the run's line in the run's language (the step may have chosen its own)
            click.echo(f"docgen run-corpus: {name}: {exc.one_line()}", err=True)
            return
        set_ui_lang(lang)
        if code not in ok_codes:
            failures.append(f"{name}: exit {code}")
            click.echo(
                f"docgen run-corpus: {name}: {both_or_one('код выхода', 'шығу коды')} {code}", err=True
            )

    by_seed = {e.text_path.stem[:3]: e for e in entries}
    for e in entries:
        t = str(e.text_path)
        step(f"parse {e.slug}", ["parse", t, "-o", str(out / "parsed" / f"{e.slug}.json")])
        step(
            f"outline {e.slug}", ["parse", t, "--format", "text", "-o", str(out / "parsed" / f"{e.slug}.txt")]
        )
        step(f"forms {e.slug}", ["forms", t, "--lang", "both", "-o", str(out / "forms" / e.slug)])
        for fmt in ("html", "json", "docx"):
            # exit code 1 = the act has error findings, which is the report's point
            target = str(out / "check" / f"{e.slug}.{fmt}")
            step(f"check {e.slug} {fmt}", ["check", t, "--format", fmt, "-o", target], ok_codes=(0, 1))
    step("catalogue", ["catalogue", "build", str(corpus), "-o", str(out / "catalogue")])

    runs = yaml.safe_load((corpus / "samples" / "runs.yaml").read_text(encoding="utf-8"))
    samples = corpus / "samples"
    for d in runs.get("diffs", []):
        old, new = by_seed[str(d["old"])].text_path, by_seed[str(d["new"])].text_path
        for fmt in d.get("formats", ["html", "json", "docx"]):
            target = str(out / "diff" / f"{d['name']}.{fmt}")
            step(f"diff {d['name']} {fmt}", ["diff", str(old), str(new), "--format", fmt, "-o", target])
            for lang in d.get("also_langs", []):  # the same report in the other language: NAME.<lang>.<fmt>
                target = str(out / "diff" / f"{d['name']}.{lang}.{fmt}")
                args = ["diff", str(old), str(new), "--format", fmt, "--lang", str(lang), "-o", target]
                step(f"diff {d['name']} {fmt} {lang}", args)
    for s in runs.get("fill", []):
        meth = str(by_seed[str(s["methodology"])].text_path)
        target = str(out / "filled" / str(s["name"]))
        data = str(samples / s["data"])
        step(
            f"fill {s['name']}", ["fill", meth, "--data", data, "-o", target, "--lang", s.get("lang", "both")]
        )
    for s in runs.get("report360", []):
        meth = str(by_seed[str(s["methodology"])].text_path)
        target = str(out / "report360" / str(s["name"]))
        data = str(samples / s["data"])
        step(
            f"report360 {s['name']}",
            ["report360", meth, "--data", data, "-o", target, "--period", s.get("period", "")],
        )
    for s in runs.get("protocols", []):
        meth = str(by_seed[str(s["methodology"])].text_path)
        target = str(out / "protocols" / f"{s['name']}.docx")
        data = str(samples / s["data"])
        step(
            f"protocol {s['name']}",
            ["protocol", s["kind"], "--data", data, "--methodology", meth, "-o", target],
        )
    set_ui_lang(lang)
    acts = both_or_one("актов", "актілер")
    failed = both_or_one("не выполнено шагов", "орындалмаған қадамдар")
    click.echo(
        f"docgen run-corpus: {acts} {len(entries)} -> {out}"
        + (f"; {failed}: {len(failures)}" if failures else "")
    )
    click.get_current_context().exit(1 if failures else 0)
