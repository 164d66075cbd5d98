"""CLI edge: one module per subcommand, imported lazily through :data:`COMMANDS`.

``docgen.cli`` builds the ``docgen`` group from this table; ``run-corpus`` runs the other subcommands
through :func:`load_command`, so no command module imports ``docgen.cli`` (the layers point one way:
``cli`` -> ``commands`` -> stages). Importing this package stays cheap (no command module is loaded).
"""

from __future__ import annotations

import importlib

import click

# name -> (module, attribute, one-line help). Modules are imported lazily.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "parse": (
        "docgen.commands.parse",
        "parse",
        "Parse regulation texts into structure (and catalogue) JSON.",
    ),
    "catalogue": ("docgen.commands.catalogue", "catalogue", "Build versioned catalogues of a corpus."),
    "forms": ("docgen.commands.forms", "forms", "Render the blank appendix forms of a methodology."),
    "fill": ("docgen.commands.fill", "fill", "Fill evaluation sheets for every employee row."),
    "report360": ("docgen.commands.report360", "report360", "Render 360 reports with a radar chart."),
    "protocol": ("docgen.commands.protocol", "protocol", "Render calibration / commission protocols."),
    "diff": ("docgen.commands.diff", "diff", "Compare two regulation versions."),
    "check": ("docgen.commands.check", "check", "Check a local act against the model and itself."),
    "draft": ("docgen.commands.draft", "draft", "Draft a body's methodology from the model edition's text."),
    "serve": ("docgen.commands.serve", "serve", "Serve the local web page and API (kk/ru)."),
    "amend": ("docgen.commands.amend", "amend", "Make the next edition of an act (amendment)."),
    "run-corpus": ("docgen.commands.run_corpus", "run_corpus", "Run the main job on the embedded corpus."),
}


def load_command(name: str) -> click.Command | None:
    """The click command of subcommand ``name`` (imports its module), or None for an unknown name."""
    spec = COMMANDS.get(name)
    if spec is None:
        return None
    module_name, attr, short = spec
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return click.Command(name, help=short + " (недоступно в этой сборке / бұл жинақта жоқ)")
        raise
    cmd: click.Command = getattr(module, attr)
    return cmd
