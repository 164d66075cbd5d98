"""Scale benchmark (issue 13): seconds and peak memory of ``docgen parse`` and ``docgen check`` on
texts of 0.1, 1, 5 and 19 MB (plain UTF-8 text and a .docx holding the same text), against the obvious
peer measured in the same run: reading the same file and tokenising its text with a blank spaCy
pipeline (in pieces of spaCy's ``max_length``), which is the least any spaCy-based parser does.

Every run is a fresh subprocess; peak RSS is that child's ``ru_maxrss`` (``os.wait4``). A run that
takes longer than ``--timeout`` seconds is stopped and reported as such. The inputs are the Russian
seed methodology repeated to the size (whole copies, then a cut at a line end).

    python bench/scale_bench.py [--sizes 0.1,1,5,19] [--timeout 900] [--out bench/results/scale_bench.txt]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "legal_corpus" / "acts" / "wko-akimat-53").glob("*.txt"))
MB = 1_000_000
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
PEER = r"""
import sys
import spacy
from docgen.reading import read_source
text = read_source(sys.argv[1]).raw
nlp = spacy.blank("ru")
step = 100_000
n = 0
for i in range(0, len(text), step):
    n += len(nlp.make_doc(text[i : i + step]))
print(n)
"""


def make_text(size: float) -> str:
    seed = SEED.read_text(encoding="utf-8")
    want = int(size * MB)
    reps = max(1, want // len(seed.encode("utf-8")) + 1)
    text = seed * reps
    data = text.encode("utf-8")[:want]
    cut = data.rfind(b"\n")
    return data[: cut + 1].decode("utf-8") if cut > 0 else data.decode("utf-8", "ignore")


def write_docx(path: Path, text: str) -> None:
    paras = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
        for line in text.split("\n")[:-1]
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{paras}</w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("word/document.xml", xml)


def write_bomb(path: Path, xml_bytes: int) -> None:
    """A .docx of random words whose document.xml is ``xml_bytes`` long (issue 13: 95 MB of XML in a
    17 MB file, inside every zip limit, flattening to a text over the text limit)."""
    import random

    rnd = random.Random(13)
    words = ["служащий", "оценка", "балл", "квартал", "комиссия", "решение", "результат", "период"]
    paras: list[str] = []
    total = 0
    while total < xml_bytes:
        line = " ".join(rnd.choice(words) + str(rnd.randint(0, 999)) for _ in range(40))
        paras.append(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>")
        total += len(paras[-1].encode("utf-8"))
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(paras)}</w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("word/document.xml", xml)


def run(argv: list[str], timeout: float) -> tuple[float | None, float, float, int]:
    """(wall seconds or None on timeout, CPU seconds, peak RSS in MB, exit code) of one subprocess."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            pid, status, usage = os.wait4(proc.pid, 0)
            return None, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, -9
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.stderr is not None:
        err = proc.stderr.read().decode("utf-8", "replace").strip()
        proc.stderr.close()
        if proc.returncode not in (0, 1):
            print(f"   exit {proc.returncode}: {err[:200]}", flush=True)
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0.1,1,5,19", help="text sizes in MB, comma-separated")
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds before one run is stopped")
    ap.add_argument("--formats", default="txt,docx")
    ap.add_argument("--commands", default="parse,check")
    ap.add_argument("--bomb", action=argparse.BooleanOptionalAction, default=True, help="the 95 MB XML .docx")
    ap.add_argument("--out", default=None, help="also write the report to this file")
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",") if s]
    py = sys.executable
    lines: list[str] = []

    def say(line: str) -> None:
        print(line, flush=True)
        lines.append(line)

    say(f"scale bench: {SEED.name} repeated; timeout {args.timeout:g} s per run; {os.cpu_count()} CPUs")
    say("peer = read the file + spaCy blank('ru') tokenizer over its text (same run)")
    say("cpu = user+sys seconds of the run (the machine is shared: wall time varies with its load)")
    say(
        f"{'input':>14} {'command':>7} {'wall s':>7} {'cpu s':>7} {'cpu/MB':>6} {'peak MB':>8} {'exit':>4}"
        f" {'peer cpu':>8} {'peer MB':>8} {'x peer':>6}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            text = make_text(size)
            mb = len(text.encode("utf-8")) / MB
            for fmt in args.formats.split(","):
                path = Path(tmp) / f"t{size:g}.{fmt}"
                if fmt == "txt":
                    path.write_text(text, encoding="utf-8")
                else:
                    write_docx(path, text)
                _, peer_cpu, peer_mb, _ = run([py, "-c", PEER, str(path)], args.timeout)
                for cmd in args.commands.split(","):
                    out = Path(tmp) / "out"
                    argv = [py, "-m", "docgen", cmd, str(path), "-o", str(out), "--force"]
                    wall, cpu, peak, code = run(argv, args.timeout)
                    label = f"{mb:.2f} MB {fmt}"
                    shown = f"{wall:7.1f}" if wall is not None else f"{'>' + format(args.timeout, 'g'):>7}"
                    say(
                        f"{label:>14} {cmd:>7} {shown} {cpu:7.1f} {cpu / mb:6.2f} {peak:8.0f} "
                        f"{code if wall is not None else 'kill':>4} {peer_cpu:8.1f} {peer_mb:8.0f} "
                        f"{cpu / max(peer_cpu, 0.01):6.1f}"
                    )
                path.unlink()
        if args.bomb:
            path = Path(tmp) / "bomb.docx"
            write_bomb(path, 95 * MB)
            for cmd in args.commands.split(","):
                argv = [py, "-m", "docgen", cmd, str(path), "-o", str(Path(tmp) / "out"), "--force"]
                wall, cpu, peak, code = run(argv, args.timeout)
                label = f"bomb {path.stat().st_size / MB:.1f} MB docx, 95 MB XML"
                say(
                    f"{label}: {cmd} exit {code}, wall {wall or 0:.1f} s, cpu {cpu:.1f} s, peak {peak:.0f} MB"
                )
    if args.out:
        Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
