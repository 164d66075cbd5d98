"""Draft stage, the body's name in the cases the text needs (kk: nom, gen, dat; ru: nom, gen, dat, ablt).

Kazakh: the last word takes the suffix (vowel harmony, last sound; after the 3rd-person possessive
of a compound name, "әкімдігі" -> "әкімдігінің" / "әкімдігіне"). Russian: the words up to and
including the head noun are inflected with pymorphy3 ("акимат Абайской области" ->
"акимата Абайской области"); the rest (genitive dependents, quoted names) stays.
BODY.yaml ``body_name_forms`` overrides any derived form.
"""

from __future__ import annotations

from .words import kk_suffix, morph

KK_FORMS = ("nom", "gen", "dat")
RU_FORMS = ("nom", "gen", "dat", "ablt")
_RU_CASE = {"nom": "nomn", "gen": "gent", "dat": "datv", "ablt": "ablt"}


def kk_forms(name: str) -> dict[str, str]:
    words = name.split()
    last = words[-1]
    possessive = len(words) > 1 and last.lower().endswith(("ы", "і"))
    out = {"nom": name}
    for case in ("gen", "dat"):
        out[case] = " ".join([*words[:-1], last + kk_suffix(last, case, possessive=possessive)])
    return out


def _ru_word(word: str, case: str) -> tuple[str, bool]:
    """(``word`` in ``case``, whether it was the head noun)."""
    core = word.strip(",")
    if not core.isalpha() and not core.replace("-", "").isalpha():
        return word, False  # digits, punctuation, codes: kept as written
    if len(core) > 1 and core.isupper():
        return word, True  # an abbreviation ("ГУ", "РГУ") does not decline and heads the name
    parses = [p for p in morph().parse(core) if "nomn" in p.tag and p.tag.POS in ("NOUN", "ADJF")]
    sing = [p for p in parses if "sing" in p.tag] or parses
    if not sing:
        # an unknown word (a loan such as "маслихат"): a masculine noun ending in a consonant
        endings = {"gent": "а", "datv": "у", "ablt": "ом", "nomn": ""}
        if core[-1:].lower() in "бвгджзклмнпрстфхцчшщ":
            return word.replace(core, core + endings[case]), True
        return word, True
    p = sing[0]
    form = p.inflect({case})
    new = str(form.word) if form is not None else core
    if core[:1].isupper():
        new = new[:1].upper() + new[1:]
    return word.replace(core, new), p.tag.POS == "NOUN"


def ru_forms(name: str) -> dict[str, str]:
    out = {"nom": name}
    words = name.split()
    for form, case in _RU_CASE.items():
        if form == "nom":
            continue
        done: list[str] = []
        head = False
        for i, w in enumerate(words):
            if head or w.startswith(("«", '"')):
                done += words[i:]
                break
            new, head = _ru_word(w, case)
            done.append(new)
        out[form] = " ".join(done)
    return out


def name_forms(name: str, lang: str, overrides: dict[str, str] | None = None) -> dict[str, str]:
    forms = kk_forms(name) if lang == "kk" else ru_forms(name)
    forms.update(overrides or {})
    return forms
