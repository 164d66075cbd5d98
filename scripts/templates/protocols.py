"""Build the protocol and 360-report templates (docxtpl/Jinja tags) in templates_kk/ and templates_ru/.

Run: ``.venv/bin/python scripts/templates/protocols.py`` (rewrites the 8 files; commit them). The kk and ru
files of a form carry the same variables (a test checks it against the typed contexts in
``docgen.protocols`` and ``docgen.report360``). Layout follows the seeds' appendices: the appendix caption
and the "Нысан"/"Форма" corner at the top right, the title, tables with the columns as printed, signature
and date lines. Static wording lives here, per language; values come from the contexts.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from slim import finish  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
RIGHT, CENTER, LEFT = WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT


class Builder:
    def __init__(self, landscape: bool = False) -> None:
        self.doc = Document()
        st = self.doc.styles["Normal"]
        st.font.name = "Times New Roman"
        st.font.size = Pt(12)
        st.paragraph_format.space_after = Pt(2)
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        if landscape:
            sec.orientation = WD_ORIENT.LANDSCAPE
            sec.page_width, sec.page_height = Cm(29.7), Cm(21)
        sec.left_margin, sec.right_margin = Cm(2.5), Cm(1.5)
        sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)

    def p(self, text: str = "", align=LEFT, bold: bool = False, size: float | None = None) -> None:
        par = self.doc.add_paragraph()
        par.alignment = align
        run = par.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)

    def tag(self, text: str) -> None:
        """A paragraph-level Jinja tag ({%p ... %}); docxtpl removes the paragraph."""
        self.doc.add_paragraph(text)

    def corner(self, form_word: str) -> None:
        self.tag("{%p if appendix_caption %}")
        self.p("{{ appendix_caption }}", RIGHT, size=10)
        self.tag("{%p endif %}")
        self.p(form_word, RIGHT)

    def table(
        self,
        headers: Sequence[str],
        loop: str,
        cells: Sequence[str],
        widths: Sequence[float],
        *,
        size: float = 10,
        borders: bool = True,
    ) -> None:
        t = self.doc.add_table(rows=0, cols=len(cells))
        if borders:
            t.style = "Table Grid"
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        rows: list[tuple[Sequence[str], bool]] = []
        if headers:
            rows.append((headers, True))
        rows += [([f"{{%tr for {loop} %}}"], False), (cells, False), (["{%tr endfor %}"], False)]
        for values, bold in rows:
            r = t.add_row()
            for i, c in enumerate(r.cells):
                c.width = Cm(widths[i])
                text = values[i] if i < len(values) else ""
                par = c.paragraphs[0]
                run = par.add_run(text)
                run.bold = bold
                run.font.size = Pt(size)
                if bold:
                    par.alignment = CENTER
        for i, col in enumerate(t.columns):
            col.width = Cm(widths[i])
        self.doc.add_paragraph()

    def save(self, path: Path, *, lang: str, title: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.doc.save(str(path))
        path.write_bytes(finish(path.read_bytes(), lang=lang, title=title))


# ------------------------------------------------------------------------------------------ wording
T = {
    "kk": {
        "form": "Нысан",
        "cal_title": "Калибрлеу сессиясының хаттамасы № {{ number }}",
        "cal_lines": [
            "{{ body }}",
            "{{ place }}\t\t\t\t\t\t{{ session_date }}",
            "Бағаланатын кезең: {{ period }}",
            "Қызметшінің өтініші түскен күн: {{ application_date }}",
            "Калибрлеу сессиясын өткізу және оның құрамын бекіту туралы шешім: {{ decision_date }} "
            "(мерзімі – {{ decision_deadline }} кешіктірілмей)",
            "Калибрлеу сессиясы өткізілді: {{ session_date }} (мерзімі – {{ session_deadline }} кешіктірілмей)",
        ],
        "members_h": "1. Калибрлеу сессиясының құрамы (мүшелер саны: {{ members_count }})",
        "members_cols": ["№ р/с", "Т.А.Ә.", "Лауазымы", "Калибрлеу сессиясындағы рөлі"],
        "excluded_h": "2. Калибрлеу сессиясының құрамына кірмейтін адамдар",
        "excluded_cols": ["Т.А.Ә.", "Негіздеме"],
        "case_h": "3. Қаралатын баға",
        "case_lines": [
            "Бағаланатын адам: {{ evaluated_name }}, {{ evaluated_position }}",
            "Бағалаушы адам: {{ evaluator_name }}, {{ evaluator_position }}",
            "Бағалаушы адамның бағасы: {{ evaluator_score }}",
            "Бағалаушы адамның дәлелдері: {{ evaluator_argument }}",
        ],
        "objection": "Бағаланатын адамның бағалауға келіспеуі ({{ objection_form }}): {{ objection_text }}",
        "disc_h": "4. Калибрлеу сессиясы мүшелерінің дәлелдері",
        "disc_cols": ["№ р/с", "Мүшенің Т.А.Ә.", "Ұстанымы", "Дәлелдері", "Ұсынылған баға"],
        "votes_h": "5. Дауыс беру",
        "votes_cols": ["№ р/с", "Мүшенің Т.А.Ә.", "Дауыс берілген баға"],
        "majority": "Қорытынды баға басым дауыспен қабылданды: {{ majority }}.",
        "decision_h": "6. Шешім",
        "decision": "Қорытынды баға: {{ final_score }} – {{ final_grade }} ({{ change }}).",
        "upload": "Хаттама қол қойылған күннен бастап ақпараттық жүйеге {{ upload_deadline }} кешіктірілмей "
        "орналастырылады.",
        "sign_h": "Калибрлеу сессиясы мүшелерінің қолдары:",
        "sign_cells": ["{{ m.name }}", "____________ (қолы)", "Күні {{ signed_date }}"],
        # commission
        "com_title": "Бағалау жөніндегі комиссия отырысының хаттамасы № {{ number }}",
        "com_lines": [
            "{{ body }}",
            "(мемлекеттік органның атауы)",
            "{{ place }}\t\t\t\t\t\t{{ meeting_date }}",
            "Бағаланатын кезең: {{ period }}",
        ],
        "com_members_h": "Комиссия құрамы",
        "com_members_cols": ["№ р/с", "Т.А.Ә.", "Лауазымы", "Комиссиядағы рөлі"],
        "quorum": "Отырысқа дауыс беретін {{ members_count }} мүшенің {{ present_count }} қатысты "
        "(кворум – құрамның кемінде {{ quorum }}). Шешім ашық дауыс беру арқылы қабылданады.",
        "results_h": "Бағалау нәтижелері:",
        "results_cols": [
            "№ р/с",
            "Қызметшінің Т.А.Ә.",
            "Лауазымы",
            "Бағалау нәтижелері",
            "Комиссияның шешімі",
            "Дауыс беру қорытындысы",
            "Бағалау нәтижелері комиссиямен түзетілуі (бар болған жағдайда)",
        ],
        "conclusion": "Комиссияның қорытындысы: {{ conclusion }}",
        "fam": "Бағалау нәтижелерімен таныстыру мерзімі – {{ familiarization_deadline }} кешіктірілмей; "
        "Комиссия шешіміне шағымдану мерзімі – {{ appeal_deadline }} дейін.",
        "checked": "Тексерілді:",
        "com_sign_cells": ["{{ s.role }}", "{{ s.name }}", "____________ (қолы)", "Күні ________"],
        "approve": "Бағалау нәтижелерін бекітемін:",
        "approve_line": "{{ authorized_position }} {{ authorized_name }} ____________ (қолы)   Күні ________",
        # 360
        "r360_title": "Қызметшіні 360 әдісімен бағалау нәтижесі",
        "r360_sub_leader": "(құрылымдық бөлімшелердің басшылары үшін)",
        "r360_sub_staff": '("Б" корпусының қызметшілері үшін)',
        "r360_name_leader": "Құрылымдық бөлімше басшысының Т. А.Ә. {{ person_name }}",
        "r360_name_staff": "Бағаланатын қызметшінің Т. А.Ә. {{ person_name }}",
        "r360_extra": "Лауазымы: {{ position }}   Бағаланатын кезең: {{ period }}",
        "r360_cols": ["№", "Құзырет", "Құзыреттер бойынша орташа қорытынды баға", ""],
        "r360_note": "Әрбір құзырет бойынша бағалаудың орташа қорытынды нәтижелерін есептеу автоматты режимде "
        "әрбір респонденттің баллдарын қосу және респонденттердің санына бөлу (өзін-өзі бағалаудан басқа) "
        "арқылы жүзеге асырылады.",
        "r360_resp": "Респонденттер саны: {{ respondents }}",
        "r360_result": "Бағалау нәтижесі: {{ overall }}",
    },
    "ru": {
        "form": "Форма",
        "cal_title": "Протокол калибровочной сессии № {{ number }}",
        "cal_lines": [
            "{{ body }}",
            "{{ place }}\t\t\t\t\t\t{{ session_date }}",
            "Оцениваемый период: {{ period }}",
            "Дата поступления обращения служащего: {{ application_date }}",
            "Решение о проведении калибровочной сессии и утверждении ее состава: {{ decision_date }} "
            "(срок – не позднее {{ decision_deadline }})",
            "Калибровочная сессия проведена: {{ session_date }} (срок – не позднее {{ session_deadline }})",
        ],
        "members_h": "1. Состав калибровочной сессии (количество членов: {{ members_count }})",
        "members_cols": ["№ п/п", "Ф.И.О.", "Должность", "Роль в калибровочной сессии"],
        "excluded_h": "2. Лица, не включенные в состав калибровочной сессии",
        "excluded_cols": ["Ф.И.О.", "Основание"],
        "case_h": "3. Рассматриваемая оценка",
        "case_lines": [
            "Оцениваемое лицо: {{ evaluated_name }}, {{ evaluated_position }}",
            "Оценивающее лицо: {{ evaluator_name }}, {{ evaluator_position }}",
            "Оценка оценивающего лица: {{ evaluator_score }}",
            "Аргументы оценивающего лица: {{ evaluator_argument }}",
        ],
        "objection": "Несогласие оцениваемого лица с оценкой ({{ objection_form }}): {{ objection_text }}",
        "disc_h": "4. Аргументы членов калибровочной сессии",
        "disc_cols": ["№ п/п", "Ф.И.О. члена", "Позиция", "Аргументы", "Предлагаемая оценка"],
        "votes_h": "5. Голосование",
        "votes_cols": ["№ п/п", "Ф.И.О. члена", "Оценка, за которую подан голос"],
        "majority": "Итоговая оценка принята большинством голосов: {{ majority }}.",
        "decision_h": "6. Решение",
        "decision": "Итоговая оценка: {{ final_score }} – {{ final_grade }} ({{ change }}).",
        "upload": "Протокол размещается в информационной системе не позднее {{ upload_deadline }} "
        "(в течение установленного срока со дня его подписания).",
        "sign_h": "Подписи членов калибровочной сессии:",
        "sign_cells": ["{{ m.name }}", "____________ (подпись)", "Дата {{ signed_date }}"],
        "com_title": "Протокол заседания Комиссии по оценке № {{ number }}",
        "com_lines": [
            "{{ body }}",
            "(наименование государственного органа)",
            "{{ place }}\t\t\t\t\t\t{{ meeting_date }}",
            "Оцениваемый период: {{ period }}",
        ],
        "com_members_h": "Состав Комиссии",
        "com_members_cols": ["№ п/п", "Ф.И.О.", "Должность", "Роль в Комиссии"],
        "quorum": "На заседании присутствуют {{ present_count }} из {{ members_count }} голосующих членов "
        "(кворум – не менее {{ quorum }} состава). Решение принимается открытым голосованием.",
        "results_h": "Результаты оценки:",
        "results_cols": [
            "№ п/п",
            "Ф.И.О. служащего",
            "Должность",
            "Результаты оценки",
            "Решение Комиссии",
            "Итоги голосования",
            "Корректировка результатов оценки Комиссией (в случае наличия)",
        ],
        "conclusion": "Заключение Комиссии: {{ conclusion }}",
        "fam": "Срок ознакомления с результатами оценки – не позднее {{ familiarization_deadline }}; "
        "срок обжалования решения Комиссии – до {{ appeal_deadline }}.",
        "checked": "Проверено:",
        "com_sign_cells": ["{{ s.role }}", "{{ s.name }}", "____________ (подпись)", "Дата ________"],
        "approve": "Результаты оценки утверждаю:",
        "approve_line": "{{ authorized_position }} {{ authorized_name }} ____________ (подпись)   Дата ________",
        "r360_title": "Результаты оценки служащего методом 360",
        "r360_sub_leader": "(для руководителей структурных подразделений)",
        "r360_sub_staff": '(для служащих корпуса "Б")',
        "r360_name_leader": "Ф.И.О. руководителя структурного подразделения {{ person_name }}",
        "r360_name_staff": "Ф.И.О. оцениваемого служащего {{ person_name }}",
        "r360_extra": "Должность: {{ position }}   Оцениваемый период: {{ period }}",
        "r360_cols": ["№", "Компетенция", "Средняя итоговая оценка по компетенциям", ""],
        "r360_note": "Расчет средних итоговых результатов оценки по каждой компетенции осуществляется в "
        "автоматическом режиме путем суммирования баллов каждого респондента и деления на количество "
        "респондентов (за исключением самооценки).",
        "r360_resp": "Количество респондентов: {{ respondents }}",
        "r360_result": "Результат оценки: {{ overall }}",
    },
}


def build_calibration(lang: str) -> Builder:
    w = T[lang]
    b = Builder()
    b.corner(w["form"])
    b.p(w["cal_title"], CENTER, bold=True)
    for line in w["cal_lines"]:
        b.p(line)
    b.p(w["members_h"], bold=True)
    b.table(
        w["members_cols"],
        "m in members",
        ["{{ m.n }}", "{{ m.name }}", "{{ m.position }}", "{{ m.role }}"],
        [1.2, 5, 6, 4.8],
    )
    b.p(w["excluded_h"], bold=True)
    b.table(w["excluded_cols"], "x in excluded", ["{{ x.name }}", "{{ x.reason }}"], [8, 9])
    b.p(w["case_h"], bold=True)
    for line in w["case_lines"]:
        b.p(line)
    b.tag("{%p if objection_form %}")
    b.p(w["objection"])
    b.tag("{%p endif %}")
    b.tag("{%p if discussion %}")
    b.p(w["disc_h"], bold=True)
    b.table(
        w["disc_cols"],
        "d in discussion",
        ["{{ d.n }}", "{{ d.name }}", "{{ d.stance }}", "{{ d.argument }}", "{{ d.proposed }}"],
        [1.2, 4, 4, 5.6, 2.2],
    )
    b.tag("{%p endif %}")
    b.p(w["votes_h"], bold=True)
    b.table(w["votes_cols"], "v in votes", ["{{ v.n }}", "{{ v.name }}", "{{ v.score }}"], [1.2, 10, 5.8])
    b.p(w["majority"])
    b.p(w["decision_h"], bold=True)
    b.p(w["decision"], bold=True)
    b.p(w["upload"])
    b.p("")
    b.p(w["sign_h"], bold=True)
    b.table([], "m in members", w["sign_cells"], [7, 5, 5], size=12, borders=False)
    return b


def build_commission(lang: str) -> Builder:
    w = T[lang]
    b = Builder(landscape=True)
    b.corner(w["form"])
    b.p(w["com_title"], CENTER, bold=True)
    for line in w["com_lines"]:
        b.p(
            line,
            CENTER if line.startswith("(") or line == "{{ body }}" else LEFT,
            size=9 if line.startswith("(") else None,
        )
    b.p(w["com_members_h"], bold=True)
    b.table(
        w["com_members_cols"],
        "m in members",
        ["{{ m.n }}", "{{ m.name }}", "{{ m.position }}", "{{ m.role }}"],
        [1.2, 8, 10, 6.5],
    )
    b.p(w["quorum"])
    b.p(w["results_h"], bold=True)
    b.table(
        w["results_cols"],
        "r in results",
        [
            "{{ r.n }}",
            "{{ r.name }}",
            "{{ r.position }}",
            "{{ r.result }}",
            "{{ r.decision }}",
            "{{ r.votes }}",
            "{{ r.corrected }}",
        ],
        [1.2, 4, 4, 5, 3.5, 4, 4],
    )
    b.p(w["conclusion"])
    b.tag("{%p if familiarization_deadline %}")
    b.p(w["fam"], size=10)
    b.tag("{%p endif %}")
    b.p("")
    b.p(w["checked"], bold=True)
    b.table([], "s in signers", w["com_sign_cells"], [6, 8, 6, 5.7], size=12, borders=False)
    b.tag("{%p if authorized_name %}")
    b.p(w["approve"], bold=True)
    b.p(w["approve_line"])
    b.tag("{%p endif %}")
    return b


def build_result360(lang: str, group: str) -> Builder:
    w = T[lang]
    b = Builder()
    b.corner(w["form"])
    b.p(w["r360_title"], CENTER, bold=True)
    b.p(w[f"r360_sub_{group}"], CENTER)
    b.p(w[f"r360_name_{group}"])
    b.p(w["r360_extra"])
    b.table(
        w["r360_cols"],
        "r in rows",
        ["{{ r.n }}", "{{ r.name }}", "{{ r.mean }}", "{% vm %}{{ chart_anchor }}"],
        [0.8, 3.8, 3.2, 9.2],
    )
    b.p(w["r360_note"], size=10)
    b.p(w["r360_resp"])
    b.p(w["r360_result"], bold=True)
    return b


def main(argv: list[str]) -> int:
    for lang in ("kk", "ru"):
        out = ROOT / f"templates_{lang}"
        s = T[lang]
        build_calibration(lang).save(out / "calibration_protocol.docx", lang=lang, title=s["cal_title"])
        build_commission(lang).save(out / "commission_protocol.docx", lang=lang, title=s["com_title"])
        for group in ("leader", "staff"):
            title = f"{s['r360_title']} {s[f'r360_sub_{group}']}"
            build_result360(lang, group).save(out / f"result360_{group}.docx", lang=lang, title=title)
        print(f"wrote 4 templates to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
