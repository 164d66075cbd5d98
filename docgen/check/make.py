"""Check stage, finding factory: builds a :class:`Finding` with its message in the act's language."""

from __future__ import annotations

from typing import Any

from .data import message
from .findings import Finding


def finding(
    code: str,
    severity: str,
    lang: str,
    *,
    point: str,
    quote: str = "",
    expected: Any = "",
    actual: Any = "",
    evidence: str = "FACT",
    details: dict[str, Any] | None = None,
    **params: Any,
) -> Finding:
    exp = "" if expected is None else str(expected)
    act = "" if actual is None else str(actual)
    text = message(code, lang, point=point, expected=exp, actual=act, **params)
    return Finding(
        code=code,
        category=code.split(".", 1)[0],
        severity=severity,
        point=point,
        quote=quote,
        message=text,
        expected=exp,
        actual=act,
        evidence=evidence,
        details=details or {},
    )
