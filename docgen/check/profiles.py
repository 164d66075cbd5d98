"""Check stage, model editions: load and validate the profiles in ``legal_corpus/models/*.yaml``.

Consumes one YAML profile per edition of the model methodology (shape: legal_corpus/models/README.md);
produces :class:`Profile` objects and picks the edition in force on a date. A malformed profile
raises :class:`~docgen.editions.ProfileError` (exit code 2) naming the file and the exact place (``where``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..editions import ProfileError, check_signals, generation_edition, models_dir, read_profile_yaml
from ..errors import UsageError
from .data import LANGS, topics_data
from .findings import SOURCE_EVIDENCE as EVIDENCE
from .provenance import check_all_sources


def _date(value: Any, path: str, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ProfileError(f"expected a date YYYY-MM-DD, found {value!r}", path=path, where=where) from None


def _need(node: dict[str, Any], key: str, kind: type | tuple[type, ...], path: str, where: str) -> Any:
    if not isinstance(node, dict) or key not in node:
        raise ProfileError(f"missing key {key!r}", path=path, where=where)
    value = node[key]
    if not isinstance(value, kind):
        raise ProfileError(
            f"{key!r} must be {getattr(kind, '__name__', kind)}, found {type(value).__name__}",
            path=path,
            where=f"{where}.{key}",
        )
    return value


def _evidence(node: dict[str, Any], path: str, where: str) -> None:
    ev = _need(node, "evidence", str, path, where)
    if ev not in EVIDENCE:
        raise ProfileError(
            f"evidence must be one of {', '.join(EVIDENCE)}, found {ev!r}",
            path=path,
            where=f"{where}.evidence",
        )
    _need(node, "source", object, path, where)


@dataclass(frozen=True)
class Profile:
    edition: str
    generation: str
    path: str
    data: dict[str, Any]
    valid_from: dt.date
    valid_to: dt.date | None

    @property
    def boundary_evidence(self) -> str:
        return str(self.data["in_force"]["evidence"])

    def title(self, lang: str) -> str:
        t = self.data.get("title", {})
        return str(t.get(lang) or t.get("en") or self.edition)

    def in_force_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def value_at(self, key: str, day: dt.date | None) -> dict[str, Any] | None:
        """The dated value of parameter ``key`` applicable on ``day`` (latest ``from`` not after it)."""
        spec = self.data.get("parameters", {}).get(key)
        if not spec:
            return None
        chosen = None
        for entry in spec["values"]:
            start = entry["from"]
            if day is None or start <= day:
                if chosen is None or start >= chosen["from"]:
                    chosen = entry
        if chosen is None:
            chosen = spec["values"][0]
        return {**chosen, "unit": spec.get("unit")}

    @property
    def provisions(self) -> list[dict[str, Any]]:
        return list(self.data.get("provisions", []))

    @property
    def forms(self) -> list[dict[str, Any]]:
        return list(self.data.get("forms", []))

    @property
    def foreign_topics(self) -> list[dict[str, Any]]:
        return list(self.data.get("foreign_topics", []))

    def numbered(self, lang: str) -> tuple[dict[str, str], dict[str, str]]:
        """Point numbers of the reconstructed model text in ``lang``: by provision id and by topic
        (the first provision holding it). Provisions without a chapter or wording get no number."""
        body = [p for p in self.provisions if p.get("chapter") and p.get("text", {}).get(lang)]
        numbers = {str(p["id"]): str(i) for i, p in enumerate(body, 1)}
        topic_point: dict[str, str] = {}
        for p in body:
            for t in p.get("topics", []):
                topic_point.setdefault(t, numbers[str(p["id"])])
        return numbers, topic_point

    def point_of(self, lang: str, *, provision: str | None = None, key: str | None = None) -> str | None:
        """Number of the model point holding ``provision`` (or the parameter ``key``), in the
        reconstructed text of ``lang`` or, when the profile has no wording in it, of another language."""
        for lg in (lang, *(x for x in LANGS if x != lang)):
            numbers, _ = self.numbered(lg)
            if provision in numbers:
                return numbers[str(provision)]
            for p in self.provisions:
                if key is not None and key in p.get("params", []) and str(p["id"]) in numbers:
                    return numbers[str(p["id"])]
        return None

    def wording(self, prov: dict[str, Any], lang: str) -> str:
        """A provision's model wording with ``{ref:topic}`` filled by the model point holding the topic."""
        text = str(prov.get("text", {}).get(lang, ""))
        _, topic_point = self.numbered(lang)
        return re.sub(r"\{ref:(\w+)\}", lambda m: topic_point.get(m.group(1), "…"), text)

    @property
    def model_points(self) -> dict[str, str]:
        return {k: str(v) for k, v in self.data.get("model_point_numbers", {}).get("points", {}).items()}


def validate(data: Any, path: str) -> Profile:
    if not isinstance(data, dict):
        raise ProfileError("a profile must be a mapping", path=path)
    edition = _need(data, "edition", str, path, "profile")
    generation = _need(data, "generation", str, path, "profile")
    if generation not in generation_edition():
        raise ProfileError(f"unknown generation {generation!r}", path=path, where="generation")
    inf = _need(data, "in_force", dict, path, "profile")
    start = _date(_need(inf, "from", (str, dt.date), path, "in_force"), path, "in_force.from")
    end = None if inf.get("to") is None else _date(inf["to"], path, "in_force.to")
    _evidence(inf, path, "in_force")
    check_signals(data, path)
    topics = topics_data()["topics"]
    for key, spec in _need(data, "parameters", dict, path, "profile").items():
        where = f"parameters.{key}"
        values = _need(spec, "values", list, path, where)
        if not values:
            raise ProfileError("needs at least one dated value", path=path, where=f"{where}.values")
        for i, entry in enumerate(values):
            w = f"{where}.values[{i}]"
            if not isinstance(entry, dict) or "value" not in entry:
                raise ProfileError("missing key 'value'", path=path, where=w)
            entry["from"] = _date(_need(entry, "from", (str, dt.date), path, w), path, f"{w}.from")
            _evidence(entry, path, w)
    seen: set[str] = set()
    params = data["parameters"]
    for i, prov in enumerate(_need(data, "provisions", list, path, "profile")):
        where = f"provisions[{i}]"
        pid = _need(prov, "id", str, path, where)
        if pid in seen:
            raise ProfileError(f"duplicate provision id {pid!r}", path=path, where=where)
        seen.add(pid)
        _evidence(prov, path, f"provisions.{pid}")
        for t in prov.get("topics", []):
            if t not in topics:
                raise ProfileError(
                    f"unknown topic {t!r} (see docgen/check/topics.yaml)",
                    path=path,
                    where=f"provisions.{pid}.topics",
                )
        for t, ev in prov.get("topic_evidence", {}).items():
            if t not in prov.get("topics", []) or ev not in EVIDENCE:
                raise ProfileError(
                    f"topic_evidence {t}: {ev!r} needs a listed topic and one of {', '.join(EVIDENCE)}",
                    path=path,
                    where=f"provisions.{pid}.topic_evidence",
                )
        for p in prov.get("params", []):
            if p not in params:
                raise ProfileError(
                    f"parameter {p!r} has no dated values in 'parameters'",
                    path=path,
                    where=f"provisions.{pid}.params",
                )
        for lang in prov.get("text", {}):
            if lang not in LANGS:
                raise ProfileError(f"unknown language {lang!r}", path=path, where=f"provisions.{pid}.text")
    for i, ft in enumerate(data.get("foreign_topics", [])):
        if ft.get("topic") not in topics:
            raise ProfileError(f"unknown topic {ft.get('topic')!r}", path=path, where=f"foreign_topics[{i}]")
        _evidence(ft, path, f"foreign_topics[{i}]")
    for i, form in enumerate(_need(data, "forms", list, path, "profile")):
        where = f"forms[{i}]"
        _need(form, "appendix", int, path, where)
        _need(form, "kind", str, path, where)
        _evidence(form, path, where)
    check_all_sources(data, path)
    return Profile(edition, generation, path, data, start, end)


def load_profile_file(path: str | os.PathLike[str]) -> Profile:
    p = Path(path)
    data = read_profile_yaml(p)
    return validate(data, str(p))


@lru_cache(maxsize=8)
def _all_profiles(directory: str) -> tuple[Profile, ...]:
    profiles = [load_profile_file(f) for f in sorted(Path(directory).glob("E*.yaml"))]
    if not profiles:
        raise ProfileError("no model profiles (E*.yaml) found", path=directory)
    return tuple(sorted(profiles, key=lambda p: p.valid_from))


def all_profiles() -> tuple[Profile, ...]:
    return _all_profiles(str(models_dir()))


def load_profile(name: str) -> Profile:
    """``E0``/``E1``/``E4`` (a bundled edition) or a path to a profile YAML file."""
    for prof in all_profiles():
        if prof.edition.lower() == name.lower():
            return prof
    if name.endswith((".yaml", ".yml")) or os.sep in name:
        return load_profile_file(name)
    known = ", ".join(p.edition for p in all_profiles())
    raise UsageError(f"unknown model edition {name!r} (known: {known}, or a path to a profile .yaml)")


def in_force_on(day: dt.date) -> Profile | None:
    for prof in reversed(all_profiles()):
        if prof.in_force_on(day):
            return prof
    return None


def for_generation(generation: str | None) -> Profile | None:
    edition = generation_edition().get(generation or "")
    if not edition:
        return None
    return next((p for p in all_profiles() if p.edition == edition), None)
