"""Every extraction rule carries its own examples; each runs as its own test, so a broken rule names itself.

``docgen/extract/rules/<lang>.yaml``: each rule has ``examples: [{text: ..., value: ...}, {miss: ...}]``
(sentences written by reading the acts of legal_corpus/ and the domain docs). A ``text`` must give the
rule's key(s) the ``value`` (a range rule: ``[low, high]``), kept from this very rule; a ``miss`` is a near
miss the rule must not fire on at all. ``test_every_rule_is_needed`` runs the examples once more with the
one rule left out (``run_dsl(ctx, without={name})``): the expected value must then be lost, so deleting any
rule of ru.yaml or kk.yaml fails a test.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
import yaml

from docgen.accuracy import _norm
from docgen.extract.dsl import RULES_DIR, DslRule, load_rules, run_dsl
from docgen.extract.registry import Context
from docgen.model import Document, Point
from docgen.normalize import normalize

LANGS = ("ru", "kk")


def _examples(lang: str) -> dict[str, list[dict[str, Any]]]:
    data = yaml.safe_load((RULES_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
    out: dict[str, list[dict[str, Any]]] = {}
    for key, entries in data.items():
        if not key.startswith("_"):
            for e in entries or []:
                out[str(e["name"])] = list(e.get("examples") or [])
    return out


ROOT = Path(__file__).resolve().parents[2]
# the rules by name, kept apart from the rule files: a rule deleted from a file (its examples go with it)
# still has its tests below, and they fail
NAMES: dict[str, list[str]] = yaml.safe_load(
    (ROOT / "tests/data/rule_names.yaml").read_text(encoding="utf-8")
)
EXAMPLES = {lang: _examples(lang) for lang in LANGS}
RULES = {lang: {r.name: r for r in load_rules(lang)} for lang in LANGS}
ALL_RULES = [(lang, name) for lang in LANGS for name in NAMES[lang]]


def _cases(kind: str) -> list[Any]:
    out = []
    for lang, name in ALL_RULES:
        for i, ex in enumerate(EXAMPLES[lang].get(name, [{"text": "", "value": None}, {"miss": ""}])):
            if kind in ex:
                out.append(pytest.param(lang, name, ex, id=f"{lang}:{name}:{i + 1}"))
    return out


def context(lang: str, text: str) -> Context:
    """A one-point document holding ``text`` (normalised like any act)."""
    norm = normalize(text)
    doc = SimpleNamespace(
        norm=norm, language=lang, points=(Point("1", 0, len(norm.text), None),), appendices=()
    )
    return Context(cast(Document, doc))


def run(lang: str, text: str, without: frozenset[str] = frozenset()) -> Context:
    ctx = context(lang, text)
    run_dsl(ctx, without=without)
    return ctx


def expected(rule: DslRule, value: Any) -> dict[str, Any]:
    if rule.range_keys:
        assert isinstance(value, list) and len(value) == 2, f"{rule.name}: a range example needs [low, high]"
        return dict(zip(rule.range_keys, value, strict=True))
    return {k: value for k in rule.keys}


def holds(ctx: Context, want: dict[str, Any]) -> bool:
    return all(k in ctx.params and _norm(ctx.params[k].value) == _norm(v) for k, v in want.items())


@pytest.mark.parametrize(("lang", "name"), ALL_RULES, ids=[f"{lang}:{n}" for lang, n in ALL_RULES])
def test_every_rule_has_a_match_and_a_near_miss(lang: str, name: str) -> None:
    assert name in RULES[lang], f"{lang}.yaml has no rule {name} (deleted or renamed?)"
    ex = EXAMPLES[lang][name]
    assert any("text" in e for e in ex), f"{lang}.yaml {name}: no example it must match"
    assert any("miss" in e for e in ex), f"{lang}.yaml {name}: no near miss"
    for e in ex:
        assert set(e) in ({"text", "value"}, {"miss"}), f"{lang}.yaml {name}: bad example {e}"


@pytest.mark.parametrize(("lang", "name", "ex"), _cases("text"))
def test_rule_matches_its_example(lang: str, name: str, ex: dict[str, Any]) -> None:
    assert name in RULES[lang], f"{lang}.yaml has no rule {name} (deleted or renamed?)"
    rule = RULES[lang][name]
    ctx = run(lang, ex["text"])
    for key, value in expected(rule, ex["value"]).items():
        assert key in ctx.params, f"{name}: {key} not found in {ex['text']!r}"
        p = ctx.params[key]
        assert _norm(p.value) == _norm(value), f"{name}: {key} = {p.value!r}, expected {value!r}"
        assert p.rule == name, f"{key} was taken by {p.rule}, not {name}"


@pytest.mark.parametrize(("lang", "name", "ex"), _cases("miss"))
def test_rule_does_not_match_its_near_miss(lang: str, name: str, ex: dict[str, Any]) -> None:
    ctx = run(lang, ex["miss"])
    fired = [(t.key, t.value) for t in ctx.trace if t.rule == name]
    assert not fired, f"{name} fired on its near miss: {fired}"


@pytest.mark.parametrize(("lang", "name"), ALL_RULES, ids=[f"{lang}:{n}" for lang, n in ALL_RULES])
def test_every_rule_is_needed(lang: str, name: str) -> None:
    """Leaving the rule out loses the value of at least one of its examples (no other rule stands in)."""
    assert name in RULES[lang], f"{lang}.yaml has no rule {name} (deleted or renamed?)"
    rule = RULES[lang][name]
    texts = [e for e in EXAMPLES[lang][name] if "text" in e]
    assert texts
    lost = [
        e for e in texts if not holds(run(lang, e["text"], frozenset({name})), expected(rule, e["value"]))
    ]
    assert lost, f"without {name} every example still gives its value: the rule is not needed"


def test_run_dsl_without_leaves_only_that_rule_out() -> None:
    text = "Количество членов калибровочной сессии не должно быть менее трех."
    full = run("ru", text)
    assert full.params["calibration_min_members"].rule == "calibration_members_at_least"
    assert (
        "calibration_min_members" not in run("ru", text, frozenset({"calibration_members_at_least"})).params
    )
    assert run("ru", text, frozenset({"calibration_odd"})).params.keys() == full.params.keys()


def test_the_rule_files_hold_exactly_the_listed_rules() -> None:
    for lang in LANGS:
        names = [r.name for r in load_rules(lang)]
        assert len(names) == len(set(names)), f"{lang}.yaml: two rules share a name"
        added = sorted(set(names) - set(NAMES[lang]))
        assert not added, f"{lang}.yaml: new rules {added}: add them to tests/data/rule_names.yaml"
