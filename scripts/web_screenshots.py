"""``make screenshots``: one PNG per page of ``docgen serve`` into docs/screenshots/ (shown in the README).

Starts the app on a free local port, drives Debian's chromium (/usr/bin/chromium) with Playwright,
fills each page with the embedded corpus and the sample sheet, and saves what the browser shows.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
ACT = "wko-akimat-53"
WKO = ROOT / "legal_corpus" / "acts" / ACT / "004_cb6464f9152e2bf0.txt"
SHEETS = ROOT / "legal_corpus" / "samples" / "sheets_2026Q1_ru.csv"


def main() -> int:
    from playwright.sync_api import sync_playwright

    from docgen.web.app import create_app
    from docgen.web.live import running

    OUT.mkdir(parents=True, exist_ok=True)
    import tempfile

    edited = Path(tempfile.mkdtemp()) / "edited.txt"
    edited.write_text(
        WKO.read_text(encoding="utf-8").replace("не позднее двадцатого числа", "не позднее десятого числа"),
        encoding="utf-8",
    )
    try:
        with running(create_app()) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ru-RU")
            page.set_default_timeout(120_000)

            page.goto(f"{base}/act?lang=ru&corpus={ACT}")
            page.locator("#result").scroll_into_view_if_needed()
            page.screenshot(path=str(OUT / "act.png"))
            page.locator("tr[data-key=evaluation_period] a").click()
            page.screenshot(path=str(OUT / "act_text.png"))

            page.goto(f"{base}/forms?lang=kk")
            page.locator("select[name=corpus]").select_option(ACT)
            page.locator("select[name=lang]").select_option("both")
            page.locator("form.job button").click()
            page.locator("#result").wait_for()
            page.screenshot(path=str(OUT / "forms.png"))

            page.goto(f"{base}/fill?lang=ru")
            page.locator("#fill-form select[name=corpus]").select_option(ACT)
            page.set_input_files("#fill-form input[name=data]", str(SHEETS))
            page.locator("#fill-form button").click()
            page.locator("#result").wait_for()
            page.screenshot(path=str(OUT / "fill.png"))

            page.goto(f"{base}/compare?lang=ru")
            page.set_input_files("input[name=old]", str(WKO))
            page.locator("select[name=old_corpus]").select_option("")
            page.set_input_files("input[name=new]", str(edited))
            page.locator("select[name=new_corpus]").select_option("")
            page.locator("form.job button").click()
            page.locator("iframe.report").scroll_into_view_if_needed()
            page.screenshot(path=str(OUT / "compare.png"))

            page.goto(f"{base}/check?lang=kk")
            page.locator("select[name=corpus]").select_option(ACT)
            page.locator("form.job button").click()
            page.locator("#result").wait_for()
            page.locator("#result").scroll_into_view_if_needed()
            page.screenshot(path=str(OUT / "check.png"))

            page.goto(f"{base}/draft?lang=ru")
            page.fill("input[name='body_name.kk']", "Абай облысының әкімдігі")
            page.fill("input[name='body_name.ru']", "Акимат области Абай")
            page.locator("select[name='approving_act.kind']").select_option("resolution")
            page.fill("input[name='approving_act.number']", "12")
            page.fill("input[name='approving_act.date']", "2026-04-09")
            page.locator("form.draft button").click()
            page.locator("#result").wait_for()
            page.locator("h1").scroll_into_view_if_needed()
            page.screenshot(path=str(OUT / "draft.png"))
            browser.close()
    finally:
        edited.unlink(missing_ok=True)
        edited.parent.rmdir()
    for p in sorted(OUT.glob("*.png")):
        print(p.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
