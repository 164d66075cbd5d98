"""Batch stage: the safe slug of a person's name in a sheet's file name.

Consumes a full name (kk, ru or Latin); produces at most 32 characters of ``[a-z0-9-]``: Cyrillic
(with the Kazakh letters) transliterated to Latin, everything else dropped, runs of separators
collapsed. A slug can never carry a path separator, a dot, a drive or a reserved device name, so a
name cannot move a file out of the output folder or hide it.
"""

from __future__ import annotations

import re
import unicodedata

_CYR = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e",
    "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
    "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
    "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip
_TABLE = str.maketrans(_CYR)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 32


def name_slug(full_name: str) -> str:
    text = unicodedata.normalize("NFC", full_name).lower().translate(_TABLE)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", text).strip("-")
    return slug[:MAX_SLUG].rstrip("-") or "x"
