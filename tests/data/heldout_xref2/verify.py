"""Check answers.yaml against the texts in this folder.

For every answer-key entry:
- the quote occurs exactly once in its file and has 20-120 characters;
- the cited number occurs in the quote as a separate number;
- in_point is right: the quote lies inside that point (or inside `appendix N`),
  found by re-parsing the numbered points and appendix headers of the text;
- wrong entries have should_cite != cites and kind in {planted, inherited};
  correct entries have neither;
- needs is one of the known values.
For every text: every reference-looking span (RU «пункт(ом|а|е) N», «приложени(ю|я|ем) N»;
KK «N-тармақ…», «N-қосымша…») is covered by a key quote, unless it is one of the
excluded kinds (Law art. 33, edit notes, appendix headers), see README.
Prints counts per language, generation and need. Exit code 0 when all checks pass.
Run: python3 verify.py
"""

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
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
RU = re.compile(r"(?:пункт(?:а|ом|е|у|ами|ах)?|приложени(?:ю|я|ем|и|е|ям))\s+(\d+)", re.I)
KK = re.compile(r"(\d+)-(?:тарма[қғ]\w*|қосымша\w*)", re.I)
EXCLUDED = re.compile(
    r"стать\w* \d+|\d+-баб|Сноска\. Пункт \d+|Ескерту\. \d+-тармақ"
    r"|^\s*\d+-қосымша$|^\s*Приложение \d+$",
    re.M,
)
START = re.compile(r"(?m)^\s*(?:Глава 1\.|1-тарау\.)")
POINT = re.compile(r"(?m)^[ \t]*(\d+)\. ")
APPX = re.compile(r"(?m)^[ \t]*(?:Приложение (\d+)|(\d+|б)-қосымша)[ \t]*$")


def locate(text):
    """Return a function pos -> 'N' (point) or 'appendix N'."""
    start = START.search(text).start()
    apps = [
        (m.start(), int(m.group(1) or (6 if m.group(2) == "б" else m.group(2))))
        for m in APPX.finditer(text, start)
    ]
    first_app = apps[0][0] if apps else len(text)
    pts = [(m.start(), m.group(1)) for m in POINT.finditer(text, start, first_app)]

    def where(pos):
        a = [n for p, n in apps if p <= pos]
        if a:
            return f"appendix {a[-1]}"
        p = [n for q, n in pts if q <= pos]
        return p[-1] if p else None

    return where


def main():
    key = yaml.safe_load((HERE / "answers.yaml").read_text(encoding="utf-8"))
    ok = True
    tot = Counter()
    needs = Counter()

    def bad(msg):
        nonlocal ok
        ok = False
        print("FAIL", msg)

    for fname, entry in key.items():
        text = (HERE / fname).read_text(encoding="utf-8")
        where = locate(text)
        refs = entry["references"]
        spans = []
        for r in refs:
            q = r["quote"]
            n = text.count(q)
            if n != 1:
                bad(f"{fname}: quote occurs {n} times: {q!r}")
            if not 20 <= len(q) <= 120:
                bad(f"{fname}: quote length {len(q)}: {q!r}")
            num = str(r["cites"]).replace("appendix ", "")
            if not re.search(rf"(?<![\d.,]){num}(?![\d,])", q):
                bad(f"{fname}: cited number {num} not in quote {q!r}")
            pos = text.find(q)
            if pos >= 0:
                spans.append((pos, pos + len(q)))
                w = where(pos)
                if w != str(r["in_point"]):
                    bad(f"{fname}: in_point {r['in_point']!r} but quote stands in {w!r}: {q!r}")
            if r["needs"] not in NEEDS:
                bad(f"{fname}: unknown needs {r['needs']!r}")
            if r["correct"]:
                if "should_cite" in r or "kind" in r:
                    bad(f"{fname}: correct entry with should_cite/kind: {q!r}")
            else:
                if r.get("kind") not in ("planted", "inherited") or not r.get("should_cite"):
                    bad(f"{fname}: wrong entry without kind/should_cite: {q!r}")
                elif str(r["should_cite"]) == str(r["cites"]):
                    bad(f"{fname}: should_cite equals cites: {q!r}")
                needs[r["needs"]] += 1
        pat = KK if entry["language"] == "kk" else RU
        for m in pat.finditer(text):
            if any(a <= m.start() and m.end() <= b for a, b in spans):
                continue
            ls = text.rfind("\n", 0, m.start()) + 1
            le = text.find("\n", m.end())
            line = text[ls : le if le >= 0 else len(text)]
            ctx = text[max(ls, m.start() - 40) : m.end() + 20]
            if EXCLUDED.search(ctx) or EXCLUDED.fullmatch(line.strip()):
                continue
            bad(f"{fname}: reference-looking span not in the key: {ctx!r}")
        w = sum(1 for r in refs if not r["correct"])
        inh = sum(1 for r in refs if not r["correct"] and r["kind"] == "inherited")
        c = len(refs) - w
        for k in (
            entry["language"],
            entry["generation"],
            f"{entry['language']}/{entry['generation']}",
            "all",
        ):
            tot[(k, "texts")] += 1
            tot[(k, "wrong")] += w
            tot[(k, "inherited")] += inh
            tot[(k, "correct")] += c
        size = len(text.encode("utf-8"))
        if not 20_000 <= size <= 40_000:
            bad(f"{fname}: size {size} bytes outside 20-40 KB")
        print(
            f"{fname}: {entry['language']} {entry['generation']} wrong={w} (inherited {inh}) "
            f"correct={c} bytes={size}"
        )
    print()
    for k in sorted({k for k, _ in tot}):
        print(f"{k:32s}", {m: tot[(k, m)] for m in ("texts", "wrong", "inherited", "correct")})
    print("wrong by need:", dict(needs.most_common()))
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
