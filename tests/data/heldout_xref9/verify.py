"""Check answers.yaml against the texts in this folder (held-out set 9): set 5's checker
(tests/data/heldout_xref5/verify.py, which now holds this set's additions: the abbreviations «прил.»,
«-тарм.», «-қос.» as references, no quote shared by two entries), run on this folder.
Run: python3 verify.py"""

import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent
runpy.run_path(
    str(HERE.parent / "heldout_xref5" / "verify.py"), init_globals={"SET_DIR": HERE}, run_name="__main__"
)
