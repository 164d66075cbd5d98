"""Render held-out texts from marked-up sources (*.src in this folder).

Markup:
  #lang kk|ru / #gen <generation> / #out <file name>      metadata lines
  #indent N                                                 spaces before point numbers
  @P <label|-> text      numbered point (auto numbering); text may be empty
  @A <label>             start of appendix (numbered 1, 2, ... in order); the line is not printed
  {N:label}              number of a point/appendix as plain text (no reference)
  {R:label:needs}        correct internal reference
  {W:cited>should:needs:kind}   wrong reference; `cited` is a label or =N (a literal number)
"""
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
PH = re.compile(r"\{([NRW]):([^}]*)\}")


def parse(src):
    meta, lines = {"indent": ""}, []
    for line in src.split("\n"):
        if line.startswith("#lang ") or line.startswith("#gen ") or line.startswith("#out ") or line.startswith("#indent "):
            k, v = line[1:].split(None, 1)
            meta[k] = " " * int(v) if k == "indent" else v.strip()
        else:
            lines.append(line)
    return meta, lines


def numbering(lines):
    pts, apps, n, a = {}, {}, 0, 0
    for line in lines:
        if line.startswith("@P "):
            n += 1
            lab = line.split(" ", 2)[1]
            if lab != "-":
                assert lab not in pts and lab not in apps, lab
                pts[lab] = n
        elif line.startswith("@A "):
            a += 1
            lab = line.split()[1]
            assert lab not in pts and lab not in apps, lab
            apps[lab] = a
    return pts, apps


def num_of(lab, pts, apps):
    if lab.startswith("="):
        return lab[1:], None
    if lab in pts:
        return str(pts[lab]), "point"
    return str(apps[lab]), "appendix"


def build(path):
    meta, lines = parse(path.read_text(encoding="utf-8"))
    pts, apps = numbering(lines)
    out, refs = [], []
    n = a = 0
    where = None
    for line in lines:
        if line.startswith("@A "):
            a += 1
            where = f"appendix {a}"
            continue
        if line.startswith("@P "):
            n += 1
            parts = line.split(" ", 2)
            rest = parts[2] if len(parts) > 2 else ""
            where = str(n)
            line = meta["indent"] + f"{n}. " + rest
        buf, last = "", 0
        for m in PH.finditer(line):
            buf += line[last:m.start()]
            kind, body = m.group(1), m.group(2)
            if kind == "N":
                buf += num_of(body, pts, apps)[0]
            else:
                assert where is not None, line
                if kind == "R":
                    lab, needs = body.split(":")
                    s, typ = num_of(lab, pts, apps)
                    ref = {"correct": True}
                else:
                    lab, needs, wk = body.split(":")
                    cl, sl = lab.split(">")
                    s, typ = num_of(cl, pts, apps)
                    sv, styp = num_of(sl, pts, apps)
                    if typ is None:
                        typ = styp
                    should = sv if styp == "point" else f"appendix {sv}"
                    ref = {"correct": False, "should_cite": should, "kind": wk}
                cites = s if typ == "point" else f"appendix {s}"
                assert ref.get("should_cite") != cites, (path.name, body)
                ref.update({"in_point": where, "cites": cites, "needs": needs,
                            "_line": len(out), "_col": len(buf), "_len": len(s)})
                refs.append(ref)
                buf += s
            last = m.end()
        buf += line[last:]
        out.append(buf)
    text = "\n".join(out).rstrip("\n") + "\n"
    for r in refs:
        r["quote"] = pick(text, out[r["_line"]], r["_col"], r["_len"])
        for k in ("_line", "_col", "_len"):
            del r[k]
    return meta, text, refs


def pick(text, line, col, ln):
    cands = []
    for left in (50, 65, 35, 80, 95, 25, 15, 5):
        for right in (35, 50, 25, 65, 15, 5):
            a = max(0, col - left)
            b = min(len(line), col + ln + right)
            if a > 0:
                sp = line.find(" ", a)
                if 0 <= sp < col:
                    a = sp + 1
            if b < len(line):
                sp = line.rfind(" ", col + ln, b)
                if sp > col + ln:
                    b = sp
            q = line[a:b].strip()
            if 20 <= len(q) <= 120 and text.count(q) == 1:
                return q
            cands.append(q)
    raise ValueError(f"no unique quote around {line[max(0,col-60):col+60]!r}")


def main():
    answers = {}
    for f in sorted(HERE.glob("*.src")):
        meta, text, refs = build(f)
        (OUT / meta["out"]).write_text(text, encoding="utf-8")
        order = ["in_point", "quote", "cites", "correct", "should_cite", "needs", "kind"]
        answers[meta["out"]] = {"language": meta["lang"], "generation": meta["gen"],
                                "references": [{k: r[k] for k in order if k in r} for r in refs]}
        w = sum(not r["correct"] for r in refs)
        print(f"{meta['out']}: {len(text.encode())} bytes, refs {len(refs)}, wrong {w}")
    with open(OUT / "answers.yaml", "w", encoding="utf-8") as fh:
        yaml.safe_dump(answers, fh, allow_unicode=True, sort_keys=False, width=200)


if __name__ == "__main__":
    main()
