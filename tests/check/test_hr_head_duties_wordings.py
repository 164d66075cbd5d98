"""The HR head's duties stated with the calibration session's verb after a reference («калибрлеу сессиясын
19-тармақтан бастап 23-тармаққа дейін белгіленген тәртіппен өткізуді») or as preparing the session
(«калибрлеу сессиясына дайындықты … қамтамасыз етуді», «подготовку информации по каждому работнику к
калибровочной сессии»: the model's «including a file on each employee») are the model's provision, not a
missing one (held-out set 9, texts 05, 06, 09). The HR service itself, a head without a calibration duty, or
a session named without a duty is not it. Expected values written by reading the sentences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docgen.check import check_path
from docgen.check.data import matches_topic

SET9 = Path(__file__).resolve().parents[1] / "data" / "heldout_xref9"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "kk",
            "Персоналды басқару қызметінің басшысы:\n1) бағалау парағын жіберуді;\n2) калибрлеу сессиясын "
            "19-тармақтан бастап 23-тармаққа дейін белгіленген тәртіппен өткізуді қамтамасыз етеді.",
            True,
        ),
        (
            "kk",
            "Кадр қызметінің басшысы:\n1) калибрлеу сессиясына дайындықты 15–19-тармақтарға сәйкес қамтамасыз "
            "етуді;\n2) хабарламаларды жіберуді қамтамасыз етеді.",
            True,
        ),
        # near misses: the service itself, a head who only sits in the session, a session with no duty
        ("kk", "Персоналды басқару қызметі калибрлеу сессиясына дайындықты қамтамасыз етеді.", False),
        ("kk", "Персоналды басқару қызметінің басшысы калибрлеу сессиясының құрамына кіреді.", False),
        (
            "kk",
            "Персоналды басқару қызметінің басшысы:\n1) бағалау процесін ұйымдастыруды;\n2) калибрлеу "
            "сессиясының хаттамаларын сақтауды қамтамасыз етеді.",
            False,
        ),
        (
            "ru",
            "Руководитель службы управления персоналом обеспечивает:\n1) организацию и сопровождение процесса "
            "оценки;\n2) подготовку информации по каждому работнику к калибровочной сессии, созываемой в порядке "
            "п. 19 Методики.",
            True,
        ),
        (
            "ru",
            "Руководитель кадровой службы отвечает за:\n1) проведение в порядке, установленном пунктами 18–22 "
            "Методики, калибровочной сессии.",
            True,
        ),
        (
            "ru",
            "Служба управления персоналом обеспечивает подготовку информации к калибровочной сессии.",
            False,
        ),
        ("ru", "Руководитель службы управления персоналом входит в состав калибровочной сессии.", False),
        (
            "ru",
            "Руководитель службы управления персоналом обеспечивает:\n1) организацию оценки;\n2) хранение "
            "протоколов калибровочной сессии.",
            False,
        ),
    ],
)
def test_the_hr_heads_duty_on_the_calibration_session(lang: str, text: str, expected: bool) -> None:
    assert matches_topic(text, "hr_head_duties", lang, first_way=True) is expected


def _missing(path: Path) -> bool:
    found = check_path(str(path), as_of=dt.date(2026, 12, 7)).findings
    return any(
        f.code == "missing_provision.topic" and (f.details or {}).get("topic") == "hr_head_duties"
        for f in found
    )


@pytest.mark.parametrize(
    ("name", "point", "variant", "missing"),
    [
        # a variant of set 9's text 09 (kk): the duty reworded, then a list without the session
        (
            "09_kk_2025_quarterly_sheets_zhetisu.txt",
            "3) калибрлеу сессиясына дайындықты 15–19-тармақтарға сәйкес қамтамасыз етуді;",
            "3) калибрлеу сессиясын 15–19-тармақтарда белгіленген тәртіппен және мерзімде өткізуді;",
            False,
        ),
        (
            "09_kk_2025_quarterly_sheets_zhetisu.txt",
            "3) калибрлеу сессиясына дайындықты 15–19-тармақтарға сәйкес қамтамасыз етуді;",
            "3) бағалау құжаттарының сақталуын қамтамасыз етуді;",
            True,
        ),
        # a variant of set 9's text 06 (ru): the same
        (
            "06_ru_2025_quarterly_sheets_stroy.txt",
            "3) подготовку информации по каждому работнику к калибровочной сессии, созываемой в порядке п. 19 "
            "Методики;",
            "3) подготовку к калибровочной сессии (пункты 19–22) сведений о каждом работнике;",
            False,
        ),
        (
            "06_ru_2025_quarterly_sheets_stroy.txt",
            "3) подготовку информации по каждому работнику к калибровочной сессии, созываемой в порядке п. 19 "
            "Методики;",
            "3) хранение документов, связанных с оценкой;",
            True,
        ),
    ],
    ids=["kk-verb-after-reference", "kk-no-session", "ru-preparing", "ru-no-session"],
)
def test_a_variant_act(tmp_path: Path, name: str, point: str, variant: str, missing: bool) -> None:
    text = (SET9 / name).read_text(encoding="utf-8")
    assert text.count(point) == 1
    path = tmp_path / name
    path.write_text(text.replace(point, variant), encoding="utf-8")
    assert _missing(path) is missing
