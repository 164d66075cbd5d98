"""Suite-wide settings: Hypothesis without per-example deadlines (CI machines are shared and slow at
times; speed is measured in bench/, not asserted here) and with a fixed derandomised seed in CI."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("docgen", deadline=None, print_blob=True)
settings.register_profile("docgen-ci", deadline=None, print_blob=True, derandomize=True)
settings.load_profile("docgen-ci" if os.environ.get("CI") else "docgen")
