"""Extraction stage, part 6: which model generation a text follows, decided from its rules.

Consumes the extracted parameters and forms; produces ``(generation, evidence)`` where evidence
lists the keys/forms (with their points) that voted. The signals of each generation are data in the
model profiles (``signals:`` of ``legal_corpus/models/E*.yaml``, read by :mod:`docgen.editions`), not
text matching: a text is judged by what it rules, not by its wording. This is docgen's one generation
detector; ``docgen check`` uses it too when a catalogue names no generation.
"""

from __future__ import annotations

from typing import Any

from ..editions import generation_signals


def decide_generation(
    params: dict[str, Any], forms: list[dict[str, Any]]
) -> tuple[str | None, list[dict[str, Any]]]:
    best: str | None = None
    best_ev: list[dict[str, Any]] = []
    for gen, sig in generation_signals().items():
        ev: list[dict[str, Any]] = []
        for key in sig["keys"]:
            if key in params:
                ev.append({"key": key, "point": params[key]["source"]["point"]})
        for f in forms:
            if f.get("kind") in sig["forms"]:
                ev.append({"form": f["kind"], "point": f"app{f['appendix']}"})
        if len(ev) > len(best_ev):
            best, best_ev = gen, ev
    return best, best_ev
