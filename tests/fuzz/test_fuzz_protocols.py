"""Never exit 70 on protocol inputs: the sample calibration and commission YAML files with random
values put in place of their leaves (text, numbers, impossible dates, lists, mappings, nothing) and
random YAML text; ``docgen protocol`` answers 0, 1 or 2 in one line, writes nothing when it refuses."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import yaml
from fuzzkit import ROOT, assert_clean, fuzz_settings, run_cli
from hypothesis import given
from hypothesis import strategies as st

SAMPLES = ROOT / "legal_corpus" / "samples"
CATS = ROOT / "tests" / "data" / "catalogues_b"
CASES = {
    "calibration": (SAMPLES / "calibration_session_ru.yaml", CATS / "cat_004_2025_ru.json"),
    "commission": (SAMPLES / "commission_meeting_kk.yaml", CATS / "cat_001_2017_commission_kk.json"),
}

scalars = st.one_of(
    st.text(max_size=30),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.none(),
    st.booleans(),
)
leaves = st.one_of(
    scalars, st.lists(scalars, max_size=3), st.dictionaries(st.text(max_size=8), scalars, max_size=3)
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in [(*prefix, k), *_paths(v, (*prefix, k))]]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in [(*prefix, i), *_paths(v, (*prefix, i))]]
    return []


@st.composite
def mutated_yaml(draw: st.DrawFn) -> tuple[str, str]:
    kind = draw(st.sampled_from(sorted(CASES)))
    data = yaml.safe_load(CASES[kind][0].read_text(encoding="utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for k in path[:-1]:
            parent = parent[k]
        if draw(st.integers(0, 4)) == 0:
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(leaves)
    return kind, yaml.safe_dump(data, allow_unicode=True)


def _protocol(kind: str, text: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "session.yaml"
        data = text.encode("utf-8")
        src.write_bytes(data)
        out = Path(d) / "protocol.docx"
        r = run_cli(
            ["protocol", kind, "--catalogue", str(CASES[kind][1]), "--data", str(src), "-o", str(out)]
        )
        assert_clean(r, input_bytes=len(data), output=out)
        if r.code != 0:
            assert not out.exists()


@fuzz_settings(12)
@given(case=mutated_yaml())
def test_protocol_from_mutated_sample(case: tuple[str, str]) -> None:
    _protocol(*case)


@fuzz_settings(6)
@given(kind=st.sampled_from(sorted(CASES)), text=st.text(max_size=300))
def test_protocol_from_random_text(kind: str, text: str) -> None:
    _protocol(kind, text)


def test_impossible_date_in_yaml_is_refused_in_one_line() -> None:
    """Found while fuzzing: ``session_date: 2026-13-45`` made PyYAML raise ValueError (exit 70)."""
    text = CASES["calibration"][0].read_text(encoding="utf-8").replace("2026-04-22", "2026-13-45", 1)
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "session.yaml"
        src.write_text(text, encoding="utf-8")
        r = run_cli(
            [
                "protocol",
                "calibration",
                "--catalogue",
                str(CASES["calibration"][1]),
                "--data",
                str(src),
                "-o",
                str(Path(d) / "p.docx"),
            ]
        )
        assert_clean(r, input_bytes=len(text))
        assert r.code == 2 and "session.yaml" in r.err and "month must be in 1..12" in r.err


def test_a_date_or_nan_where_a_score_belongs_is_a_data_error() -> None:
    """Found by the property above: ``score: 2000-01-01`` (TypeError) and ``score: .nan`` were exit 70."""
    sample = CASES["calibration"][0].read_text(encoding="utf-8")
    for bad in ("2000-01-01", ".nan", ".inf", "[3]"):
        text = sample.replace("score: 2.8}", f"score: {bad}}}", 1)
        assert text != sample
        with tempfile.TemporaryDirectory() as d:
            src = Path(d) / "session.yaml"
            src.write_text(text, encoding="utf-8")
            out = Path(d) / "p.docx"
            args = ["protocol", "calibration", "--catalogue", str(CASES["calibration"][1])]
            r = run_cli([*args, "--data", str(src), "-o", str(out)])
            assert_clean(r, input_bytes=len(text), output=out)
            assert r.code == 2 and "votes[3].score" in r.err and not out.exists(), (bad, r.err)
