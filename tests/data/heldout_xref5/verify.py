"""Check answers.yaml against the texts in this folder (held-out set 5).

For every key entry:
- the quote occurs exactly once in its file and has 20-120 characters;
- the cited number occurs in the quote (as a whole number);
- the quote stands in the point (or appendix) given by in_point;
- wrong entries carry should_cite and kind (planted | inherited).
For every text: every reference-looking span (RU "пункт/приложение N", KK "N-тармақ/N-қосымша")
lies inside a key quote, unless it is external (an article of a Law: "статьи 31/33", "33-бабы"),
an edit note (Сноска. / Ескерту. lines), or an appendix header. Set 4 additions: the abbreviation
"п. 7" is a reference; every number of an enumeration or range ("пунктами 10 и 11", "пунктов 21–22",
"16, 17 және 18-тармақтарында", "7 және 8-қосымшаларға") must lie inside a key quote; once an
appendix header has been passed, numbered table rows of the form are not points.
Later sets' additions (6, 8, 9): the abbreviations «прил. 2», «пп. 3», «7-тарм.», «2-қос.» are references;
no two key entries share one quote.
Set 5 additions: inserted points ("9-1.", "15-1-тармақ") are points and may be cited; every
should_cite (and every cited number) must exist in the act as a point or an appendix header
(the OCR-like "б-қосымша" header counts as appendix 6); entries are counted by distance.
Prints counts per language, generation and need. Exit code 0 = all checks pass.
Run: python3 verify.py
"""

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

# another set's verify.py may run this one on its own folder (runpy, init_globals={"SET_DIR": ...})
HERE = globals().get("SET_DIR") or Path(__file__).resolve().parent
key = yaml.safe_load((HERE / "answers.yaml").read_text(encoding="utf-8"))

RU = re.compile(
    r"(?<![А-Яа-яЁё])(?:(?:под)?(?:пункт(?:а|ом|е|у|ами|ах|ов)?|приложени(?:ю|я|ем|и|е|ям|ях))|пп?\.|прил\.)\s*(\d+)",
    re.I,
)
KK = re.compile(r"(\d+)-(?:тарм(?:\w+|\.)|қосымша\w*|қос\.)", re.I)
# enumerations and ranges: "пунктами 13 и 14", "пунктов 21–22", "16, 17 және 18-тармақтарында"
RULIST = re.compile(
    r"(?<![А-Яа-яЁё])(?:под)?(?:пункт\w*|приложени\w*|пп?\.|прил\.)\s+(\d+(?:\s*(?:,|и|–|-)\s*\d+)+)", re.I
)
KKLIST = re.compile(r"(\d+(?:\s*(?:,|және|мен|–|-)\s*\d+)+)-(?:тарм(?:\w+|\.)|қосымша\w*|қос\.)", re.I)
EXTERNAL = re.compile(r"стать\w* \d+|\d+-бабы|\d+-қосымша\n|Приложение \d+\n")
NEEDS = {
    "deadline",
    "calibration_procedure",
    "kpi_requirements",
    "categories",
    "form",
    "appeal",
    "familiarization",
    "grades",
    "other",
}
POINT = re.compile(r"^\s*(\d+(?:-\d+)?)\. ", re.M)
APPX = {"ru": re.compile(r"^Приложение (\d+)\n", re.M), "kk": re.compile(r"^(\d+)-қосымша\n", re.M)}


def where(text, pos, lang):
    """Point number or 'appendix N' for a character position."""
    # the methodology starts at its first point "1. " after the approving act; the last
    # appendix header before pos wins over points
    apps = [m for m in APPX[lang].finditer(text, 0, pos)]
    pts = [m for m in POINT.finditer(text, 0, pos)]
    # appendices follow the last point: once an appendix header has been passed, the numbered
    # rows of its form ("5. Отсутствие дисциплинарных взысканий") are not points
    if apps:
        return f"appendix {apps[-1].group(1)}"
    return pts[-1].group(1) if pts else None


ok = True


def bad(msg):
    global ok
    ok = False
    print("FAIL", msg)


tot = Counter()
needs_w, needs_c = Counter(), Counter()
dist = Counter()
for fname, entry in key.items():
    text = (HERE / fname).read_text(encoding="utf-8")
    lang = entry["language"]
    refs = entry["references"]
    spans = []
    qs = [r["quote"] for r in refs]
    for q in set(qs):
        if qs.count(q) > 1:
            bad(f"{fname}: {qs.count(q)} entries share one quote (use window quotes): {q!r}")
    for r in refs:
        q = r["quote"]
        n = text.count(q)
        if n != 1:
            bad(f"{fname}: quote occurs {n} times: {q!r}")
        if not 20 <= len(q) <= 120:
            bad(f"{fname}: quote length {len(q)}: {q!r}")
        num = str(r["cites"]).replace("appendix ", "")
        if not re.search(rf"(?<!\d){num}(?!\d)", q):
            bad(f"{fname}: cited number {num} not in quote {q!r}")
        if r["needs"] not in NEEDS:
            bad(f"{fname}: unknown need {r['needs']}")
        if r["correct"]:
            if "should_cite" in r or "kind" in r:
                bad(f"{fname}: correct entry with should_cite/kind: {q!r}")
        else:
            if not r.get("should_cite") or r.get("kind") not in ("planted", "inherited"):
                bad(f"{fname}: wrong entry lacks should_cite/kind: {q!r}")
            if r.get("should_cite") == r["cites"]:
                bad(f"{fname}: should_cite equals cites: {q!r}")
        if n >= 1:
            a = text.find(q)
            spans.append((a, a + len(q)))
            w = where(text, a, lang)
            if w != r["in_point"]:
                bad(f"{fname}: quote stands in {w}, key says {r['in_point']}: {q!r}")
    pat = KK if lang == "kk" else RU
    for m in pat.finditer(text):
        if any(a <= m.start() and m.end() <= b for a, b in spans):
            continue
        ls = text.rfind("\n", 0, m.start()) + 1
        line = text[ls : text.find("\n", m.end()) if text.find("\n", m.end()) > 0 else len(text)]
        if line.lstrip().startswith(("Сноска.", "Ескерту.")):
            continue
        ctx = text[max(ls, m.start() - 60) : m.end() + 25]
        if EXTERNAL.search(ctx):
            continue
        bad(f"{fname}: reference-looking span not in the key: {ctx!r}")
    lpat = KKLIST if lang == "kk" else RULIST
    for m in lpat.finditer(text):
        for d in re.finditer(r"\d+", m.group(1)):
            a0 = m.start(1) + d.start()
            b0 = a0 + len(d.group())
            if not any(a <= a0 and b0 <= b for a, b in spans):
                ls = text.rfind("\n", 0, m.start()) + 1
                if text[ls:].lstrip().startswith(("Сноска.", "Ескерту.")):
                    continue
                ctx = text[max(ls, m.start() - 60) : m.end() + 25]
                if EXTERNAL.search(ctx):
                    continue
                bad(f"{fname}: number {d.group()} of an enumeration/range not in the key: {ctx!r}")
    pts = set(POINT.findall(text))
    apps = set(APPX[lang].findall(text)) | ({"6"} if "\nб-қосымша\n" in text else set())
    for r in refs:
        for fld in ("cites", "should_cite"):
            if fld not in r:
                continue
            v = str(r[fld])
            ok_ = (v[9:] in apps) if v.startswith("appendix ") else (v in pts)
            if not ok_:
                bad(f"{fname}: {fld} {v} does not exist in the act: {r['quote']!r}")
    w = [r for r in refs if not r["correct"]]
    inh = sum(1 for r in w if r["kind"] == "inherited")
    off1 = 0
    for r in w:
        a, b = str(r["cites"]).replace("appendix ", ""), str(r["should_cite"]).replace("appendix ", "")
        if "-" in a or "-" in b:
            dist[(r["kind"], "inserted")] += 1
            continue
        off1 += abs(int(a) - int(b)) == 1
        dist[(r["kind"], abs(int(a) - int(b)))] += 1
    for r in refs:
        (needs_c if r["correct"] else needs_w)[r["needs"]] += 1
    for k in (
        ("lang", lang),
        ("gen", entry["generation"]),
        ("lang/gen", f"{lang}/{entry['generation']}"),
        ("all", "all"),
    ):
        tot[(k, "texts")] += 1
        tot[(k, "wrong")] += len(w)
        tot[(k, "inherited")] += inh
        tot[(k, "off_by_one")] += off1
        tot[(k, "correct")] += len(refs) - len(w)
    print(
        f"{fname}: {lang} {entry['generation']} wrong={len(w)} (inherited {inh}, off by one {off1}) "
        f"correct={len(refs) - len(w)} bytes={len(text.encode())}"
    )

print()
for k in sorted({k for k, _ in tot}):
    print(k, {m: tot[(k, m)] for m in ("texts", "wrong", "inherited", "off_by_one", "correct")})
print("wrong by need:", dict(needs_w.most_common()))
print("correct by need:", dict(needs_c.most_common()))
print("wrong by (kind, distance):", dict(sorted(dist.items(), key=str)))
print("OK" if ok else "FAILED")
sys.exit(0 if ok else 1)
