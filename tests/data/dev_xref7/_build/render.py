"""Render _build/NN.src into NN_*.txt and answers.yaml (set 7): set 4's renderer, the same markup
(tests/data/heldout_xref4/_build/render.py), run on this folder."""

import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent
runpy.run_path(
    str(HERE.parents[1] / "heldout_xref4" / "_build" / "render.py"), init_globals={"BUILD_DIR": HERE}, run_name="__main__"
)
