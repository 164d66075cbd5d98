"""Benchmark of ``docgen draft``: compose + text + official DOCX of a drafted methodology, best of N
warm runs, for the E4 texts (kk, ru), the E1 texts (kk, ru; ~60 KB each) and for a ~60 KB model text (the kk provisions three times over,
in a temporary copy of the models folder). Peer in the same run: structuring (``parse_document``)
the drafted text. Run: ``.venv/bin/python bench/draft_bench.py``. Writes ``bench/draft_bench.json``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import yaml
from _timing import best_of

ROOT = Path(__file__).resolve().parents[1]
BODY = ROOT / "tests" / "draft" / "data" / "body_maslikhat.yaml"


def _best(fn, n: int = 5) -> float:  # type: ignore[no-untyped-def]
    return best_of(fn, n, 4)


def _big_models(tmp: Path, copies: int = 3) -> Path:
    """A models folder whose E4 kk text repeats its provisions ``copies`` times (links stay inside a copy)."""
    dst = tmp / "models"
    shutil.copytree(ROOT / "legal_corpus" / "models", dst)
    path = dst / "texts" / "E4.kk.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    provisions = []
    for c in range(copies):
        for p in data["provisions"]:
            q = json.loads(json.dumps(p))
            if c:
                q["id"] = f"{p['id']}_{c}"
                q["text"] = [t.replace("{ref:deadlines}", f"{{ref:deadlines_{c}}}") for t in q["text"]]
                q["text"] = [
                    t.replace("{ref:calibration_application}", f"{{ref:calibration_application_{c}}}")
                    for t in q["text"]
                ]
            provisions.append(q)
    data["provisions"] = provisions
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dst


def _run(lang: str, edition: str = "E4", body_path: Path = BODY) -> dict[str, float | int]:
    from docgen.catalogue import parse_document
    from docgen.draft import draft, load_body, render_docx

    body = load_body(body_path)
    d = draft(edition, body, lang)
    render_docx(d)  # warm: python-docx, lxml, pymorphy3 dictionaries

    def once() -> None:
        made = draft(edition, body, lang)
        render_docx(made)
        _ = made.text

    draft_s = _best(once)
    with tempfile.TemporaryDirectory() as tmp:
        txt = Path(tmp) / f"draft.{lang}.txt"
        txt.write_text(d.text, encoding="utf-8")
        parse_s = _best(lambda: parse_document(txt))
    return {
        "text_bytes": len(d.text.encode()),
        "draft_text_and_docx_s": draft_s,
        "peer_parse_document_s": parse_s,
        "ratio_draft_to_parse": round(draft_s / parse_s, 3) if parse_s else 0.0,
    }


def main() -> dict[str, object]:
    out: dict[str, object] = {"E4_kk": _run("kk"), "E4_ru": _run("ru")}
    # E1 (42 points, eight forms, the 360 sheets with their questions): ~60 KB texts of their own
    e1_body = ROOT / "tests" / "draft" / "data" / "e1_maslikhat.yaml"
    out["E1_kk"] = _run("kk", "E1", e1_body)
    out["E1_ru"] = _run("ru", "E1", e1_body)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DOCGEN_MODELS_DIR"] = str(_big_models(Path(tmp)))
        from docgen.draft.model import load_model_text

        load_model_text.cache_clear()
        out["E4x3_kk_60KB"] = _run("kk")
        del os.environ["DOCGEN_MODELS_DIR"]
        load_model_text.cache_clear()
    (ROOT / "bench" / "draft_bench.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    print(json.dumps(main(), indent=1))
