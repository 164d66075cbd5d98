"""CLI helper of ``docgen amend``: what ``docgen check`` judges of the old edition, turned into the
amendment's plan (the draft layer may not import check, so the two meet here).

- ``--to E``: the act must be of the generation edition E governs (else one line, exit 2); the model
  provisions check finds missing are inserted (:func:`docgen.draft.tomodel.model_inserts`), a point
  whose every topic is one the edition dropped is excluded, and a point that mixes a dropped topic with
  a model provision, or holds a model provision only in part, is reported for the lawyer to edit.
- Always: the cross references check judges wrong in the old text (by content: the point the reference
  names does not hold what the sentence needs) are reported in the output and in the comparison table,
  and kept as printed (an amendment changes only what was asked).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..catalogue_model import Catalogue
from ..draft.amend import Insert
from ..errors import DocgenError, InputError
from ..model import Document

__all__ = ["Plan", "plan_for"]

_MSG = {
    "unknown_model": {
        "kk": "{to} редакциясының мәтіні жоқ; күтіледі: {known}",
        "ru": "текста редакции {to} нет; ожидается: {known}",
    },
    "generation": {
        "kk": "акт үлгілік әдістеменің басқа буынына жатады ({act}); {to} редакциясы тек мына буынның "
        "актілеріне қолданылады: {want}; жаңа әдістеме: docgen draft --model {to}",
        "ru": "акт относится к другому поколению Типовой методики ({act}); редакция {to} применима только "
        "к актам поколения: {want}; новая методика: docgen draft --model {to}",
    },
    "unknown_generation": {"kk": "буыны анықталмаған", "ru": "поколение не определено"},
    "mixed": {
        "kk": "{point}-тармақта үлгілік әдістеменің {to} редакциясында жоқ ереже бар, бірақ тармақта "
        "үлгінің ережесі де бар; тармақ алып тасталмады, қолмен түзетіңіз",
        "ru": "пункт {point} содержит правило, которого нет в редакции {to} Типовой методики, но в нём есть "
        "и положение Типовой методики; пункт не исключён, исправьте вручную",
    },
    "partial": {
        "kk": "{point}-тармақта үлгілік әдістеменің {mp}-тармағының ережесі толық емес: {what}; "
        "қолмен толықтырыңыз",
        "ru": "в пункте {point} положение пункта {mp} Типовой методики неполное: нет {what}; дополните вручную",
    },
    "wrong_ref": {
        "kk": "{msg} Түзетуде сілтеме өзгеріссіз қалдырылды.",
        "ru": "{msg} В поправке ссылка оставлена без изменений.",
    },
}


def _m(lang: str, name: str, **kw: object) -> str:
    return _MSG[name]["kk" if lang == "kk" else "ru"].format(**kw)


@dataclass
class Plan:
    inserts: list[Insert] = field(default_factory=list)
    model_deletes: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # wrong references of the old text


def plan_for(
    doc: Document, cat: Catalogue, to: str | None, lang: str, path: str, say: str | None = None
) -> Plan:
    """What ``--to`` adds and excludes (in the act's language ``lang``) and the references the act has
    wrong; the messages in ``say`` (a web page's interface language), by default ``lang``."""
    from ..check import check_document, load_profile
    from ..check.data import label, topics_of
    from ..data.labels import word
    from ..draft.model import editions_with_text
    from ..draft.tomodel import generation_of, model_inserts

    msg = say if say in ("kk", "ru") else lang
    plan = Plan()
    profile = None
    if to is not None:
        known = editions_with_text()
        if to not in known:
            raise InputError(_m(msg, "unknown_model", to=to, known=", ".join(known)), path=path, where="--to")
        want = generation_of(to)
        have = cat.act.generation or ""
        if have != want:
            act_gen = word(f"document.generation.{have}", msg) if have else None
            raise InputError(
                _m(
                    lang,
                    "generation",
                    act=act_gen or _m(msg, "unknown_generation"),
                    to=to,
                    want=word(f"document.generation.{want}", msg) or want,
                ),
                path=path,
                where="--to",
            )
        profile = load_profile(to)
    if profile is None:
        plan.notes = _wrong_references(doc, cat, lang, msg)
        return plan
    findings = check_document(doc, cat, profile).findings
    for f in findings:
        if f.code.startswith("broken_cross_reference."):
            plan.notes.append(_m(msg, "wrong_ref", msg=_said_in(f, msg, lang)))
    if to is None:
        return plan
    live = [p for p in doc.points if not p.deleted]
    topics = {p.number: topics_of(doc.text[p.start : p.end], lang) for p in live}
    model_topics: set[str] = set()
    located: dict[str, str] = {}
    for prov in profile.provisions:
        own = set(prov.get("topics", []))
        model_topics |= own
        hit = next((p.number for p in live if own & topics[p.number]), None)
        if hit is None:
            for key in prov.get("params", []):
                par = cat.param(key)
                if par is not None and par.source.point and doc.point(str(par.source.point)) is not None:
                    hit = str(par.source.point)
                    break
        if hit is not None:
            located[str(prov["id"])] = hit
    missing: list[str] = []
    by_id: dict[str, dict[str, Any]] = {str(p["id"]): p for p in profile.provisions}
    for f in findings:
        if f.code != "missing_provision.topic":
            continue
        pid = str(f.details.get("provision", ""))
        spec = by_id.get(pid)
        if spec is None or spec.get("scope") == "text":
            plan.warnings.append(f.message)
        elif pid in located:
            what = label(f"topics.{f.details.get('topic', '')}", msg, str(f.details.get("topic", "")))
            mp = f.details.get("model_point") or "?"
            plan.warnings.append(_m(msg, "partial", point=located[pid], mp=mp, what=f"«{what}»"))
        elif pid not in missing:
            missing.append(pid)
    plan.inserts = model_inserts(cat, to, lang, located, missing, path)
    for f in findings:
        if f.code != "extra_provision.topic" or not f.point:
            continue
        for p in live:
            here = topics[p.number]
            foreign = {str(t["topic"]) for t in profile.foreign_topics} & here
            if not foreign or p.number in plan.model_deletes:
                continue
            if here & model_topics:
                msg = _m(msg, "mixed", point=p.number, to=to)
                if msg not in plan.warnings:
                    plan.warnings.append(msg)
            else:
                plan.model_deletes[p.number] = (to, None)
    return plan


def _said_in(f: Any, lang: str, act_lang: str) -> str:
    """A wrong reference's finding said in ``lang`` (check says it in the act's language)."""
    from ..check.data import label, message

    if lang == act_lang:
        return str(f.message)
    unit = str(f.point)
    where = (
        label("ref_in_appendix", lang).format(appendix=unit[3:])
        if unit.startswith("app")
        else label("ref_in_point", lang).format(point=unit)
    )
    need = str((f.details or {}).get("need", ""))
    try:
        return message(
            f.code,
            lang,
            where=where,
            target=f.actual,
            expected=f.expected,
            topic_label=label(f"needs.{need}", lang) if need else "",
            form_label=(f.details or {}).get("form_label", ""),
        )
    except Exception:  # noqa: BLE001 - a message check may word differently: said as check said it
        return str(f.message)


def _wrong_references(doc: Document, cat: Catalogue, lang: str, say: str | None = None) -> list[str]:
    """Only check's cross-reference judgement (a fifth of a whole check's time), against the latest
    profile of the act's generation (which tells an inherited model number from a plain error)."""
    from ..check import all_profiles
    from ..check.context import Ctx
    from ..check.xref import point_references

    gen = cat.act.generation
    profile = next((p for p in reversed(all_profiles()) if p.generation == gen), None)
    try:
        found = point_references(Ctx(doc, lang), cat, profile)
    except DocgenError:
        return []  # an act check cannot judge: nothing to report about its references
    msg = say or lang
    return [
        _m(msg, "wrong_ref", msg=_said_in(f, msg, lang))
        for f in found
        if f.code.startswith("broken_cross_reference.")
    ]
