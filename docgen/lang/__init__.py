"""Language data for docgen: Kazakh (``kk``) and Russian (``ru``) word lists as YAML data files.

Stage: shared resources. Consumes nothing; produces parsed YAML dictionaries for the number
recogniser (``docgen.numbers``) and the spaCy ``kk`` language (``docgen.lang.kk``).

Importing this package must stay cheap: it never imports spaCy. The spaCy language class lives in
``docgen.lang.kk`` and is registered by :func:`docgen.nlp.register_spacy_languages` (also exposed
through the ``spacy_languages`` entry point declared in pyproject). Nothing here imports ``docgen.lang.kk``
(which imports ``docgen.numbers``), so ``lang`` -> ``numbers`` -> ``lang.kk`` stays one-way.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

LANGS: tuple[str, ...] = ("kk", "ru")


@functools.cache
def load_data(lang: str, name: str) -> dict[str, Any]:
    """Parsed ``docgen/lang/<lang>/<name>.yaml`` (cached). Raises ValueError for an unknown language."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGS)}")
    path = resources.files(__name__).joinpath(lang, f"{name}.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{lang}/{name}.yaml: expected a mapping at top level")
    return data
