"""Suite-wide settings: Hypothesis without per-example deadlines (CI machines are shared and slow at
times; speed is measured in bench/, not asserted here) and with a fixed derandomised seed, so that
`make test` gives the same result on every machine; `make fuzz` (tests/fuzz/fuzz_rounds.py) sets
DOCGEN_HYPOTHESIS_RANDOM=1 and a fresh seed each round."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("docgen", deadline=None, print_blob=True)
settings.register_profile("docgen-ci", deadline=None, print_blob=True, derandomize=True)
settings.load_profile("docgen" if os.environ.get("DOCGEN_HYPOTHESIS_RANDOM") else "docgen-ci")

# The catalogue cache (docgen/catalogue_cache.py) of the test session lives in its own folder, never
# in the user's ~/.cache/docgen.
if not os.environ.get("DOCGEN_CACHE_DIR"):
    import tempfile

    os.environ["DOCGEN_CACHE_DIR"] = tempfile.mkdtemp(prefix="docgen-test-cache-")


# --- h44: the language a command chose for what the user reads (docgen.errors.set_ui_lang) never
# outlives a test that calls a command directly
import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _reset_ui_lang():  # type: ignore[no-untyped-def]
    yield
    from docgen.errors import set_ui_lang

    set_ui_lang(None, pin=True)
