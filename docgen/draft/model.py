"""Draft stage, a model edition as text: ``legal_corpus/models/texts/<E>.<lang>.yaml`` (wording, point
by point, with its source act and point and an evidence label), ``<E>.parameters.yaml`` (the values the
model leaves to the body, with their allowed range) and the edition's profile ``<E>.yaml`` (the model's
values and forms). Shape: legal_corpus/models/README.md, "Model texts".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..editions import ProfileError, models_dir, read_profile_yaml

EVIDENCE = ("FACT", "SEED-FACT", "INFERRED")
# the label of a provision of a text marked ``reviewed: false``: a translation nobody has checked yet
# (what its content rests on is the label of the same provision in the source-language text)
UNREVIEWED = "UNREVIEWED"
PLACEHOLDER = re.compile(r"\{(body|p|n|ref|app):([^{}]+)\}")
# digits that stand in a wording outside a placeholder (a value or a cross reference written as a
# literal number); the statute's own numbers (article 33, point 5, order No. 13 of 16.01.2018) are
# allowed where they cite another act.
_LITERAL = re.compile(r"(?<![\w{:.-])\d+(?:[.,]\d+)?(?![\w}])")


@dataclass(frozen=True)
class ModelText:
    edition: str
    lang: str
    path: str
    data: dict[str, Any]
    profile: dict[str, Any]
    body_parameters: dict[str, dict[str, Any]]

    @property
    def provisions(self) -> list[dict[str, Any]]:
        return list(self.data["provisions"])

    def point_of(self, provision_id: str) -> int:
        """The number of a provision in the drafted act (the model text's order)."""
        for i, p in enumerate(self.provisions, 1):
            if p["id"] == provision_id:
                return i
        raise KeyError(provision_id)

    def value(self, key: str, day: dt.date) -> Any:
        """The model's value of ``key`` on ``day`` (the profile's latest ``from`` not after it; else
        the text's own ``values:``, for a value the profile does not compare)."""
        spec = self.profile.get("parameters", {}).get(key)
        if not spec:
            own = (self.data.get("values") or {}).get(key)
            if own is None:
                raise KeyError(key)
            return own["value"]
        chosen = None
        for entry in spec["values"]:
            start = dt.date.fromisoformat(str(entry["from"]))
            if start <= day and (chosen is None or start >= chosen[0]):
                chosen = (start, entry)
        return (chosen[1] if chosen else spec["values"][-1])["value"]

    def has_value(self, key: str) -> bool:
        return key in self.profile.get("parameters", {}) or key in (self.data.get("values") or {})

    @property
    def in_force_from(self) -> dt.date:
        return dt.date.fromisoformat(str(self.profile["in_force"]["from"]))

    @property
    def in_force_to(self) -> dt.date | None:
        end = self.profile["in_force"].get("to")
        return dt.date.fromisoformat(str(end)) if end else None

    @property
    def forms(self) -> list[dict[str, Any]]:
        return list(self.profile.get("forms", []))


def editions_with_text() -> list[str]:
    return sorted({p.name.split(".")[0] for p in (models_dir() / "texts").glob("E*.*.yaml")})


def _bad(path: Path, where: str, what: str) -> ProfileError:
    return ProfileError(what, path=str(path), where=where)


def _validate(data: Any, path: Path, edition: str, lang: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _bad(path, "text", "a model text must be a mapping")
    for key in ("edition", "lang", "title", "chapters", "provisions"):
        if key not in data:
            raise _bad(path, key, "missing")
    if data["edition"] != edition or data["lang"] != lang:
        raise _bad(path, "edition", f"file is for {data['edition']}/{data['lang']}")
    labels = (*EVIDENCE, UNREVIEWED) if data.get("reviewed") is False else EVIDENCE
    ids: set[str] = set()
    for i, prov in enumerate(data["provisions"]):
        where = f"provisions[{i}]"
        for key in ("id", "chapter", "evidence", "source", "text"):
            if key not in prov:
                raise _bad(path, f"{where}.{key}", "missing")
        if prov["evidence"] not in labels:
            raise _bad(path, f"{where}.evidence", f"must be one of {', '.join(labels)}")
        src = prov["source"]
        if not isinstance(src, dict) or not str(src.get("act", "")).isdigit() or "point" not in src:
            raise _bad(path, f"{where}.source", "needs {act: <seed>, point: <point>}")
        if prov["id"] in ids:
            raise _bad(path, f"{where}.id", "duplicate id")
        ids.add(prov["id"])
    for where, node in [
        *((f"values.{k}", v) for k, v in (data.get("values") or {}).items()),
        *((f"appendices.{k}", v) for k, v in (data.get("appendices") or {}).items()),
    ]:
        if not isinstance(node, dict) or node.get("evidence") not in labels:
            raise _bad(path, f"{where}.evidence", f"must be one of {', '.join(labels)}")
        src = node.get("source")
        if not isinstance(src, dict) or not str(src.get("act", "")).isdigit() or "point" not in src:
            raise _bad(path, f"{where}.source", "needs {act: <seed>, point: <point>}")
    for i, prov in enumerate(data["provisions"]):
        for j, para in enumerate([*prov["text"], *prov.get("items", [])]):
            for m in PLACEHOLDER.finditer(para):
                if m.group(1) == "ref" and m.group(2) not in ids:
                    raise _bad(
                        path, f"provisions[{i}].text[{j}]", f"link to unknown provision {m.group(2)!r}"
                    )
    return data


@functools.cache
def load_model_text(edition: str, lang: str) -> ModelText:
    """The model text of ``edition`` in ``lang``; KeyError when there is none."""
    base = models_dir()
    path = base / "texts" / f"{edition}.{lang}.yaml"
    if not path.is_file():
        raise KeyError(f"{edition}.{lang}")
    data = _validate(read_profile_yaml(path), path, edition, lang)
    profile = read_profile_yaml(base / f"{edition}.yaml")
    params_path = base / "texts" / f"{edition}.parameters.yaml"
    body_params = (
        (read_profile_yaml(params_path) or {}).get("parameters", {}) if params_path.is_file() else {}
    )
    return ModelText(edition, lang, str(path), data, profile, body_params)


def literal_numbers(text: str) -> list[str]:
    """Digits written outside placeholders (for the test that values and references are slots)."""
    return _LITERAL.findall(PLACEHOLDER.sub("", text))
