"""Check answers.yaml against the texts in this folder (set 7): set 4's checker, the same format and checks
(tests/data/heldout_xref4/verify.py), run on this folder. Run: python3 verify.py"""

import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent
runpy.run_path(
    str(HERE.parent / "heldout_xref4" / "verify.py"), init_globals={"SET_DIR": HERE}, run_name="__main__"
)
