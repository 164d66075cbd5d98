"""Issue 13, cases 1-3: work grows linearly with the input, over-long inputs are refused with one line
(exit 2) or processed in pieces, never exit 70. Work is counted (traced lines, comparisons), never timed:
speed itself is measured in ``bench/scale_bench.py``."""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

from docgen.check import script
from docgen.check.context import Ctx
from docgen.commands.parse import parse_document

ROOT = Path(__file__).resolve().parents[2]
SEED_RU = next((ROOT / "legal_corpus" / "acts" / "wko-akimat-53").glob("*.txt"))
DOCGEN = str(Path(ROOT / "docgen").resolve())


def traced_lines(fn: Any, *args: Any) -> int:
    """Number of Python lines of docgen's own code executed by ``fn(*args)`` (a deterministic measure
    of work: every loop iteration, generator step and comparison chain inside docgen counts)."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def global_(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(DOCGEN) else None

    sys.settrace(global_)
    try:
        fn(*args)
    finally:
        sys.settrace(None)
    return count


def _doc_with_line(tmp_path: Path, words: int) -> Ctx:
    """The seed methodology with one extra line of ``words`` Latin position codes and plain words
    at the end of its last point (each code is a span the word scan has to skip)."""
    text = SEED_RU.read_text(encoding="utf-8").rstrip("\n")
    path = tmp_path / f"line{words}.txt"
    path.write_text(text + " " + " ".join(["C-4 слово"] * words) + "\n", encoding="utf-8")
    doc = parse_document(str(path))
    return Ctx(doc, doc.language)


def test_case1_check_is_linear(tmp_path: Path) -> None:
    zero, small, large = (
        traced_lines(script.typography, _doc_with_line(tmp_path, n)) for n in (0, 400, 1600)
    )
    # four times the codes and words: about four times the extra work (a word-by-span test gives ~16x)
    ratio = (large - zero) / (small - zero)
    assert 3 < ratio < 5, (zero, small, large)


def test_case1_outside_spans_sweeps_once() -> None:
    import re

    text = "ab C-4 cd " * 1000
    spans = [(m.start(), m.end()) for m in re.finditer(r"C-4", text)]
    words = list(re.finditer(r"\S+", text))
    kept = [m.group(0) for m in script.outside_spans(iter(words), spans)]
    assert kept == ["ab", "cd"] * 1000


def _run_cli(argv: list[str], capsys: Any) -> tuple[int, str, str]:
    from docgen.cli import main

    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _params(path: Path) -> dict[str, Any]:
    from docgen.commands.parse import parse_to_json

    return {k: v["value"] for k, v in parse_to_json(str(path))["parameters"].items()}


def test_case3_long_text_in_chunks(tmp_path: Path, monkeypatch: Any) -> None:
    """A segment over spaCy's ``max_length`` (E088 before) is processed in pieces; pieces give the
    same parameters as the whole text."""
    from docgen import nlp

    whole = _params(SEED_RU)
    monkeypatch.setattr(nlp.get_nlp("ru"), "max_length", 3000)
    assert _params(SEED_RU) == whole
    doc = nlp.make_doc("ru", SEED_RU.read_text(encoding="utf-8"))
    assert doc.text == SEED_RU.read_text(encoding="utf-8")


def test_case3_hundred_thousand_points(tmp_path: Path, monkeypatch: Any, capsys: Any) -> None:
    """Many appended points make one segment longer than spaCy's limit (here lowered so that 1,000
    points do what 100,000 did): parse exits 0 instead of 70."""
    from docgen import nlp

    monkeypatch.setattr(nlp.get_nlp("ru"), "max_length", 10_000)
    seed = SEED_RU.read_text(encoding="utf-8")
    extra = "".join(
        f"{i}. Результаты оценки направляются служащему в течение {i % 9 + 1} рабочих дней.\n"
        for i in range(1, 1001)
    )
    path = tmp_path / "points.txt"
    path.write_text(seed + extra, encoding="utf-8")
    code, out, err = _run_cli(["parse", str(path)], capsys)
    assert code == 0, err
    assert '"parameters"' in out


def test_case3_partial_copy_of_itself(tmp_path: Path, capsys: Any) -> None:
    """A methodology followed by 70 % of itself: the point numbers occur twice; each occurrence is
    read on its own text (IndexError in raw_span before), and every quote is the raw text there."""
    from docgen.commands.parse import parse_to_json

    seed = SEED_RU.read_text(encoding="utf-8")
    path = tmp_path / "partial.txt"
    path.write_text(seed + seed[: int(len(seed) * 0.7)], encoding="utf-8")
    code, _out, err = _run_cli(["parse", str(path), "--structure-only"], capsys)
    assert code == 0, err
    code, _out, err = _run_cli(["parse", str(path)], capsys)
    assert code == 0, err
    data = parse_to_json(str(path))
    raw = path.read_text(encoding="utf-8")
    assert data["parameters"]
    for key, p in data["parameters"].items():
        src = p["source"]
        assert raw[src["start"] : src["end"]].strip() == src["quote"].strip(), key


def test_case3_raw_span_clamps() -> None:
    from docgen.normalize import normalize

    norm = normalize("  Алма  ағашы\n")
    n = len(norm.text)
    assert norm.raw_span(n + 5, n + 9) == (len(norm.raw), len(norm.raw))
    assert norm.raw_span(-3, 2) == norm.raw_span(0, 2)
    assert norm.raw_slice(0, n + 100) == norm.raw_slice(0, n)


def _docx_of_text(path: Path, paragraphs: list[str]) -> Path:
    from xml.sax.saxutils import escape

    from tests.reading.zipkit import body_xml, docx_with_document_xml

    inner = "".join(f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>" for p in paragraphs)
    return docx_with_document_xml(path, body_xml(inner))


def test_case2_docx_text_over_limit_refused_before_tree(tmp_path: Path, monkeypatch: Any) -> None:
    """A small .docx whose text would pass the text limit is refused while its XML is streamed: the
    XML is never parsed into a tree, and the message names the file."""
    from docgen.errors import UnsafeInputError
    from docgen.reading import docx as docx_mod
    from docgen.reading import read_source

    paragraphs = [f"Служащий {i} оценивается ежеквартально." for i in range(2000)]
    path = _docx_of_text(tmp_path / "big.docx", paragraphs)
    text_len = sum(len(p) + 1 for p in paragraphs)
    assert path.stat().st_size < text_len / 4  # the zip is much smaller than its text

    def no_tree(*args: Any) -> Any:
        raise AssertionError("document.xml parsed into a tree")

    monkeypatch.setattr(docx_mod, "parse_xml", no_tree)
    try:
        read_source(path, max_bytes=text_len // 2)
    except UnsafeInputError as exc:
        line = exc.one_line()
        assert str(path) in line and "\n" not in line
        assert str(text_len // 2) in line
    else:
        raise AssertionError("not refused")


def test_case2_docx_text_at_limit_read(tmp_path: Path) -> None:
    from docgen.reading import read_source

    paragraphs = [f"Служащий {i} оценивается ежеквартально." for i in range(200)]
    path = _docx_of_text(tmp_path / "ok.docx", paragraphs)
    text = "\n".join(paragraphs) + "\n"
    assert read_source(path, max_bytes=len(text)).raw == text


def test_case2_docx_bomb_exit_2(tmp_path: Path, monkeypatch: Any, capsys: Any) -> None:
    """Through the CLI (limit lowered so that a test-sized file does what the 95 MB document.xml did):
    ``parse`` and ``check`` exit 2 with one line naming the file, no traceback."""
    import docgen.reading

    seed = SEED_RU.read_text(encoding="utf-8").splitlines()
    path = _docx_of_text(tmp_path / "bomb.docx", seed * 12)
    monkeypatch.setattr(docgen.reading, "MAX_INPUT_BYTES", 200_000)
    for cmd in ("parse", "check"):
        code, out, err = _run_cli([cmd, str(path)], capsys)
        assert code == 2, err
        assert err.count("\n") == 1 and str(path) in err and "Traceback" not in err
        assert "200000 символов" in err
        assert out == ""


def test_case3_rules_find_their_sentence_by_bisection(tmp_path: Path) -> None:
    """Each rule match looks up its sentence by bisection, not by scanning every sentence: a point of
    4x the sentences costs about 4x the work."""
    from docgen.extract.registry import Context
    from docgen.extract.textdoc import segment_doc

    seed = parse_document(str(SEED_RU))
    last = seed.points[-1]
    at = seed.norm.raw_span(last.start, last.end)[1]
    at = seed.norm.raw.rfind("\n", 0, at) if seed.norm.raw[at - 1] == "\n" else at

    def run(n: int) -> int:
        text = seed.norm.raw
        path = tmp_path / f"sents{n}.txt"
        sentence = " Результаты оценки направляются служащему в течение 5 рабочих дней;"
        path.write_text(text[:at] + sentence * n + text[at:], encoding="utf-8")
        ctx = Context(parse_document(str(path)))
        for seg in ctx.segments:
            segment_doc(ctx, seg)  # spaCy work outside the count
        from docgen.extract.dsl import run_dsl

        return traced_lines(run_dsl, ctx)

    run(0)  # one-time loading of the rules and the matcher
    zero, small, large = run(0), run(100), run(400)
    ratio = (large - zero) / (small - zero)
    assert 3 < ratio < 5, (zero, small, large)


def test_case3_offset_map_is_compact() -> None:
    """The normalised-to-raw offset map of a long text is an 8-byte array, not millions of int objects;
    equality and hashing of the normalised text do not depend on it."""
    from array import array

    from docgen.normalize import normalize

    raw = SEED_RU.read_text(encoding="utf-8") * 4
    norm = normalize(raw)
    assert isinstance(norm.offsets, array) and norm.offsets.itemsize == 8
    assert len(norm.offsets) == len(norm.text) + 1 and norm.offsets[-1] == len(raw)
    assert all(isinstance(norm.offsets[i], int) for i in (0, len(norm.text) // 2))
    assert norm == normalize(raw) and hash(norm) == hash(normalize(raw))


def test_case3_segment_docs_not_kept_past_budget(monkeypatch: Any) -> None:
    """With no room to keep spaCy docs between passes (what a text far over ``CACHE_CHARS`` meets),
    every doc is made again when needed and the parameters are the same."""
    from docgen.extract import textdoc

    whole = _params(SEED_RU)
    monkeypatch.setattr(textdoc, "CACHE_CHARS", 0)
    assert _params(SEED_RU) == whole


def test_readme_limits_are_the_code_limits() -> None:
    """Every figure of the README's limit table is the constant the code enforces."""
    import inspect

    from docgen import nlp, reading, safezip
    from docgen.extract import textdoc
    from docgen.reading import docx as docx_mod

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Limits and scale", 1)[1].split("\n## ", 1)[0]
    rows = {line.split("|")[1].strip(): line for line in section.splitlines() if line.startswith("| ")}
    zip_defaults = inspect.signature(safezip.open_safe_zip).parameters

    def has(row: str, value: int) -> bool:
        return f"{value:,}" in rows[row] or f"| {value} " in rows[row] or f" {value} " in rows[row]

    assert has("input file (text, HTML, .docx)", reading.MAX_INPUT_BYTES)
    assert has("text a .docx flattens to", docx_mod.MAX_TEXT_CHARS)
    assert docx_mod.MAX_TEXT_CHARS == reading.MAX_INPUT_BYTES
    for name in ("max_members", "max_total_uncompressed", "max_member_size"):
        assert has(".docx zip", zip_defaults[name].default), name
    assert f"ratio {zip_defaults['max_ratio'].default:g}" in rows[".docx zip"]
    assert safezip.RATIO_MIN_SIZE == 1_000_000 and "over 1 MB" in rows[".docx zip"]
    assert has("piece of text given to spaCy at once", nlp.CHUNK_CHARS)
    assert has("spaCy docs kept between extraction passes", textdoc.CACHE_CHARS)


def test_case1_check_folds_text_without_a_list_of_characters() -> None:
    """``check`` folds Latin look-alikes in the whole text; the folded copy costs about one more text,
    not a Python object per character (1.6 GB peak for a 19 MB text before)."""
    import tracemalloc

    from docgen.check.data import fold

    text = SEED_RU.read_text(encoding="utf-8") * 10 + " Сотрудник oценивается"
    tracemalloc.start()
    try:
        folded = fold(text)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(folded) == len(text) and folded.endswith("Сотрудник оценивается")
    assert peak < 4 * sys.getsizeof(text), (peak, sys.getsizeof(text))
