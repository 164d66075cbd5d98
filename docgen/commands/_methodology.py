"""The one way a command names its methodology: a shared click decorator and a lazy source.

``@methodology_source(...)`` adds the methodology parameter(s) to a command -- a ``PATH`` argument (a
text ``docgen parse`` reads, or a catalogue ``.json``), or a ``--methodology PATH`` option, optionally
with ``--catalogue FILE.json`` -- and hands the command one ``source`` keyword: a
:class:`MethodologySource` whose ``load()`` goes through the catalogue loader
(:func:`docgen.catalogue.load_methodology`). Nothing is read until the command calls ``load()``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from ..catalogue_model import Catalogue


@dataclass(frozen=True)
class MethodologySource:
    path: str | None
    catalogue_file: str | None = None
    cache: bool = True

    def load(self) -> Catalogue:
        from ..catalogue import load_methodology

        return load_methodology(self.path, self.catalogue_file, cache=self.cache)


def methodology_source(
    *, positional: bool = True, required: bool = True, catalogue_option: bool = False
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare the methodology parameter(s) of a command; the command receives ``source``."""

    def deco(f: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            kwargs["source"] = MethodologySource(
                kwargs.pop("path", None),
                kwargs.pop("catalogue_file", None),
                not kwargs.pop("no_cache", False),
            )
            return f(*args, **kwargs)

        cmd: Callable[..., Any] = click.option(
            "--no-cache",
            "no_cache",
            is_flag=True,
            help="Extract the methodology again instead of using the catalogue cache.",
        )(wrapper)
        if catalogue_option:
            cmd = click.option(
                "--catalogue",
                "catalogue_file",
                type=click.Path(dir_okay=False),
                help="Catalogue JSON instead of a methodology text.",
            )(cmd)
        if positional:
            cmd = click.argument("path", required=required, type=click.Path(exists=required, dir_okay=False))(
                cmd
            )
        else:
            cmd = click.option(
                "--methodology",
                "path",
                type=click.Path(dir_okay=False),
                help="Methodology text (txt/docx/html).",
            )(cmd)
        return cmd

    return deco
