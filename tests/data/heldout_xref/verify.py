"""Check answers.yaml against the texts in this folder.

- every quote occurs in its file (reports how many times; 1 is expected);
- the cited number appears inside the quote;
- the number of reference-looking spans in each text equals the number of
  answer-key entries (external references to the Law / the model and edit
  notes are filtered out, see README);
- prints the counts per language and generation.
Run: python3 verify.py
"""

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
key = yaml.safe_load((HERE / "answers.yaml").read_text(encoding="utf-8"))

# reference-looking spans (internal or external)
RU = re.compile(r"(?:пункт(?:а|ом|е|у|ами|ах)?|приложени(?:ю|я|ем|и|е))\s+(\d+)", re.I)
KK = re.compile(r"(\d+)-(?:тарма[қғ]\w*|қосымша\w*)", re.I)
EXTERNAL = re.compile(
    r"стать\w* \d+|\d+-бабы|Үлгілік әдістемеге|бұйрығының \d+-қосымша"
    r"|Сноска\. Пункт|Ескерту\. \d+-тармақ|\d+-қосымша\n|Приложение \d+ ?(?:\n|к Методике)"
)

ok = True
tot = Counter()
for fname, entry in key.items():
    text = (HERE / fname).read_text(encoding="utf-8")
    refs = entry["references"]
    for r in refs:
        n = text.count(r["quote"])
        if n != 1:
            print(f"{fname}: quote occurs {n} times: {r['quote']!r}")
            ok = ok and n >= 1
        if not (20 <= len(r["quote"]) <= 120):
            print(f"{fname}: quote length {len(r['quote'])}: {r['quote']!r}")
        num = r["cites"].replace("appendix ", "")
        if not re.search(rf"(?<!\d){num}(?!\d)", r["quote"]):
            print(f"{fname}: cited number {num} not in quote {r['quote']!r}")
            ok = False
        if not r["correct"]:
            assert r.get("should_cite") and r.get("kind") in ("planted", "inherited"), r
    # every reference-looking span must be covered by a key quote, unless it is
    # external (Law art. 33, the model's appendices), an edit note or an appendix header
    spans = [(text.find(r["quote"]), text.find(r["quote"]) + len(r["quote"])) for r in refs]
    pat = KK if entry["language"] == "kk" else RU
    for m in pat.finditer(text):
        if any(a <= m.start() and m.end() <= b for a, b in spans):
            continue
        ls = text.rfind("\n", 0, m.start()) + 1
        ctx = text[max(ls, m.start() - 60) : m.end() + 25]
        if EXTERNAL.search(ctx):
            continue
        print(f"{fname}: reference-looking span not in the key: {ctx!r}")
        ok = False
    w = sum(1 for r in refs if not r["correct"])
    c = len(refs) - w
    for k in (("lang", entry["language"]), ("gen", entry["generation"]), ("all", "all")):
        tot[(k, "texts")] += 1
        tot[(k, "wrong")] += w
        tot[(k, "correct")] += c
    inh = sum(1 for r in refs if not r["correct"] and r["kind"] == "inherited")
    tot[(("all", "all"), "inherited")] += inh
    print(
        f"{fname}: {entry['language']} {entry['generation']} wrong={w} (inherited {inh}) correct={c} bytes={len(text.encode())}"
    )

print()
for k in sorted({k for k, _ in tot}):
    print(k, {m: tot[(k, m)] for m in ("texts", "wrong", "correct", "inherited") if (k, m) in tot})
sys.exit(0 if ok else 1)
