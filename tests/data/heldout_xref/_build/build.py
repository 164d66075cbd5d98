"""Render the held-out texts from the marked-up sources in this folder.

Markup (one source file per text, *.src):
  #lang kk|ru            metadata
  #gen  <generation id>
  #out  NN_lang_gen.txt
  @P <label|-> [=N] text   numbered point (auto numbering, =N forces the number)
  @A <label>               start of an appendix (numbered 1, 2, ... in order)
  {{N:label}}              number of a point/appendix, NOT a reference (headers)
  {{R:label:needs}}        correct internal reference
  {{W:cited>should:needs:kind}}  wrong internal reference: prints the number of
                           `cited`, the right target is `should`
Everything else is copied verbatim.
"""
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
PH = re.compile(r"\{\{([NRW]):([^}]*)\}\}")


def parse(src: str):
    meta, lines = {}, []
    for line in src.split("\n"):
        if line.startswith("#") and line[1:4] in ("lan", "gen", "out", "ind"):
            k, v = line[1:].split(None, 1)
            meta[k] = " " * int(v) if k == "indent" else v.strip()
        else:
            lines.append(line)
    return meta, lines


def number(lines):
    pts, apps = {}, {}
    n, a = 0, 0
    for line in lines:
        if line.startswith("@P "):
            parts = line.split(" ", 3)
            label = parts[1]
            if len(parts) > 2 and parts[2].startswith("=") and parts[2][1:].isdigit():
                n = int(parts[2][1:])
            else:
                n += 1
            if label != "-":
                assert label not in pts and label not in apps, label
                pts[label] = n
        elif line.startswith("@A "):
            a += 1
            apps[line.split()[1]] = a
    return pts, apps


def build(path: Path):
    meta, lines = parse(path.read_text(encoding="utf-8"))
    pts, apps = number(lines)
    text_lines, refs = [], []
    pcount = 0
    acount = 0
    where = None
    offset = 0
    for line in lines:
        if line.startswith("@A "):
            acount += 1
            where = f"appendix {acount}"
            continue
        if line.startswith("@P "):
            parts = line.split(" ", 3)
            if len(parts) > 2 and parts[2].startswith("=") and parts[2][1:].isdigit():
                pcount = int(parts[2][1:])
                rest = parts[3] if len(parts) > 3 else ""
            else:
                pcount += 1
                rest = line.split(" ", 2)[2] if line.count(" ") >= 2 else ""
            where = str(pcount)
            line = meta.get("indent", "") + f"{pcount}. " + rest
        # substitute placeholders
        new, last = [], 0
        for m in PH.finditer(line):
            new.append(line[last:m.start()])
            kind, body = m.group(1), m.group(2)
            if kind == "N":
                lab = body
                s = str(pts[lab]) if lab in pts else str(apps[lab])
                new.append(s)
            else:
                if where is None:
                    raise ValueError(f"{path.name}: reference before first point: {line[:60]}")
                if kind == "R":
                    lab, needs = body.split(":")
                    cited_lab, should_lab, wkind = lab, None, None
                else:
                    lab, needs, wkind = body.split(":")
                    cited_lab, should_lab = lab.split(">")
                if cited_lab.startswith("="):
                    s = cited_lab[1:]
                    cites = s
                elif cited_lab in pts:
                    s = str(pts[cited_lab]); cites = s
                else:
                    s = str(apps[cited_lab]); cites = f"appendix {s}"
                col = sum(len(x) for x in new)
                ref = {"in_point": where, "cites": cites, "needs": needs,
                       "_line": len(text_lines), "_col": col, "_len": len(s)}
                if kind == "R":
                    ref["correct"] = True
                else:
                    ref["correct"] = False
                    if should_lab in pts:
                        ref["should_cite"] = str(pts[should_lab])
                    else:
                        ref["should_cite"] = f"appendix {apps[should_lab]}"
                    assert ref["should_cite"] != cites, (path.name, body)
                    ref["kind"] = wkind
                refs.append(ref)
                new.append(s)
            last = m.end()
        new.append(line[last:])
        text_lines.append("".join(new))
    text = "\n".join(text_lines)
    # quotes
    line_starts = []
    o = 0
    for tl in text_lines:
        line_starts.append(o)
        o += len(tl) + 1
    for r in refs:
        tl = text_lines[r["_line"]]
        col, ln = r["_col"], r["_len"]
        r["quote"] = pick_quote(text, tl, col, ln)
        for k in ("_line", "_col", "_len"):
            del r[k]
    return meta, text, refs


def snap_left(s, i):
    if i <= 0:
        return 0
    j = s.find(" ", i)
    return j + 1 if 0 <= j else i


def snap_right(s, i):
    if i >= len(s):
        return len(s)
    j = s.rfind(" ", 0, i)
    return j if j > 0 else i


def pick_quote(text, line, col, ln):
    best = None
    for left in (55, 70, 40, 85, 100, 30, 20):
        for right in (30, 45, 20, 60, 80, 12):
            a = snap_left(line, col - left) if col - left > 0 else 0
            b = snap_right(line, col + ln + right) if col + ln + right < len(line) else len(line)
            if a > col:
                a = max(0, col - left)
            if b < col + ln:
                b = min(len(line), col + ln + right)
            q = line[a:b].strip()
            if not (20 <= len(q) <= 120):
                continue
            if text.count(q) == 1:
                return q
            if best is None:
                best = q
    if best is None:
        raise ValueError(f"no quote for {line[col-40:col+40]!r}")
    return best


def main():
    files = sorted(HERE.glob("*.src"))
    answers = {}
    for f in files:
        meta, text, refs = build(f)
        (OUT / meta["out"]).write_text(text.rstrip("\n") + "\n", encoding="utf-8")
        answers[meta["out"]] = {"language": meta["lang"], "generation": meta["gen"],
                                "references": refs}
        nb = len((text.rstrip("\n") + "\n").encode("utf-8"))
        w = sum(1 for r in refs if not r["correct"])
        print(f"{meta['out']}: {nb} bytes, refs {len(refs)} (wrong {w})")
    key_order = ["in_point", "quote", "cites", "correct", "should_cite", "needs", "kind"]
    for v in answers.values():
        v["references"] = [{k: r[k] for k in key_order if k in r} for r in v["references"]]
    with open(OUT / "answers.yaml", "w", encoding="utf-8") as fh:
        yaml.safe_dump(answers, fh, allow_unicode=True, sort_keys=False, width=200)


if __name__ == "__main__":
    main()
