"""Compliance check of a local act: against the model methodology edition and against itself.

Public API::

    check_path(path, model="auto", *, as_of=None, catalogue=None) -> CheckResult
    check_document(document, catalogue, model="auto", *, as_of=None) -> CheckResult
    load_profile("E4" | path) -> Profile;  all_profiles() -> tuple[Profile, ...]
    render(result, fmt) -> str | bytes      (fmt: text | json | html | docx)
    generate_clean(profile, lang) -> (text, catalogue)
"""

from __future__ import annotations

from .engine import check_document, check_path, detect_generation, effective_date
from .findings import CheckResult, Finding
from .profiles import Profile, all_profiles, in_force_on, load_profile, load_profile_file

__all__ = [
    "CheckResult",
    "Finding",
    "Profile",
    "all_profiles",
    "check_document",
    "check_path",
    "detect_generation",
    "effective_date",
    "in_force_on",
    "load_profile",
    "load_profile_file",
]
