"""The pages as a person uses them: Playwright drives Debian's chromium (/usr/bin/chromium, installed by
scripts/install-system-deps.sh; no browser is ever downloaded) against a live ``docgen serve``.

Every page: upload (or pick a corpus act), see the values, download the files and open them. Values
are read from the acts: the West Kazakhstan resolution (004) says "оцениваемый период – квартал".
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import SHEETS_RU, WKO

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    from docgen.web.app import create_app
    from docgen.web.live import running

    with running(create_app()) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed (make sysdeps)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(accept_downloads=True, locale="ru-RU")
    errors: list[str] = []
    pg = context.new_page()
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.set_default_timeout(60_000)
    yield pg
    context.close()
    assert not errors, errors  # no CSP violation, no script error


def _download(page: Any, click: Any) -> bytes:
    with page.expect_download() as info:
        click()
    path = info.value.path()
    return Path(path).read_bytes()


def test_act_page_upload_values_and_downloads(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/act?lang=kk")
    assert page.locator("h1").inner_text() == "Әдістемені талдау"
    page.locator("a.lang", has_text="Русский").click()
    assert page.locator("h1").inner_text() == "Разбор методики"
    page.set_input_files("input[name=act]", str(WKO))
    page.locator("select[name=corpus]").select_option("")
    page.locator("form.job button").click()
    row = page.locator("tr[data-key=evaluation_period]")
    assert row.get_attribute("data-value") == "quarter"
    assert row.locator("td.value").inner_text() == "квартал"  # the value in words, not its code
    assert "оцениваемый период – квартал" in row.inner_text()
    # the quote in the table leads to the value highlighted in the text, and back
    row.locator("a").click()
    mark = page.locator("mark:target")
    assert "оцениваемый период – квартал" in mark.inner_text()
    cat = json.loads(_download(page, lambda: page.get_by_text("Каталог (JSON)").click()))
    assert cat["parameters"]["evaluation_period"]["value"] == "quarter"
    text = _download(page, lambda: page.get_by_text("Разобранный текст").click()).decode()
    assert "оцениваемый период – квартал" in text


def test_forms_page_zip(page: Any, base_url: str) -> None:
    import docx

    page.goto(f"{base_url}/forms?lang=ru")
    page.locator("select[name=corpus]").select_option("wko-akimat-53")
    page.locator("select[name=lang]").select_option("both")
    page.locator("form.job button").click()
    body = _download(page, lambda: page.locator("#forms-zip").click())
    names = zipfile.ZipFile(io.BytesIO(body)).namelist()
    assert any(n.endswith(".kk.docx") for n in names) and any(n.endswith(".ru.docx") for n in names)
    assert "translation.json" in names  # the translation report of the forms in the other language
    # file by file: the same forms, each one opens in Word
    links = page.locator("ul.files a")
    assert links.count() == len([n for n in names if n.endswith(".docx")])
    one = _download(page, lambda: links.first.click())
    assert docx.Document(io.BytesIO(one)).tables


def test_fill_page_template_results_zip(page: Any, base_url: str) -> None:
    from openpyxl import load_workbook

    page.goto(f"{base_url}/fill?lang=kk")
    page.locator("#template-form select[name=corpus]").select_option("wko-akimat-53")
    xlsx = _download(page, lambda: page.locator("#template-form button").click())
    assert load_workbook(io.BytesIO(xlsx)).active.cell(1, 1).value == "full_name"
    page.locator("#fill-form select[name=corpus]").select_option("wko-akimat-53")
    page.set_input_files("#fill-form input[name=data]", str(SHEETS_RU))
    page.locator("#fill-form button").click()
    n_rows = len(SHEETS_RU.read_text(encoding="utf-8").strip().splitlines()) - 1
    assert page.locator("#rows").inner_text() == str(n_rows)
    first = SHEETS_RU.read_text(encoding="utf-8").splitlines()[1].split(",")[0]
    assert first in page.locator("table.summary").inner_text()
    body = _download(page, lambda: page.get_by_text("Парақтар мен жиынтықтар (ZIP)").click())
    names = zipfile.ZipFile(io.BytesIO(body)).namelist()
    assert "summary.csv" in names and "summary.xlsx" in names


def test_compare_and_check_pages(page: Any, base_url: str, tmp_path: Path) -> None:
    import docx

    new = tmp_path / "new.txt"
    new.write_text(
        WKO.read_text(encoding="utf-8").replace("не позднее двадцатого числа", "не позднее десятого числа"),
        encoding="utf-8",
    )
    page.goto(f"{base_url}/compare?lang=ru")
    page.set_input_files("input[name=old]", str(WKO))
    page.locator("select[name=old_corpus]").select_option("")
    page.set_input_files("input[name=new]", str(new))
    page.locator("select[name=new_corpus]").select_option("")
    page.locator("form.job button").click()
    frame = page.frame_locator("iframe.report")
    assert "десятого" in frame.locator("body").inner_text()
    redline = _download(page, lambda: page.get_by_text("Документ Word с правками").click())
    assert "<w:ins " in zipfile.ZipFile(io.BytesIO(redline)).read("word/document.xml").decode()

    page.goto(f"{base_url}/check?lang=ru")
    page.locator("select[name=corpus]").select_option("wko-akimat-53")
    page.locator("form.job button").click()
    page.locator("#result").wait_for()
    # findings grouped by severity; each quote links to the place in the act's text
    assert page.locator("h2[class^=sev-]").count() >= 1
    first = page.locator("ul.findings a").first
    target = first.get_attribute("href")
    first.click()
    assert page.locator(f"mark{target}").inner_text()
    report = _download(page, lambda: page.get_by_text("Отчёт (DOCX)").click())
    assert docx.Document(io.BytesIO(report)).paragraphs


def test_draft_page_form_and_zip(browser: Any, base_url: str) -> None:
    """The body's data typed into the Draft page; a value outside the model's range is said in the
    interface language naming the field (the page answers 400, the one console line allowed); then
    the draft's text on the page and its ZIP."""
    import docx
    import yaml

    from .conftest import ROOT

    models = ROOT / "legal_corpus" / "models"
    key, spec = next(
        iter(yaml.safe_load((models / "texts" / "E4.parameters.yaml").read_text())["parameters"].items())
    )
    since = str(yaml.safe_load((models / "E4.yaml").read_text())["in_force"]["from"])
    context = browser.new_context(accept_downloads=True, locale="ru-RU")
    errors: list[str] = []
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.set_default_timeout(60_000)
    page.goto(f"{base_url}/act?lang=ru")
    page.locator("nav a", has_text="Проект").click()
    assert page.locator("h1").inner_text() == "Проект методики органа"
    page.fill("input[name='body_name.kk']", "Абай облысының әкімдігі")
    page.fill("input[name='body_name.ru']", "Акимат области Абай")
    page.locator("select[name='body_kind']").select_option("akimat")
    page.locator("select[name='approving_act.kind']").select_option("resolution")
    page.fill("input[name='approving_act.number']", "12")
    page.fill("input[name='approving_act.date']", since)
    page.fill(f"input[name='parameters.{key}']", str(spec["max"] + 2))
    page.locator("form.draft button").click()
    alert = page.locator("[role=alert]").inner_text()
    assert str(spec["max"] + 2) in alert and "типовой методики" in alert
    assert page.locator(f"input[name='parameters.{key}']").get_attribute("aria-invalid") == "true"
    page.fill(f"input[name='parameters.{key}']", "")  # the model's own value
    page.locator("form.draft button").click()
    assert "постановлением Акимата области Абай" in page.locator("pre[lang=ru]").inner_text()
    body = _download(page, lambda: page.get_by_text("Проект: DOCX и TXT (ZIP)").click())
    zf = zipfile.ZipFile(io.BytesIO(body))
    assert {"methodology.kk.docx", "methodology.ru.docx", "methodology.kk.txt", "methodology.ru.txt"} == set(
        zf.namelist()
    )
    paras = docx.Document(io.BytesIO(zf.read("methodology.ru.docx"))).paragraphs
    assert any("постановлением Акимата области Абай" in p.text for p in paras)
    context.close()
    assert errors == ["Failed to load resource: the server responded with a status of 400 (Bad Request)"]
