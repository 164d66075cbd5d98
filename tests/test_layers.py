"""The layers of docgen point one way (README, "Where things live").

reading -> normalise -> structure -> extract -> catalogue -> {render/forms/batch/scoring/report360/
protocols, diff, check} -> commands -> cli. Every module of the package is named in LAYERS; an import
(top level, inside a function, under TYPE_CHECKING, or a module named by a string such as the lazy
``COMMANDS`` table) may only point to the module's own layer or to a layer below it (LAYER_DEPS,
transitively). No two modules may import each other, directly or around a loop, even inside one layer.
A new module fails here until it is given a layer; a new arrow against the flow fails CI.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "docgen"

# Which layers each layer may import (besides itself); the closure of this relation is what is allowed.
LAYER_DEPS: dict[str, set[str]] = {
    "foundation": set(),  # errors, dataclasses, atomic writes, safe YAML, shared vocabularies, calendar
    "reading": {"foundation"},
    "normalise": {"reading"},
    "structure": {"normalise"},
    "language": {"foundation"},  # number words, the spaCy kk language, pipelines: extract's tools
    "extract": {"structure", "language"},
    "catalogue": {"extract"},
    # the consumers of a catalogue; inside the group: render, scoring -> form_parts, protocols ->
    # forms (blank), batch (filled), report360
    "render": {"catalogue"},
    "scoring": {"catalogue"},
    "form_parts": {"render"},  # form contexts and labels shared by blank and filled forms
    "forms": {"form_parts"},
    "batch": {"form_parts", "scoring"},
    "protocols": {"render", "scoring"},
    "report360": {"protocols", "scoring"},
    "diff": {"catalogue"},
    "check": {"catalogue"},
    "draft": {"catalogue"},  # a body's methodology from a model text; sibling of check and diff
    "commands": {"forms", "batch", "report360", "diff", "check", "draft"},
    "cli": {"commands"},
}

LAYERS: dict[str, str] = {
    "docgen": "foundation",
    "docgen._atomic": "foundation",
    "docgen._yaml": "foundation",
    "docgen.data": "foundation",
    "docgen.dictionary": "foundation",
    "docgen.editions": "foundation",
    "docgen.errors": "foundation",
    "docgen.model": "foundation",
    "docgen.terms": "foundation",
    "docgen.official": "foundation",
    "docgen.data.labels": "foundation",
    "docgen.workdays": "foundation",
    "docgen.reading": "reading",
    "docgen.reading.docx": "reading",
    "docgen.reading.html": "reading",
    "docgen.reading.numbering": "reading",
    "docgen.reading.text": "reading",
    "docgen.reading.xmlsafe": "reading",
    "docgen.safezip": "reading",
    "docgen.normalize": "normalise",
    "docgen.kklatin": "normalise",
    "docgen.structure": "structure",
    "docgen.structure._lang": "structure",
    "docgen.structure._text": "structure",
    "docgen.structure.appendices": "structure",
    "docgen.structure.body": "structure",
    "docgen.structure.data": "structure",
    "docgen.structure.document": "structure",
    "docgen.structure.export": "structure",
    "docgen.structure.header": "structure",
    "docgen.structure.nodes": "structure",
    "docgen.structure.tables": "structure",
    "docgen.lang": "language",
    "docgen.lang.kk": "language",
    "docgen.lang.ru": "language",
    "docgen.nlp": "language",
    "docgen.numbers": "language",
    "docgen.numbers.lexicon": "language",
    "docgen.numbers.scan": "language",
    "docgen.numbers.spans": "language",
    "docgen.numbers.types": "language",
    "docgen.extract": "extract",
    "docgen.extract.dsl": "extract",
    "docgen.extract.forms": "extract",
    "docgen.extract.guidance": "extract",
    "docgen.extract.generation": "extract",
    "docgen.extract.registry": "extract",
    "docgen.extract.special": "extract",
    "docgen.extract.textdoc": "extract",
    "docgen.extract.xrefs": "extract",
    "docgen.accuracy": "catalogue",
    "docgen.catalogue": "catalogue",
    "docgen.catalogue_model": "catalogue",
    "docgen.catalogue_cache": "catalogue",
    "docgen.corpus": "catalogue",
    "docgen._docxtext": "render",
    "docgen.render": "render",
    "docgen.render.docxtpl_render": "render",
    "docgen.render.env": "render",
    "docgen.render.fast": "render",
    "docgen.render.pdf": "render",
    "docgen.render.templates": "render",
    "docgen.render.write": "render",
    "docgen.render.untranslated": "render",
    "docgen.scoring": "scoring",
    "docgen.scoring.commission": "scoring",
    "docgen.scoring.kpi": "scoring",
    "docgen.scoring.method360": "scoring",
    "docgen.scoring.sheets": "scoring",
    "docgen.forms.contexts": "form_parts",
    "docgen.forms.labels": "form_parts",
    "docgen.forms": "forms",
    "docgen.forms.formtext": "form_parts",
    "docgen.forms.blank": "forms",
    "docgen.forms.grid": "forms",
    "docgen.batch": "batch",
    "docgen.batch.plan": "batch",
    "docgen.batch.reader": "batch",
    "docgen.batch.run": "batch",
    "docgen.batch.folder": "batch",
    "docgen.batch.messages": "batch",
    "docgen.batch.names": "batch",
    "docgen.batch.summary": "batch",
    "docgen.batch.sheet_context": "batch",
    "docgen.batch.workbook": "batch",
    "docgen.batch.xlsx": "batch",
    "docgen.protocols": "protocols",
    "docgen.protocols.calibration": "protocols",
    "docgen.protocols.commission": "protocols",
    "docgen.protocols.common": "protocols",
    "docgen.protocols.labels": "protocols",
    "docgen.protocols.render": "protocols",
    "docgen.report360": "report360",
    "docgen.report360.answers": "report360",
    "docgen.report360.chart": "report360",
    "docgen.report360.report": "report360",
    "docgen.diff": "diff",
    "docgen.diff.html": "diff",
    "docgen.diff.redline": "diff",
    "docgen.diff.report": "diff",
    "docgen.diff.rules": "diff",
    "docgen.diff.text": "diff",
    "docgen.diff.lang": "diff",
    "docgen.diff.renumbering": "diff",
    "docgen.check": "check",
    "docgen.check.context": "check",
    "docgen.check.data": "check",
    "docgen.check.dates": "check",
    "docgen.check.engine": "check",
    "docgen.check.xref": "check",
    "docgen.check.xref_learned": "check",
    "docgen.check.findings": "check",
    "docgen.check.generate": "check",
    "docgen.check.inputs": "check",
    "docgen.check.make": "check",
    "docgen.check.modelcheck": "check",
    "docgen.check.profiles": "check",
    "docgen.check.provenance": "check",
    "docgen.check.report": "check",
    "docgen.check.report_docx": "check",
    "docgen.check.script": "check",
    "docgen.check.selfcheck": "check",
    "docgen.check.values": "check",
    "docgen.draft": "draft",
    "docgen.draft.adapter": "draft",
    "docgen.draft.amend": "draft",
    "docgen.draft.comparison": "draft",
    "docgen.draft.edition": "draft",
    "docgen.draft.body": "draft",
    "docgen.draft.compose": "draft",
    "docgen.draft.docx": "draft",
    "docgen.draft.messages": "draft",
    "docgen.draft.model": "draft",
    "docgen.draft.names": "draft",
    "docgen.draft.words": "draft",
    "docgen.draft.wording": "draft",
    "docgen.draft.tomodel": "draft",
    "docgen.check.source": "check",
    "docgen.check.wording": "check",
    "docgen.commands": "commands",
    "docgen.commands.catalogue": "commands",
    "docgen.commands.check": "commands",
    "docgen.commands.diff": "commands",
    "docgen.commands.draft": "commands",
    "docgen.commands.amend": "commands",
    "docgen.commands.amend_model": "commands",
    "docgen.commands.fill": "commands",
    "docgen.commands.forms": "commands",
    "docgen.commands.translation_report": "commands",
    "docgen.commands._methodology": "commands",
    "docgen.commands._output": "commands",
    "docgen.commands.parse": "commands",
    "docgen.commands.protocol": "commands",
    "docgen.commands.report360": "commands",
    "docgen.commands.run_corpus": "commands",
    "docgen.commands.serve": "commands",
    "docgen.web": "commands",
    "docgen.web.app": "commands",
    "docgen.web.i18n": "commands",
    "docgen.web.jobs": "commands",
    "docgen.web.live": "commands",
    "docgen.cli": "cli",
    "docgen.cli_help": "cli",
    "docgen.__main__": "cli",
}

# Arrows against the flow that are known and scheduled to go. Empty this list as they are removed
# (a listed arrow that no longer exists fails too, so the list cannot go stale).
KNOWN_EXCEPTIONS: set[tuple[str, str]] = set()  # emptied: batch reads the typed Catalogue

_MODULE_STRING = re.compile(r"docgen(\.[A-Za-z_][A-Za-z0-9_]*)*")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _resolve(importer: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    if node.level:
        base = importer.split(".") if is_package else importer.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    known = modules()
    out = []
    for alias in node.names:
        sub = f"{target}.{alias.name}"
        out.append(sub if sub in known else target)
    return out


def _owner(name: str) -> str | None:
    """The package module a dotted name lives in (``docgen.lang.kk.Kazakh`` -> ``docgen.lang.kk``)."""
    known = modules()
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


@cache
def edges(strings: bool = True) -> dict[str, set[str]]:
    """module -> modules it imports: every import statement anywhere in the file and, with
    ``strings``, module names written as strings (importlib tables, ``resources.files``)."""
    graph: dict[str, set[str]] = {}
    for name, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        targets: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                targets.update(_resolve(name, path.name == "__init__.py", node))
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
            elif (
                strings
                and isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and _MODULE_STRING.fullmatch(node.value)
                and node.value in modules()
            ):
                targets.add(node.value)
        owned = {_owner(t) for t in targets if t == "docgen" or t.startswith("docgen.")}
        graph[name] = {t for t in owned if t and t != name}
    return graph


def allowed(layer: str) -> set[str]:
    seen = {layer}
    todo = [layer]
    while todo:
        for dep in LAYER_DEPS[todo.pop()]:
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


def test_every_module_has_a_layer() -> None:
    missing = sorted(set(modules()) - set(LAYERS))
    hints = [f'"{m}": "{LAYERS.get(m.rpartition(".")[0], "?")}"' for m in missing]
    assert not missing, (
        f"modules without a layer; add to LAYERS in {__file__} (package's layer shown): {hints}"
    )
    stale = sorted(set(LAYERS) - set(modules()))
    assert not stale, f"LAYERS names modules that do not exist: {stale}"
    assert set(LAYERS.values()) <= set(LAYER_DEPS)


def test_layer_graph_is_one_way() -> None:
    """The layer relation itself has no loop (a layer never reaches back to itself)."""
    for layer, deps in LAYER_DEPS.items():
        for dep in deps:
            assert layer not in allowed(dep), f"layers {layer} and {dep} point both ways"


def violations() -> set[tuple[str, str]]:
    found = set()
    for src, targets in edges().items():
        if src not in LAYERS:  # reported by test_every_module_has_a_layer
            continue
        ok = allowed(LAYERS[src])
        for dst in targets:
            if dst in LAYERS and LAYERS[dst] not in ok:
                found.add((src, dst))
    return found


def test_imports_point_down_the_layers() -> None:
    bad = sorted(violations() - KNOWN_EXCEPTIONS)
    lines = [f"{s} ({LAYERS[s]}) -> {d} ({LAYERS[d]})" for s, d in bad]
    assert not bad, "imports against the layers:\n" + "\n".join(lines)


def test_known_exceptions_still_exist() -> None:
    gone = sorted(KNOWN_EXCEPTIONS - violations())
    assert not gone, f"remove these from KNOWN_EXCEPTIONS, the arrow is gone: {gone}"


def test_no_import_cycles() -> None:
    """Tarjan's strongly connected components over the module graph (function-local imports too;
    a package naming its own modules in a string table or for its data files is not an import loop)."""
    graph = edges(strings=False)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert not cycles, f"modules importing each other: {cycles}"


@pytest.mark.parametrize(
    "src, dst",
    [
        ("docgen.check.report_docx", "docgen.check.report"),
        ("docgen.extract.special", "docgen.extract.dsl"),
        ("docgen.lang", "docgen.lang.kk"),
        ("docgen.commands.run_corpus", "docgen.cli"),
        ("docgen.diff.rules", "docgen.forms"),
    ],
)
def test_named_back_arrows_are_gone(src: str, dst: str) -> None:
    """The loops and sideways arrows issue 9 named (the graph sees function-local imports)."""
    assert not {d for d in edges()[src] if d == dst or d.startswith(dst + ".")}


def test_private_modules_stay_in_their_package() -> None:
    """``a.b._x`` is imported only from inside ``a.b`` (report360 once used ``protocols._text``)."""
    bad = []
    for src, targets in edges().items():
        for dst in targets:
            parent, _, leaf = dst.rpartition(".")
            if leaf.startswith("_") and not leaf.startswith("__") and not src.startswith(parent + "."):
                bad.append((src, dst))
    assert not bad, f"private modules imported from outside their package: {sorted(bad)}"


def test_the_checker_sees_a_function_local_back_arrow(tmp_path: Path) -> None:
    """A back arrow hidden inside a function is an edge like any other."""
    code = "def f():\n    from ..cli import main\n    return main\n"
    tree = ast.parse(code)
    node = next(n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom))
    target = _resolve("docgen.commands.parse", False, node)
    assert target == ["docgen.cli"]
    assert LAYERS["docgen.cli"] not in allowed(LAYERS["docgen.commands.parse"])
