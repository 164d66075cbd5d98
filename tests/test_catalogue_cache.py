"""The catalogue cache: a second command on the same act skips extraction (and spaCy); the key follows
the text, docgen's version and the rule files; a broken entry or an unwritable cache never fails."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from docgen import catalogue_cache
from docgen.catalogue import catalogue_for_path, load_catalogue

ROOT = Path(__file__).resolve().parents[1]
ACT = ROOT / "legal_corpus" / "acts" / "wko-akimat-53" / "004_cb6464f9152e2bf0.txt"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(d))
    monkeypatch.delenv("DOCGEN_NO_CACHE", raising=False)
    return d


def _entries(d: Path) -> list[Path]:
    return sorted((d / "catalogues").glob("*.json")) if (d / "catalogues").is_dir() else []


def test_second_load_comes_from_the_cache_and_equals_extraction(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_catalogue(ACT)
    assert len(_entries(cache)) == 1
    import docgen.catalogue as catmod

    def boom(*a: object, **k: object) -> None:
        raise AssertionError("extraction ran although the cache holds the act")

    monkeypatch.setattr(catmod, "catalogue_for_path", boom)
    second = load_catalogue(ACT)
    assert second.to_json() == first.to_json() == catalogue_for_path(ACT).to_json()


def test_no_cache_and_changed_text_extract_again(cache: Path, tmp_path: Path) -> None:
    load_catalogue(ACT, cache=False)
    assert _entries(cache) == []
    load_catalogue(ACT)
    other = tmp_path / "act.txt"
    other.write_bytes(ACT.read_bytes() + b"\n")
    load_catalogue(other)
    assert len(_entries(cache)) == 2


def test_key_follows_version_and_rule_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = ACT.read_bytes()
    key = catalogue_cache.entry_key(data, ".txt")
    import docgen

    catalogue_cache.code_fingerprint.cache_clear()
    monkeypatch.setattr(docgen, "__version__", "999.0")
    assert catalogue_cache.entry_key(data, ".txt") != key
    monkeypatch.undo()
    catalogue_cache.code_fingerprint.cache_clear()
    assert catalogue_cache.entry_key(data, ".txt") == key
    # a rule file's content is part of the key
    pkg = tmp_path / "pkg"
    for d in ("extract/rules",):
        (pkg / d).mkdir(parents=True)
    (pkg / "extract" / "rules" / "ru.yaml").write_text("a: 1\n", encoding="utf-8")
    monkeypatch.setattr(catalogue_cache, "PKG", pkg)
    catalogue_cache.code_fingerprint.cache_clear()
    k1 = catalogue_cache.entry_key(data, ".txt")
    (pkg / "extract" / "rules" / "ru.yaml").write_text("a: 2\n", encoding="utf-8")
    catalogue_cache.code_fingerprint.cache_clear()
    assert catalogue_cache.entry_key(data, ".txt") != k1
    monkeypatch.undo()
    catalogue_cache.code_fingerprint.cache_clear()


def test_broken_entry_and_unwritable_cache_are_ignored(cache: Path, tmp_path: Path) -> None:
    first = load_catalogue(ACT)
    (entry,) = _entries(cache)
    entry.write_text("{not json", encoding="utf-8")
    assert load_catalogue(ACT).to_json() == first.to_json()
    assert json.loads(entry.read_text(encoding="utf-8"))  # rewritten
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    os.environ["DOCGEN_CACHE_DIR"] = str(blocker / "sub")
    assert load_catalogue(ACT).to_json() == first.to_json()


def test_warm_command_does_not_import_spacy(cache: Path) -> None:
    code = (
        "import sys; from docgen.catalogue import load_methodology; "
        f"load_methodology({str(ACT)!r}); print('spacy' in sys.modules)"
    )
    env = dict(os.environ)
    cold = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    warm = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert cold.stdout.strip() == "True"
    assert warm.stdout.strip() == "False"


def test_cli_no_cache_flag(cache: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from docgen.cli import cli

    out = tmp_path / "input.xlsx"
    res = CliRunner().invoke(cli, ["fill", str(ACT), "--no-cache", "--template", str(out)])
    assert res.exit_code == 0, res.output
    assert _entries(cache) == []
    res = CliRunner().invoke(cli, ["fill", str(ACT), "--template", str(tmp_path / "b.xlsx")])
    assert res.exit_code == 0, res.output
    assert len(_entries(cache)) == 1


def test_template_body_is_cached_and_equal_to_docxtpls(cache: Path) -> None:
    from docgen.render.fast import _patched_body, body_source
    from docgen.render.templates import template_path

    path = template_path("evaluation_sheet_staff", "kk")
    first = body_source(path)
    assert len(list((cache / "templates").glob("*.xml"))) == 1
    assert body_source(path) == first == _patched_body(path)
