"""Check stage, results: the :class:`Finding` record and the :class:`CheckResult` of one act.

Findings are data with stable codes (``<category>.<variant>``), never exceptions. A result is
"failed" when it holds at least one finding of severity ``error`` (exit code 1 of ``docgen check``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")
# the evidence of a model value (profiles) and, for findings, also a learned model's judgement on the act's
# own words (docgen/check/xref_learned.py: the reference warnings it adds)
SOURCE_EVIDENCE = ("FACT", "SEED-FACT", "INFERRED")
EVIDENCE = (*SOURCE_EVIDENCE, "LEARNED")
CATEGORIES = (
    "outdated_edition",
    "model_deviation",
    "missing_provision",
    "extra_provision",
    "form_deviation",
    "broken_cross_reference",
    "missing_appendix",
    "numbering_gap",
    "duplicate_number",
    "inconsistent_value",
    "table_gap",
    "mixed_script",
    "html_residue",
    "wording",
    "check",
)


@dataclass(frozen=True)
class Finding:
    code: str
    category: str
    severity: str
    point: str
    quote: str
    message: str
    expected: str = ""
    actual: str = ""
    evidence: str = "SEED-FACT"
    details: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"bad severity {self.severity!r}")
        if self.evidence not in EVIDENCE:
            raise ValueError(f"bad evidence {self.evidence!r}")
        if self.category not in CATEGORIES:
            raise ValueError(f"bad category {self.category!r}")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "category": self.category,
            "severity": self.severity,
            "point": self.point,
            "quote": self.quote,
            "message": self.message,
            "expected": self.expected,
            "actual": self.actual,
            "evidence": self.evidence,
        }
        if self.details:
            out["details"] = self.details
        return out


def _point_key(point: str) -> tuple[int, int, str]:
    if point == "header":
        return (-1, 0, point)
    if point.isdecimal():
        return (1, int(point), "")
    if point.startswith("app") and point[3:].isdecimal():
        return (2, int(point[3:]), "")
    if point.startswith("ch") and point[2:].isdecimal():
        return (1, 0, point)
    return (0, 0, point)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    order = {c: i for i, c in enumerate(CATEGORIES)}
    return sorted(findings, key=lambda f: (_point_key(f.point), order.get(f.category, 99), f.code, f.quote))


@dataclass(frozen=True)
class CheckResult:
    path: str
    language: str
    edition: str
    edition_title: str
    act_date: str | None
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = ()
    facts: dict[str, Any] = field(
        default_factory=dict
    )  # adoption / edition / repeal dates, editions in force

    @property
    def failed(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def summary(self) -> dict[str, dict[str, int]]:
        table: dict[str, dict[str, int]] = {}
        for f in self.findings:
            row = table.setdefault(f.category, {s: 0 for s in SEVERITIES})
            row[f.severity] += 1
        return table

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.path,
            "language": self.language,
            "edition": self.edition,
            "edition_title": self.edition_title,
            "act_date": self.act_date,
            "failed": self.failed,
            "summary": self.summary(),
            "findings": [f.to_json() for f in self.findings],
            "notes": list(self.notes),
            **({"dates": self.facts} if self.facts else {}),
        }
