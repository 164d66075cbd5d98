"""Write the sample input files of legal_corpus/samples/ (fictitious people, fixed random seed).

Usage: .venv/bin/python scripts/make_samples.py
- sheets_2026Q1_ru.csv / sheets_2026Q1_kk.csv: one row per employee for `docgen fill` (2025 sheets);
- answers360_kk.xlsx: 360 answers for `docgen report360` on the 2018 methodology (seed 000).
The protocol samples (calibration_session_ru.yaml, commission_meeting_kk.yaml) are written by hand.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "legal_corpus" / "samples"
RU_NAMES = [
    "Иванова Анна Петровна",
    "Сейткали Ержан Болатович",
    "Ким Ольга Викторовна",
    "Петров Илья Сергеевич",
    "Жумабаева Айгуль Маратовна",
    "Смагулов Даурен Асетович",
    "Орлова Мария «Маша» Андреевна",
    "Нуржанов Тимур & Ко",
    "Абенова Салтанат",
    "Ли Виктор",
]
KK_NAMES = [
    "Әбілқасымова Гүлнар Ерланқызы",
    "Төлеуов Нұрлан Серікұлы",
    "Жақсылықова Әйгерім",
    "Қайратұлы Дәурен",
    "Сәрсенбаева Мөлдір",
    "Өтегенов Бауыржан",
    "Ұзақбаева Айжан",
    "Ғабитов Ерасыл",
]
SANCTIONS = ["none"] * 6 + ["remark", "reprimand", "severe_reprimand", "other"]


def sheets(path: Path, names: list[str], lang: str, rng: random.Random) -> None:
    leader_cats = ["E-1", "E-2", "D-1"] if lang == "ru" else ["E-1", "E-2", "E-R-1"]
    staff_cats = ["E-3", "E-4", "D-4"] if lang == "ru" else ["E-3", "E-4", "E-5"]
    pos = {"ru": ("руководитель отдела", "главный специалист"), "kk": ("бөлім басшысы", "бас маман")}[lang]
    body = {"ru": "ГУ «Управление цифровизации области»", "kk": "«Облыстық цифрландыру басқармасы» ММ"}[lang]
    header = [
        "full_name",
        "position",
        "category",
        "body",
        "evaluator_name",
        "evaluator_position",
        "period",
        "score_1",
        "score_2",
        "score_3",
        "score_4",
        "score_5",
        "sanction",
        "comment_1",
    ]
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for i, name in enumerate(names):
            leader = i % 3 == 0
            cat = rng.choice(leader_cats if leader else staff_cats)
            scores = [rng.choice([2, 3, 3.5, 4, 4.5, 5]) for _ in range(5)]
            comment = (
                ""
                if i % 2
                else ("Сроки соблюдены; качество < 5 & > 3" if lang == "ru" else "Мерзімдер сақталды")
            )
            w.writerow(
                [
                    name,
                    pos[0] if leader else pos[1],
                    cat,
                    body,
                    "Руководитель Р." if lang == "ru" else "Басшы Б.",
                    pos[0],
                    "2026-Q1",
                    *scores,
                    rng.choice(SANCTIONS),
                    comment,
                ]
            )


def answers360(path: Path, rng: random.Random) -> None:
    from openpyxl import load_workbook

    from docgen.catalogue import catalogue_for_path
    from docgen.report360 import write_answers_template

    cat = catalogue_for_path(next(ROOT.glob("legal_corpus/acts/*/000_*.txt")))
    write_answers_template(cat, path, force=True)
    wb = load_workbook(path)
    people = {
        "leaders": [("L1", "Төлеуов Нұрлан", "басқарма басшысы")],
        "staff": [("S1", "Сәрсенбаева Мөлдір", "бас маман"), ("S2", "Ғабитов Ерасыл", "жетекші маман")],
    }
    for sheet, persons in people.items():
        ws = wb[sheet]
        n = ws.max_column - 4
        for pid, name, pos in persons:
            for role in ["self", "direct_superior", "peer", "peer", "subordinate"]:
                ws.append([pid, name, pos, role, *[rng.randint(2, 5) for _ in range(n)]])
    wb.save(path)


def main() -> None:
    rng = random.Random(2026)
    SAMPLES.mkdir(parents=True, exist_ok=True)
    sheets(SAMPLES / "sheets_2026Q1_ru.csv", RU_NAMES, "ru", rng)
    sheets(SAMPLES / "sheets_2026Q1_kk.csv", KK_NAMES, "kk", rng)
    answers360(SAMPLES / "answers360_kk.xlsx", rng)


if __name__ == "__main__":
    main()
