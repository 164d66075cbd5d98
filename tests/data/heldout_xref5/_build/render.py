"""Render _build/NN.src into NN_*.txt and answers.yaml (held-out set 5).

Markup (one src line = one output line):
  #! filename lang generation      first line
  @P label|text        auto-numbered point, rendered "      N. text" (label '-' = none)
  @I num label|text    inserted point with a literal number such as 9-1 (does not advance the counter)
  @SKIP                numbering gap (counter +1)
  ‹ ... ›              the quote of the reference placeholder(s) inside it
  {R:target:need}                 correct reference
  {W:cited:should:need:kind}      wrong reference (kind planted | inherited)
  {R:target:need:L:R} / {W:...:kind:L:R} outside ‹›: quote = L chars before and R after the number
  target/cited/should: label, label+k, label-k, #N (literal) or A<n> (appendix n)
"""
import re
from pathlib import Path

import yaml

# another set's render.py may run this one on its own _build folder (runpy, init_globals={"BUILD_DIR": ...})
B = globals().get("BUILD_DIR") or Path(__file__).resolve().parent
OUT = B.parent
POINT = re.compile(r"^\s*(\d+(?:-\d+)?)\. ", re.M)
APPX = {"ru": re.compile(r"^Приложение (\d+)\n", re.M), "kk": re.compile(r"^(\d+)-қосымша\n", re.M)}


def where(text, pos, lang):
    apps = list(APPX[lang].finditer(text, 0, pos))
    if apps:
        return f"appendix {apps[-1].group(1)}"
    pts = list(POINT.finditer(text, 0, pos))
    return pts[-1].group(1) if pts else None


def build(src):
    lines = src.read_text(encoding="utf-8").split("\n")
    fname, lang, gen = lines[0][2:].split()
    body = lines[1:]
    labels, n = {}, 0
    for ln in body:
        if ln.startswith("@SKIP"):
            n += 1
        elif ln.startswith("@P "):
            n += 1
            lab = ln[3:].split("|", 1)[0]
            if lab != "-":
                assert lab not in labels, (src, lab)
                labels[lab] = str(n)
        elif ln.startswith("@I "):
            num, rest = ln[3:].split(" ", 1)
            lab = rest.split("|", 1)[0]
            if lab != "-":
                labels[lab] = num
    out, n = [], 0
    for ln in body:
        if ln.startswith("@SKIP"):
            n += 1
            continue
        if ln.startswith("@P "):
            n += 1
            ln = f"      {n}. " + ln[3:].split("|", 1)[1]
        elif ln.startswith("@I "):
            num, rest = ln[3:].split(" ", 1)
            ln = f"      {num}. " + rest.split("|", 1)[1]
        out.append(ln)
    raw = "\n".join(out)

    def res(t):
        if t.startswith("A"):
            return t[1:], f"appendix {t[1:]}"
        if t.startswith("#"):
            return t[1:], t[1:]
        m = re.fullmatch(r"([A-Za-z_0-9]+?)([+-]\d+)?", t)
        v = labels[m.group(1)]
        if m.group(2):
            v = str(int(v) + int(m.group(2)))
        return v, v

    text, refs, qstack = "", [], []
    for tok in re.split(r"(‹|›|\{[RW]:[^{}]*\})", raw):
        if tok == "‹":
            qstack.append((len(text), len(refs)))
        elif tok == "›":
            a, k = qstack.pop()
            for r in refs[k:]:
                r.setdefault("q", (a, len(text)))
        elif tok.startswith(("{R:", "{W:")):
            p = tok[1:-1].split(":")
            num, cites = res(p[1])
            if p[0] == "R":
                r = dict(cites=cites, correct=True, needs=p[2])
                extra = p[3:]
            else:
                r = dict(cites=cites, correct=False, should_cite=res(p[2])[1], needs=p[3], kind=p[4])
                extra = p[5:]
            r["pos"] = len(text)
            if extra:  # quote window: L chars before, R chars after the number
                r["win"] = (int(extra[0]), int(extra[1]), len(num))
            text += num
            refs.append(r)
        else:
            text += tok
    assert not qstack, src
    ents = []
    for r in refs:
        if "win" in r:
            L, R, ln = r["win"]
            r["q"] = (r["pos"] - L, r["pos"] + ln + R)
        assert "q" in r, (src, r)
        q = text[r["q"][0]:r["q"][1]]
        e = {"in_point": where(text, r["pos"], lang), "quote": q, "cites": r["cites"], "correct": r["correct"]}
        if not r["correct"]:
            e["should_cite"] = r["should_cite"]
        e["needs"] = r["needs"]
        if not r["correct"]:
            e["kind"] = r["kind"]
        if text.count(q) != 1 or not 20 <= len(q) <= 120:
            print("BAD QUOTE", fname, len(q), text.count(q), repr(q))
        ents.append(e)
    (OUT / fname).write_text(text, encoding="utf-8")
    return fname, {"language": lang, "generation": gen, "references": ents}


key = {}
for src in sorted(B.glob("*.src")):
    f, e = build(src)
    key[f] = e
(OUT / "answers.yaml").write_text(yaml.safe_dump(key, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
print("rendered", len(key))
