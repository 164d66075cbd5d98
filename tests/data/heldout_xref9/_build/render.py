"""Render _build/NN.src into NN_*.txt and answers.yaml (held-out set 9): set 5's renderer
(tests/data/heldout_xref5/_build/render.py; its copy here differed only in the docstring), run on this
folder. Run: python3 _build/render.py"""

import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent
runpy.run_path(
    str(HERE.parent.parent / "heldout_xref5" / "_build" / "render.py"),
    init_globals={"BUILD_DIR": HERE},
    run_name="__main__",
)
