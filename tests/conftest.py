"""Suite-wide settings: Hypothesis without per-example deadlines (CI machines are shared and slow at
times; speed is measured in bench/, not asserted here) and with a fixed derandomised seed in CI."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("docgen", deadline=None, print_blob=True)
settings.register_profile("docgen-ci", deadline=None, print_blob=True, derandomize=True)
settings.load_profile("docgen-ci" if os.environ.get("CI") else "docgen")

# The catalogue cache (docgen/catalogue_cache.py) of the test session lives in its own folder, never
# in the user's ~/.cache/docgen.
if not os.environ.get("DOCGEN_CACHE_DIR"):
    import tempfile

    os.environ["DOCGEN_CACHE_DIR"] = tempfile.mkdtemp(prefix="docgen-test-cache-")
