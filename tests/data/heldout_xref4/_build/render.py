"""Render _build/NN.src into NN_*.txt and answers.yaml (set 4).

Markup (one line = one line of output):
  @P label|text      numbered point (auto number; label '-' = no label), rendered "      N. text"
  @SKIP              skip one number (numbering gap)
  @SET n             next point gets number n
  ‹ ... ›            the quote of the reference placeholder inside it
  {R:target:need}                correct reference
  {W:cited:should:need:kind}     wrong reference (kind: planted | inherited)
  target / cited / should: a point label, label+k / label-k, #N (literal number) or A<n> (appendix n)
  {R:target:need:L:R} (outside ‹›): quote = L chars before and R chars after the number
First line of the src: "#! filename lang generation".
"""
import re, sys, yaml
from pathlib import Path

# the _build folder rendered: this one, or that of the set that runs this file (dev_xref6, dev_xref7)
B = Path(globals().get("BUILD_DIR", Path(__file__).resolve().parent))
OUT = B.parent
POINT = re.compile(r"^\s*(\d+)\. ", re.M)
APPX = {"ru": re.compile(r"^Приложение (\d+)\n", re.M), "kk": re.compile(r"^(\d+)-қосымша\n", re.M)}
PH = re.compile(r"\{([RW]):([^{}]*)\}")


def where(text, pos, lang):
    apps = [m for m in APPX[lang].finditer(text, 0, pos)]
    pts = [m for m in POINT.finditer(text, 0, pos)]
    # appendices follow the last point: once an appendix header has been passed, the numbered
    # rows of its form ("5. Отсутствие дисциплинарных взысканий") are not points
    if apps:
        return f"appendix {apps[-1].group(1)}"
    return pts[-1].group(1) if pts else None


def build(src):
    lines = src.read_text(encoding="utf-8").split("\n")
    fname, lang, gen = lines[0][2:].split()
    body = lines[1:]
    labels, n = {}, 0
    for ln in body:  # first pass: numbers
        if ln.startswith("@SKIP"):
            n += 1
        elif ln.startswith("@SET"):
            n = int(ln.split()[1]) - 1
        elif ln.startswith("@P "):
            n += 1
            lab = ln[3:].split("|", 1)[0]
            if lab != "-":
                assert lab not in labels, (src, lab)
                labels[lab] = n
    out, n = [], 0
    for ln in body:
        if ln.startswith("@SKIP"):
            n += 1
            continue
        if ln.startswith("@SET"):
            n = int(ln.split()[1]) - 1
            continue
        if ln.startswith("@P "):
            n += 1
            ln = f"      {n}. " + ln[3:].split("|", 1)[1]
        out.append(ln)
    raw = "\n".join(out)

    def res(t):
        if t.startswith("A"):
            return t[1:], f"appendix {t[1:]}"
        if t.startswith("#"):
            return t[1:], t[1:]
        m = re.fullmatch(r"([\w\-]+?)([+-]\d+)?", t)
        v = labels[m.group(1)] + (int(m.group(2)) if m.group(2) else 0)
        return str(v), str(v)

    # render placeholders, track positions
    text, refs, i, qstack, quotes = "", [], 0, [], []
    tokens = re.split(r"(‹|›|\{[RW]:[^{}]*\})", raw)
    for tok in tokens:
        if tok == "‹":
            qstack.append((len(text), len(refs)))
        elif tok == "›":
            a, k = qstack.pop()
            for r in refs[k:]:
                if "qa" not in r:
                    r["qa"], r["qb"] = a, len(text)
        elif tok.startswith("{R:") or tok.startswith("{W:"):
            parts = tok[1:-1].split(":")
            r = {"kind0": parts[0]}
            if parts[0] == "R":
                num, cites = res(parts[1]); r.update(cites=cites, correct=True, needs=parts[2])
                extra = parts[3:]
            else:
                num, cites = res(parts[1]); _, sh = res(parts[2])
                r.update(cites=cites, correct=False, should_cite=sh, needs=parts[3], kind=parts[4])
                extra = parts[5:]
            r["pos"] = len(text)
            r["len"] = len(num)
            if extra:
                r["L"], r["R"] = int(extra[0]), int(extra[1])
            text += num
            refs.append(r)
        else:
            text += tok
    assert not qstack, src
    ents = []
    for r in refs:
        if "L" in r:
            a, b = r["pos"] - r["L"], r["pos"] + r["len"] + r["R"]
        else:
            a, b = r["qa"], r["qb"]
        q = text[a:b]
        e = {"in_point": where(text, r["pos"], lang), "quote": q, "cites": r["cites"],
             "correct": r["correct"]}
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
