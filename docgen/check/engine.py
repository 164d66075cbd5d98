"""Check stage, orchestration: pick the model edition, run every check, collect one CheckResult.

Consumes a :class:`~docgen.model.Document`, the act's :class:`~docgen.catalogue_model.Catalogue` (or ``None``) and a model
selector (``auto``, an edition code or a profile path); produces a :class:`CheckResult`. The core
(:func:`check_document`) does no I/O, so tests can drive it with JSON catalogue fixtures.
"""

from __future__ import annotations

import datetime as dt

from ..catalogue_model import Catalogue
from ..extract.generation import decide_generation
from ..model import Document
from . import dates, modelcheck, profiles, script, selfcheck, source, values, xref
from .context import Ctx
from .findings import CheckResult, Finding, sort_findings
from .make import finding
from .profiles import Profile


def effective_date(doc: Document, catalogue: Catalogue | None) -> dt.date | None:
    """Date of the text as printed: the latest edit note that changed it (repeal notes excluded), else adoption."""
    return dates.act_dates(doc, catalogue).edition


def detect_generation(catalogue: Catalogue | None) -> str | None:
    """The catalogue's generation, or the one detector (:func:`docgen.extract.generation.decide_generation`)
    over its parameters and forms; None without a catalogue (the edition then follows the act's date)."""
    if catalogue is None:
        return None
    if catalogue.act.generation:
        return str(catalogue.act.generation)
    data = catalogue.to_json()  # the detector reads the JSON shape (it also runs inside extraction)
    return decide_generation(data.get("parameters") or {}, data.get("forms") or [])[0]


def _choose(
    ctx: Ctx,
    model: str | Profile,
    generation: str | None,
    day: dt.date | None,
    repealed: bool,
    as_of: dt.date | None,
) -> tuple[Profile, list[Finding]]:
    notes: list[Finding] = []
    in_force = profiles.in_force_on(day) if day else None
    gen_prof = profiles.for_generation(generation)
    # The edition in force on the act's edition date is the yardstick, not the edition the act was
    # written after. One exception: an act already following a NEWER edition than the one the
    # profiles place in force, where that newer edition's start is only inferred: the act itself
    # shows the newer edition existed by then, so it is compared with it (and the report says why).
    newer_uncertain = (
        gen_prof is not None
        and in_force is not None
        and gen_prof.valid_from > in_force.valid_from
        and gen_prof.boundary_evidence != "FACT"
    )
    auto = (gen_prof if newer_uncertain else in_force) or gen_prof or profiles.all_profiles()[-1]
    if isinstance(model, Profile):
        chosen = model
    elif model.lower() != "auto":
        chosen = profiles.load_profile(model)
    else:
        chosen = auto
    lang = ctx.lang
    if day and in_force and gen_prof and gen_prof.edition != in_force.edition:
        if not newer_uncertain and in_force.boundary_evidence == "FACT":
            notes.append(
                finding(
                    "outdated_edition.act",
                    "error",
                    lang,
                    point="header",
                    quote="",
                    expected=in_force.edition,
                    actual=gen_prof.edition,
                    evidence="FACT",
                    date=day.strftime("%d.%m.%Y"),
                    details={"in_force_from": in_force.valid_from.isoformat()},
                )
            )
        else:
            uncertain = gen_prof if newer_uncertain else in_force
            notes.append(
                finding(
                    "outdated_edition.boundary_uncertain",
                    "warning",
                    lang,
                    point="header",
                    quote="",
                    expected=uncertain.edition,
                    actual=gen_prof.edition,
                    evidence="INFERRED",
                    date=day.strftime("%d.%m.%Y"),
                    chosen=chosen.edition,
                )
            )
    explicit = isinstance(model, Profile) or model.lower() != "auto"
    if day and explicit and not chosen.in_force_on(day):
        notes.append(dates.model_not_in_force(ctx.lang, chosen, in_force, day))
    if as_of and not repealed and day:
        now = profiles.in_force_on(as_of)
        if now and now.edition != chosen.edition and now.valid_from > day:
            notes.append(
                finding(
                    "outdated_edition.now",
                    "warning",
                    lang,
                    point="header",
                    quote="",
                    expected=now.edition,
                    actual=chosen.edition,
                    evidence=now.boundary_evidence if now.boundary_evidence != "SEED-FACT" else "SEED-FACT",
                    in_force=now.valid_from.strftime("%d.%m.%Y"),
                    details={"as_of": as_of.isoformat()},
                )
            )
    return chosen, notes


def check_document(
    doc: Document,
    catalogue: Catalogue | None,
    model: str | Profile = "auto",
    *,
    as_of: dt.date | None = None,
    notes: list[str] | None = None,
) -> CheckResult:
    """Check one parsed act against a model edition and against itself."""
    act = catalogue.act if catalogue is not None else None
    lang = (act.language if act else None) or doc.language or "ru"
    ctx = Ctx(doc, lang if lang in ("kk", "ru") else "ru")
    source.require_methodology(ctx, catalogue)
    when = dates.act_dates(doc, catalogue)
    day = when.edition
    generation = detect_generation(catalogue)
    repealed = when.repealed
    facts = dates.facts(when)
    if str(model).lower() == "auto" and dates.before_every_edition(day):
        notice = dates.not_comparable(ctx.lang, day)
        first = profiles.all_profiles()[0]
        return CheckResult(
            path=doc.source.path,
            language=ctx.lang,
            edition="",
            edition_title="",
            act_date=day.isoformat() if day else None,
            findings=(notice,),
            notes=tuple(notes or ()),
            facts={**facts, "not_comparable_before": first.valid_from.isoformat()},
        )
    profile, found = _choose(ctx, model, generation, day, repealed, as_of)
    cut = source.truncation(ctx)
    found += [cut.finding] if cut else []
    found += source.unnumbered(ctx)
    found += source.transliterated(ctx)
    found += xref.point_references(ctx, catalogue, profile)
    found += xref.appendix_references(ctx, catalogue)
    found += selfcheck.missing_appendices(ctx)
    found += selfcheck.numbering(ctx)
    found += script.typography(ctx)
    found += values.inconsistent_scale(ctx, catalogue)
    found += values.table_gaps(ctx)
    found += values.conflicting_parameters(ctx, catalogue)
    found += modelcheck.provisions(ctx, profile, catalogue)
    found += modelcheck.extra_provisions(ctx, profile)
    found += modelcheck.forms(ctx, catalogue, profile)
    found += modelcheck.values_missing(ctx, catalogue, profile, day)
    if catalogue is not None and catalogue.parameters:
        found += modelcheck.parameters(ctx, catalogue, profile, day)
    else:
        found.append(
            finding("check.catalogue_unavailable", "info", ctx.lang, point="header", evidence="FACT")
        )
    return CheckResult(
        path=doc.source.path,
        language=ctx.lang,
        edition=profile.edition,
        edition_title=profile.title(ctx.lang),
        act_date=day.isoformat() if day else None,
        findings=tuple(sort_findings(source.adjust(ctx, found, cut))),
        notes=tuple(notes or ()),
        facts=facts,
    )


def check_path(
    path: str,
    model: str | Profile = "auto",
    *,
    as_of: dt.date | None = None,
    catalogue: Catalogue | None = None,
) -> CheckResult:
    """Read, parse and check the act at ``path`` (the catalogue is built when the builder exists)."""
    from .inputs import load

    doc, built = load(path, build_catalogue=catalogue is None)
    return check_document(doc, catalogue if catalogue is not None else built, model, as_of=as_of)
