"""Check stage, clean act from a model profile: the reference text a compliant act would be.

Consumes a :class:`Profile` and a language; produces ``(text, catalogue)``: a methodology built
from the profile's provision wordings (cross-references resolved to the generated numbering) and
forms, and the catalogue of the values it states. Checking this text must give no error finding.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..catalogue_model import Catalogue
from .data import topics_data
from .profiles import Profile

_BACK_VOWELS = set("аоұы")


def _kk_date(day: dt.date) -> str:
    months = {v: k for k, v in topics_data()["months"]["kk"].items()}
    stem = months[day.month]
    last_vowel = next((c for c in reversed(stem) if c in "аәеиоөұүыі"), "а")
    suffix = "дағы" if last_vowel in _BACK_VOWELS else "дегі"
    return f"{day.year} жылғы {day.day} {stem}{suffix}"


_RU_MONTHS = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]


def _frame(lang: str, day: dt.date, title: str) -> tuple[list[str], str]:
    if lang == "kk":
        head = [
            f"{title} бекіту туралы",
            "",
            f"Мемлекеттік органның {_kk_date(day)} № 1 қаулысы",
            "",
            "Мемлекеттік орган ҚАУЛЫ ЕТЕДІ:",
            "",
            "1. Қоса беріліп отырған әдістеме бекітілсін.",
            "",
            "2. Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.",
            "",
        ]
        return head, "Әдістемеге\n{n}-қосымша\nНысан"
    head = [
        f"Об утверждении методики: {title}",
        "",
        f"Постановление государственного органа от {day.day} {_RU_MONTHS[day.month - 1]} {day.year} года № 1.",
        "",
        "Государственный орган ПОСТАНОВЛЯЕТ:",
        "",
        "1. Утвердить прилагаемую методику.",
        "",
        "2. Настоящее постановление вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.",
        "",
    ]
    return head, "Приложение {n} к Методике\nФорма"


def generate_clean(profile: Profile, lang: str, act_date: dt.date | None = None) -> tuple[str, Catalogue]:
    day = act_date or (profile.valid_from + dt.timedelta(days=60))
    body = [p for p in profile.provisions if p.get("chapter") and p.get("text", {}).get(lang)]
    if not body:
        raise ValueError(f"profile {profile.edition} has no {lang} wording")
    numbers = {p["id"]: str(i) for i, p in enumerate(body, 1)}
    topic_point: dict[str, str] = {}
    for p in body:
        for t in p.get("topics", []):
            topic_point.setdefault(t, numbers[p["id"]])
    chapters = {
        c["number"]: c["title"][lang] for c in profile.data.get("chapters", []) if lang in c.get("title", {})
    }
    title = profile.title(lang)
    lines, caption = _frame(lang, day, title)
    lines += [title, ""]
    parameters: dict[str, Any] = {}
    current = None
    for p in body:
        if p["chapter"] != current:
            current = p["chapter"]
            heading = f"{current}-тарау. " if lang == "kk" else f"Глава {current}. "
            lines += [heading + chapters.get(current, ""), ""]
        text = re.sub(r"\{ref:(\w+)\}", lambda m: topic_point[m.group(1)], p["text"][lang])
        num = numbers[p["id"]]
        lines += [f"{num}. {text}", ""]
        for key in p.get("params", []):
            model = profile.value_at(key, day)
            if model is not None:
                parameters[key] = {
                    "value": model["value"],
                    "unit": model.get("unit"),
                    "source": {"point": num, "quote": text},
                }
    extra = [p for p in profile.provisions if p.get("scope") == "text" and p.get("text", {}).get(lang)]
    forms = []
    for form in profile.forms:
        n = form["appendix"]
        ftitle = (form.get("title") or {}).get(lang) or form["kind"]
        lines += [caption.format(n=n), "", ftitle, ""]
        columns = (form.get("columns") or {}).get(lang)
        if columns:
            lines.append("\t".join(columns))
        rows = [(r[0] if isinstance(r, list) else r) for r in (form.get("rows") or {}).get(lang, [])]
        lines += [f"{i}. {r}\t\t\t" for i, r in enumerate(rows, 1)]
        for p in extra:
            lines += ["", p["text"][lang]]
            for key in p.get("params", []):
                model = profile.value_at(key, day)
                if model is not None:
                    parameters.setdefault(
                        key,
                        {
                            "value": model["value"],
                            "unit": model.get("unit"),
                            "source": {"point": f"app{n}", "quote": p["text"][lang]},
                        },
                    )
        lines.append("")
        forms.append(
            {"appendix": n, "kind": form["kind"], "title": ftitle, "rows": rows, "columns": columns or []}
        )
    catalogue: dict[str, Any] = {
        "document": {
            "act_date": day.isoformat(),
            "language": lang,
            "generation": profile.generation,
            "status": "in_force",
        },
        "parameters": parameters,
        "forms": forms,
    }
    return "\n".join(lines) + "\n", Catalogue.from_json(catalogue)
