"""The amending wording opens by naming the act it amends in full (legal technique: «Внести в
постановление акимата … от … № … «Об утверждении …» (зарегистрировано … под № …) следующие
изменения:», then «в Методике …, утвержденной указанным постановлением:»); when the act read is
itself an amending act, the act its title names is the one amended. Expected text written from the
act lines below."""

from __future__ import annotations

from docgen.catalogue_model import ActInfo
from docgen.draft.amend import Amendment, Change, amending_lead, amendment_text

RU = ActInfo(
    language="ru",
    act_type="resolution",
    act_date="2018-03-15",
    act_number="53",
    registration_number="5102",
    title='Об утверждении Методики оценки деятельности административных государственных служащих корпуса "Б" акимата области',
    issuer="акимат Западно-Казахстанской области",
)
KK = ActInfo(
    language="kk",
    act_type="decision",
    act_date="2023-09-19",
    act_number="278/5",
    title='"Б" корпусы мемлекеттік әкімшілік қызметшілерінің қызметін бағалаудың әдістемесін бекіту туралы',
    issuer="Шахтинск қалалық мәслихаты",
)


def test_ru_lead_names_the_act_and_its_methodology() -> None:
    lead, inside, new = amending_lead(RU, "ru") or ("", "", "")
    assert lead == (
        "Внести в постановление акимата Западно-Казахстанской области от 15 марта 2018 года № 53 "
        '«Об утверждении Методики оценки деятельности административных государственных служащих корпуса "Б" '
        "акимата области» (зарегистрировано в Реестре государственной регистрации нормативных правовых актов "
        "под № 5102) следующие изменения:"
    )
    assert inside == (
        'в Методике оценки деятельности административных государственных служащих корпуса "Б" акимата '
        "области, утвержденной указанным постановлением:"
    )
    assert new.startswith("Методику оценки деятельности") and new.endswith(
        "изложить в новой редакции согласно приложению к настоящему постановлению."
    )


def test_kk_lead_names_the_act_in_the_dative() -> None:
    lead, inside, new = amending_lead(KK, "kk") or ("", "", "")
    assert lead == (
        "Шахтинск қалалық мәслихатының 2023 жылғы 19 қыркүйектегі № 278/5 "
        '«"Б" корпусы мемлекеттік әкімшілік қызметшілерінің қызметін бағалаудың әдістемесін бекіту туралы» '
        "шешіміне мынадай өзгерістер енгізілсін:"
    )
    assert inside == (
        'көрсетілген шешіммен бекітілген "Б" корпусы мемлекеттік әкімшілік қызметшілерінің қызметін '
        "бағалаудың әдістемесінде:"
    )
    assert new.endswith("осы шешімнің қосымшасына сәйкес жаңа редакцияда жазылсын.")


def test_an_amending_act_read_amends_the_act_its_title_names() -> None:
    ru = ActInfo(
        language="ru",
        act_type="resolution",
        act_date="2026-04-09",
        act_number="660/1",
        registration_number="9999",
        title="О внесении изменений в постановление акимата города Павлодара от 3 апреля 2018 года № 402/11 "
        "«Об утверждении Методики оценки»",
        issuer="акимат города Павлодара",
    )
    lead, inside, _ = amending_lead(ru, "ru") or ("", "", "")
    assert lead == (
        "Внести в постановление акимата города Павлодара от 3 апреля 2018 года № 402/11 "
        "«Об утверждении Методики оценки» следующие изменения:"
    )
    assert "9999" not in lead  # the amending act's registration is not the amended act's
    assert inside == "в Методике, утвержденной указанным постановлением:"
    kk = ActInfo(
        language="kk",
        title='"Әдістемесін бекіту туралы" Қазақстан Республикасы Энергетика министрінің 2018 жылғы 20 '
        "тамыздағы № 325 бұйрығына өзгерістер енгізу туралы",
    )
    lead, inside, _ = amending_lead(kk, "kk") or ("", "", "")
    assert lead == (
        '"Әдістемесін бекіту туралы" Қазақстан Республикасы Энергетика министрінің 2018 жылғы 20 тамыздағы '
        "№ 325 бұйрығына мынадай өзгерістер енгізілсін:"
    )
    assert inside == "көрсетілген бұйрықпен бекітілген Әдістемеде:"


def _change(point: str) -> Change:
    return Change("set", point, f"{point}. три дня", f"{point}. пять дней", ("k",), (("три", "пять"),))


def test_one_change_is_announced_in_the_singular_and_no_header_keeps_the_short_form() -> None:
    one = Amendment("ru", "", "", [_change("10")])
    text = amendment_text(one, RU)
    assert "следующее изменение:" in text.split("\n")[0]
    two = Amendment("ru", "", "", [_change("10"), _change("12")])
    assert "следующие изменения:" in amendment_text(two, RU).split("\n")[0]
    assert amendment_text(two, ActInfo(language="ru")).startswith("В Методику внести следующие изменения:")
    whole = Amendment("ru", "", "", [], new_edition=True)
    lines = [x for x in amendment_text(whole, RU).split("\n") if x]
    assert lines[0].endswith("следующее изменение:") and lines[1].startswith("Методику оценки")
