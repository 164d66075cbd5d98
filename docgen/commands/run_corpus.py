"""CLI edge: ``docgen run-corpus legal_corpus -o out`` — the main job (``make run``).

For every text of the embedded corpus: the parsed JSON and outline, the catalogues and the dated
index, the blank forms in both languages, the compliance report; then the rule/text diffs between the
editions and bodies named in ``legal_corpus/samples/runs.yaml``, a filled sample batch, sample 360
reports and protocols. Each step runs the same code path as its own subcommand; a step that fails is
reported on one line and the others go on (the exit code is then 1).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import yaml

from ..errors import DocgenError


def _invoke(args: list[str]) -> int:
    from ..cli import cli

    try:
        rv = cli.main(args=args, prog_name="docgen", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except SystemExit as exc:
        return int(exc.code or 0)
    return int(rv) if isinstance(rv, int) else 0


@click.command("run-corpus")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite existing outputs.")
def run_corpus(corpus: Path, out: Path, force: bool) -> int:
    """Parse, catalogue, render, diff and check the whole corpus into OUT."""
    from ..corpus import load_corpus

    entries = load_corpus(corpus)
    f = ["--force"] if force else []
    failures: list[str] = []

    def step(name: str, fn: Callable[[], Any], ok_codes: tuple[int, ...] = (0,)) -> None:
        try:
            code = fn()
        except DocgenError as exc:
            failures.append(f"{name}: {exc.one_line()}")
            click.echo(f"docgen run-corpus: {name}: {exc.one_line()}", err=True)
            return
        if isinstance(code, int) and code not in ok_codes:
            failures.append(f"{name}: exit {code}")
            click.echo(f"docgen run-corpus: {name}: exit code {code}", err=True)

    by_seed = {e.text_path.stem[:3]: e for e in entries}
    for e in entries:
        t = str(e.text_path)
        step(
            f"parse {e.slug}",
            lambda t=t, e=e: _invoke(["parse", t, "-o", str(out / "parsed" / f"{e.slug}.json"), *f]),
        )
        step(
            f"outline {e.slug}",
            lambda t=t, e=e: _invoke(
                ["parse", t, "--format", "text", "-o", str(out / "parsed" / f"{e.slug}.txt"), *f]
            ),
        )
        step(
            f"forms {e.slug}",
            lambda t=t, e=e: _invoke(["forms", t, "--lang", "both", "-o", str(out / "forms" / e.slug), *f]),
        )
        for fmt in ("html", "json", "docx"):
            step(
                f"check {e.slug} {fmt}",
                lambda t=t, e=e, fmt=fmt: _invoke(
                    ["check", t, "--format", fmt, "-o", str(out / "check" / f"{e.slug}.{fmt}"), *f]
                ),
                ok_codes=(0, 1),  # 1 = the act has error findings, which is the report's point
            )
    step("catalogue", lambda: _invoke(["catalogue", "build", str(corpus), "-o", str(out / "catalogue"), *f]))

    runs = yaml.safe_load((corpus / "samples" / "runs.yaml").read_text(encoding="utf-8"))
    for d in runs.get("diffs", []):
        old, new = by_seed[d["old"]], by_seed[d["new"]]
        for fmt in d.get("formats", ["html", "json", "docx"]):
            target = out / "diff" / f"{d['name']}.{fmt}"
            step(
                f"diff {d['name']} {fmt}",
                lambda old=old, new=new, fmt=fmt, target=target: _invoke(
                    ["diff", str(old.text_path), str(new.text_path), "--format", fmt, "-o", str(target), *f]
                ),
            )
    for s in runs.get("fill", []):
        e = by_seed[s["methodology"]]
        step(
            f"fill {s['name']}",
            lambda e=e, s=s: _invoke(
                [
                    "fill",
                    str(e.text_path),
                    "--data",
                    str(corpus / "samples" / s["data"]),
                    "-o",
                    str(out / "filled" / str(s["name"])),
                    "--lang",
                    s.get("lang", "both"),
                    *f,
                ]
            ),
        )
    for s in runs.get("report360", []):
        e = by_seed[s["methodology"]]
        step(
            f"report360 {s['name']}",
            lambda e=e, s=s: _invoke(
                [
                    "report360",
                    str(e.text_path),
                    "--data",
                    str(corpus / "samples" / s["data"]),
                    "-o",
                    str(out / "report360" / str(s["name"])),
                    "--period",
                    s.get("period", ""),
                    *f,
                ]
            ),
        )
    for s in runs.get("protocols", []):
        e = by_seed[s["methodology"]]
        step(
            f"protocol {s['name']}",
            lambda e=e, s=s: _invoke(
                [
                    "protocol",
                    s["kind"],
                    "--data",
                    str(corpus / "samples" / s["data"]),
                    "--methodology",
                    str(e.text_path),
                    "-o",
                    str(out / "protocols" / f"{s['name']}.docx"),
                    *f,
                ]
            ),
        )
    click.echo(
        f"docgen run-corpus: {len(entries)} texts -> {out}"
        + (f"; {len(failures)} step(s) failed" if failures else "")
    )
    return 1 if failures else 0
