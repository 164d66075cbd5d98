"""Render the dev-set texts (set 5; inserted points "@P label =9-1 text" supported) and answers.yaml from the *.src files in this folder.

Markup:
  #lang / #gen / #out / #indent N      metadata lines
  @P label text      numbered point (label '-' = unlabelled; '@P label =N text' forces N)
  @A label           start of appendix (numbered 1, 2, ... in order; prints nothing)
  {N:label}          number of a point/appendix (not a reference)
  ‹ ... ›            the quote of one reference; holds exactly one of:
  {R:label:needs}              correct internal reference
  {W:cited:should:needs:kind}  wrong reference: prints number of `cited` (label or =N)
"""
import re
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
PH = re.compile(r"\{([NRW]):([^}]*)\}")


def build(path):
    meta, lines = {}, []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if re.match(r"#(lang|gen|out|indent) ", line):
            k, v = line[1:].split(None, 1)
            meta[k] = v.strip()
        else:
            lines.append(line)
    ind = " " * int(meta.get("indent", "0"))
    pts, apps, n, a = {}, {}, 0, 0
    for line in lines:
        if line.startswith("@P "):
            p = line.split(" ", 3)
            if len(p) > 2 and re.fullmatch(r"=\d+-\d+", p[2]):
                lab = p[2][1:]  # inserted point such as 9-1: does not move the counter
            else:
                n = int(p[2][1:]) if len(p) > 2 and re.fullmatch(r"=\d+", p[2]) else n + 1
                lab = n
            if p[1] != "-":
                assert p[1] not in pts, p[1]
                pts[p[1]] = lab
        elif line.startswith("@A "):
            a += 1
            apps[line.split()[1]] = a

    def num(lbl):
        if lbl.startswith("="):
            return lbl[1:], None
        if lbl in pts:
            return str(pts[lbl]), lbl
        return str(apps[lbl]), "app"

    def cites(lbl):
        v, kind = num(lbl)
        return f"appendix {v}" if kind == "app" or lbl.startswith("=a") else v

    out, refs, where, n = [], [], None, 0
    for line in lines:
        if line.startswith("@A "):
            where = f"appendix {apps[line.split()[1]]}"
            continue
        if line.startswith("@P "):
            p = line.split(" ", 3)
            if len(p) > 2 and re.fullmatch(r"=\d+-\d+", p[2]):
                lab = p[2][1:]; rest = p[3] if len(p) > 3 else ""
            elif len(p) > 2 and re.fullmatch(r"=\d+", p[2]):
                n = int(p[2][1:]); lab = n; rest = p[3] if len(p) > 3 else ""
            else:
                n += 1; lab = n; rest = line.split(" ", 2)[2] if line.count(" ") >= 2 else ""
            where = str(lab)
            line = ind + f"{lab}. " + rest
        # quotes
        pieces = re.split(r"(‹[^›]*›)", line)
        res = ""
        for pc in pieces:
            if pc.startswith("‹"):
                inner = pc[1:-1]
                ms = [m for m in PH.finditer(inner) if m.group(1) in "RW"]
                assert len(ms) == 1, (path.name, pc)
                m = ms[0]
                f = m.group(2).split(":")
                if m.group(1) == "R":
                    lbl, needs = f
                    r = {"in_point": where, "cites": cites(lbl), "correct": True, "needs": needs}
                else:
                    lbl, should, needs, kind = f
                    r = {"in_point": where, "cites": cites(lbl), "correct": False,
                         "should_cite": cites(should), "needs": needs, "kind": kind}
                q = PH.sub(lambda mm: num(mm.group(2).split(":")[0])[0], inner)
                r = {"in_point": r.pop("in_point"), "quote": q, **r}
                refs.append(r)
                res += q
            else:
                assert "{R:" not in pc and "{W:" not in pc, (path.name, pc)
                res += PH.sub(lambda mm: num(mm.group(2).split(":")[0])[0], pc)
        out.append(res)
    text = "\n".join(out).strip("\n") + "\n"
    (OUT / meta["out"]).write_text(text, encoding="utf-8")
    # key order as in the previous set
    key = []
    for r in refs:
        d = {"in_point": r["in_point"], "quote": r["quote"], "cites": r["cites"], "correct": r["correct"]}
        if not r["correct"]:
            d["should_cite"] = r["should_cite"]
        d["needs"] = r["needs"]
        if not r["correct"]:
            d["kind"] = r["kind"]
        key.append(d)
    return meta["out"], {"language": meta["lang"], "generation": meta["gen"], "references": key}


if __name__ == "__main__":
    ans = {}
    for src in sorted(HERE.glob("*.src")):
        name, entry = build(src)
        ans[name] = entry
    (OUT / "answers.yaml").write_text(
        yaml.safe_dump(ans, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    print("rendered", len(ans))
