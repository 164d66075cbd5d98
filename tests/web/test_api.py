"""The API of ``docgen serve`` through the ASGI test client: every endpoint and its error paths.

Expected values are read from the acts: the West Kazakhstan resolution (004) says "оцениваемый период
– квартал" (p. 2) and "не позднее двадцатого числа месяца, следующего за отчетным кварталом" (p. 4).
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import logging
import re
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from .conftest import PAVLODAR, SHEETS_RU, WKO, TestClient


def _files(**named: Path | tuple[str, bytes]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field, src in named.items():
        out[field] = (src.name, src.read_bytes()) if isinstance(src, Path) else src
    return out


def _error(resp: Any) -> dict[str, Any]:
    body = resp.json()
    assert set(body) == {"error", "where"}
    assert "Traceback" not in resp.text
    return body


# --- /api/catalogue ------------------------------------------------------------------------------


def test_catalogue_values_of_the_act(client: Any) -> None:
    resp = client.post("/api/catalogue", files=_files(act=WKO))
    assert resp.status_code == 200
    params = resp.json()["parameters"]
    assert params["evaluation_period"]["value"] == "quarter"
    assert params["quarterly_deadline_day"]["value"] == 20
    assert "двадцатого числа" in params["quarterly_deadline_day"]["source"]["quote"]


def test_catalogue_errors(client: Any) -> None:
    resp = client.post("/api/catalogue", files={"act": ("a.txt", b"")})
    assert resp.status_code == 400 and _error(resp)["where"] == "act"
    resp = client.post("/api/catalogue")
    assert resp.status_code == 422 and _error(resp)["where"] == "act"
    resp = client.post("/api/catalogue", files={"act": ("a.docx", b"PK\x03\x04 not really a zip")})
    assert resp.status_code == 400 and _error(resp)["where"].startswith("act")


def test_too_large_is_413() -> None:
    from docgen.web.app import create_app

    with TestClient(create_app(act_limit=1000, data_limit=1000), raise_server_exceptions=False) as c:
        resp = c.post("/api/catalogue", files=_files(act=WKO))
        assert resp.status_code == 413 and _error(resp)["where"] == "act"
        resp = c.post("/api/fill", files=_files(act=("a.txt", b"x" * 10), data=SHEETS_RU))
        assert resp.status_code == 413 and _error(resp)["where"] == "data"
        # a request whose declared length is past every limit is refused before it is read
        resp = c.post("/api/catalogue", content=b"x" * 10, headers={"content-length": str(10**10)})
        assert resp.status_code == 413


def test_uploaded_names_never_become_paths(client: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    evil = "../../../../tmp/docgen-evil-" + str(time.time_ns()) + ".txt"
    resp = client.post("/api/catalogue", files={"act": (evil, WKO.read_bytes())})
    assert resp.status_code == 200
    assert not Path("/tmp", Path(evil).name).exists()
    assert list(tmp_path.iterdir()) == []  # the request's folder is gone after the response


def test_internal_error_is_one_json_line(client: Any, monkeypatch: Any) -> None:
    from docgen.web import jobs

    def boom(path: Path) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(jobs, "build_catalogue", boom)
    resp = client.post("/api/catalogue", files=_files(act=WKO))
    assert resp.status_code == 500
    assert "secret" not in resp.text and _error(resp)["where"] == "server"


# --- /api/forms ----------------------------------------------------------------------------------


def test_forms_zip_in_both_languages(client: Any) -> None:
    resp = client.post("/api/forms", files=_files(act=WKO), data={"lang": "both"})
    assert resp.status_code == 200 and resp.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(resp.content)).namelist()
    assert any(n.endswith(".kk.docx") for n in names) and any(n.endswith(".ru.docx") for n in names)
    # the Russian act's Kazakh forms: the translation report beside them, every text translated
    report = json.loads(zipfile.ZipFile(io.BytesIO(resp.content)).read("translation.json"))
    assert report["act_language"] == "ru" and {f["language"] for f in report["forms"]} == {"kk"}
    assert report["units"] > 0 and report["translated"] == report["units"]
    resp = client.post("/api/forms", files=_files(act=WKO), data={"lang": "en"})
    assert resp.status_code == 400 and _error(resp)["where"] == "lang"


# --- /api/fill -----------------------------------------------------------------------------------


def _bad_sheet() -> bytes:
    rows = list(csv.reader(io.StringIO(SHEETS_RU.read_text(encoding="utf-8"))))
    col = rows[0].index("score_1")
    rows[1][col] = "abc"
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue().encode()


def test_fill_zip_has_sheets_and_summaries(client: Any, caplog: Any) -> None:
    caplog.set_level(logging.INFO, logger="docgen.web")
    resp = client.post("/api/fill", files=_files(act=WKO, data=("d.csv", _bad_sheet())))
    assert resp.status_code == 200
    n_rows = len(SHEETS_RU.read_text(encoding="utf-8").strip().splitlines()) - 1
    assert resp.headers["x-docgen-rows"] == str(n_rows)
    assert resp.headers["x-docgen-bad-rows"] == "1"
    names = zipfile.ZipFile(io.BytesIO(resp.content)).namelist()
    assert "summary.csv" in names and "summary.xlsx" in names
    assert sum(n.endswith(".docx") for n in names) == n_rows - 1
    first_name = SHEETS_RU.read_text(encoding="utf-8").splitlines()[1].split(",")[0]
    assert first_name not in caplog.text and "d.csv" not in caplog.text  # no personal data in the log


def test_fill_errors(client: Any) -> None:
    resp = client.post("/api/fill", files=_files(act=WKO))
    assert resp.status_code == 422 and _error(resp)["where"] == "data"
    resp = client.post("/api/fill", files=_files(act=WKO, data=("d.xlsx", b"not a workbook")))
    assert resp.status_code == 400 and _error(resp)["where"].startswith("data")


# --- /api/diff -----------------------------------------------------------------------------------


def _edited() -> tuple[str, bytes]:
    text = WKO.read_text(encoding="utf-8").replace("не позднее двадцатого числа", "не позднее десятого числа")
    return ("new.txt", text.encode())


@pytest.mark.parametrize("fmt", ["json", "html", "docx"])
def test_diff_formats(client: Any, fmt: str) -> None:
    resp = client.post("/api/diff", files=_files(old=WKO, new=_edited()), data={"format": fmt})
    assert resp.status_code == 200
    if fmt == "json":
        body = resp.json()
        assert body["summary"]["rule_changes"] >= 1
        assert "quarterly_deadline_day" in json.dumps(body, ensure_ascii=False)
    elif fmt == "html":
        assert "десятого" in resp.text and resp.headers["content-disposition"].startswith("attachment")
        assert "script" not in resp.headers["content-security-policy"]
    else:
        xml = zipfile.ZipFile(io.BytesIO(resp.content)).read("word/document.xml").decode()
        assert "<w:ins " in xml and "<w:del " in xml and "десятого" in xml


def test_diff_errors(client: Any) -> None:
    resp = client.post("/api/diff", files=_files(old=WKO, new=_edited()), data={"format": "pdf"})
    assert resp.status_code == 400 and _error(resp)["where"] == "format"
    # a Kazakh and a Russian act: no text diff, hence no redline
    resp = client.post("/api/diff", files=_files(old=PAVLODAR, new=WKO), data={"format": "docx"})
    assert resp.status_code == 400 and _error(resp)["where"] == "format"
    resp = client.post("/api/diff", files=_files(old=WKO))
    assert resp.status_code == 422 and _error(resp)["where"] == "new"


# --- /api/check ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "html", "docx"])
def test_check_formats(client: Any, fmt: str) -> None:
    resp = client.post("/api/check", files=_files(act=WKO), data={"format": fmt, "model": "auto"})
    assert resp.status_code == 200 and resp.headers["x-docgen-failed"] in ("0", "1")
    if fmt == "json":
        body = resp.json()
        assert body["language"] == "ru" and isinstance(body["findings"], list)
        assert body["file"] == WKO.name  # the sender's name, never the server's temporary path
    elif fmt == "html":
        assert resp.text.startswith("<!DOCTYPE html>")
    else:
        assert zipfile.ZipFile(io.BytesIO(resp.content)).read("word/document.xml")


def test_check_errors(client: Any) -> None:
    resp = client.post("/api/check", files=_files(act=WKO), data={"model": "../../etc/passwd"})
    assert resp.status_code == 400 and _error(resp)["where"] == "model"
    resp = client.post("/api/check", files=_files(act=WKO), data={"format": "txt"})
    assert resp.status_code == 400 and _error(resp)["where"] == "format"


# --- safety --------------------------------------------------------------------------------------


def test_token_required_on_every_request() -> None:
    from docgen.web.app import create_app

    token = "t0ken-" + "x" * 20
    with TestClient(create_app(token), raise_server_exceptions=False) as c:
        assert c.get("/act").status_code == 401
        assert c.get("/static/style.css").status_code == 401
        assert c.post("/api/catalogue", files=_files(act=WKO)).status_code == 401
        assert c.get("/act", headers={"x-docgen-token": "wrong"}).status_code == 401
        assert c.get("/act", headers={"authorization": f"Bearer {token}"}).status_code == 200
        assert c.get(f"/act?token={token}").status_code == 200
        assert c.get("/forms").status_code == 200  # the cookie set by ?token= carries it now


def test_host_origin_and_headers(client: Any) -> None:
    assert client.get("/act", headers={"host": "evil.example"}).status_code == 400
    resp = client.post("/api/catalogue", files=_files(act=WKO), headers={"origin": "http://evil.example"})
    assert resp.status_code == 403
    resp = client.get("/act")
    csp = resp.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<script>" not in resp.text and "http://" not in resp.text and "https://" not in resp.text


def test_page_posts_need_the_csrf_token(client: Any) -> None:
    resp = client.post("/act?lang=ru", data={"csrf": "forged", "corpus": "wko-akimat-53"})
    assert resp.status_code == 400 and "Форма устарела" in resp.text
    client.get("/act")
    resp = client.post("/act", data={"csrf": client.cookies["csrf"], "corpus": "wko-akimat-53"})
    assert resp.status_code == 200


def test_openapi_lists_the_api(client: Any) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/catalogue", "/api/forms", "/api/fill", "/api/diff", "/api/check", "/api/draft"} <= set(
        paths
    )
    assert client.get("/docs").status_code == 404  # the CDN-hosted docs page is off
    assert "/api/check" in client.get("/api?lang=kk").text


def test_long_jobs_do_not_block_other_requests(monkeypatch: Any) -> None:
    import httpx

    from docgen.web import jobs
    from docgen.web.app import create_app

    def slow_check(*args: Any) -> Any:
        time.sleep(1.5)
        raise jobs.UsageError("stop", where="model")

    monkeypatch.setattr(jobs, "run_check", slow_check)
    app = create_app()
    done: dict[str, float] = {}

    async def main() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as ac:

            async def slow() -> None:
                await ac.post("/api/check", files=_files(act=("a.txt", b"text")))
                done["slow"] = time.monotonic()

            async def fast() -> None:
                await asyncio.sleep(0.2)
                r = await ac.get("/forms")
                assert r.status_code == 200
                done["fast"] = time.monotonic()

            await asyncio.gather(slow(), fast())

    asyncio.run(main())
    assert done["fast"] < done["slow"]


# --- pages through the client ----------------------------------------------------------------------


def test_fill_page_row_errors_in_the_interface_language(client: Any) -> None:
    client.get("/fill?lang=kk")
    resp = client.post(
        "/fill?lang=kk",
        data={"csrf": client.cookies["csrf"], "corpus": "wko-akimat-53", "lang": "auto"},
        files={"data": ("d.csv", _bad_sheet())},
    )
    assert resp.status_code == 200 and "/fill/job/" in str(resp.url)
    deadline = time.monotonic() + 120
    while 'id="rows"' not in resp.text:  # the job page shows the progress, then the results
        assert 'http-equiv="refresh"' in resp.text and "<progress" in resp.text
        assert time.monotonic() < deadline
        time.sleep(0.3)
        resp = client.get(str(resp.url))
    errors = resp.text.split('class="errors"', 1)[1]
    assert "сан емес" in errors and "«abc»" in errors and "Баға 1" in errors  # "not a number", quoted
    assert "not a number" not in resp.text


def test_row_errors_are_never_english() -> None:
    from docgen.web.i18n import row_error

    assert row_error("outside the methodology's range 0..5", "ru") == "вне пределов методики 0–5"
    assert row_error("something new", "kk") == "мәні жарамсыз"


def test_pages_switch_language(client: Any) -> None:
    for page in ("act", "forms", "fill", "compare", "check", "api"):
        kk = client.get(f"/{page}?lang=kk").text
        ru = client.get(f"/{page}?lang=ru").text
        assert '<html lang="kk">' in kk and '<html lang="ru">' in ru
        assert 'href="?lang=ru"' in kk and 'href="?lang=kk"' in ru


def test_fill_job_belongs_to_its_browser(client: Any) -> None:
    client.get("/fill")
    resp = client.post(
        "/fill",
        data={"csrf": client.cookies["csrf"], "corpus": "wko-akimat-53"},
        files={"data": SHEETS_RU.name and ("d.csv", SHEETS_RU.read_bytes())},
        follow_redirects=False,
    )
    assert resp.status_code == 303
    job_url = resp.headers["location"]
    other = TestClient(client.app, raise_server_exceptions=False)
    assert other.get(job_url).status_code == 404  # another browser (no csrf cookie) sees nothing


def test_fill_page_bad_workbook_is_an_error_page(client: Any) -> None:
    client.get("/fill?lang=ru")
    resp = client.post(
        "/fill?lang=ru",
        data={"csrf": client.cookies["csrf"], "corpus": "wko-akimat-53"},
        files={"data": ("d.xlsx", b"not a workbook")},
    )
    deadline = time.monotonic() + 60
    while 'http-equiv="refresh"' in resp.text and time.monotonic() < deadline:
        time.sleep(0.3)
        resp = client.get(str(resp.url))
    assert resp.status_code == 400 and "Файл не читается или неверен" in resp.text
    assert "Место: Заполненная книга (.xlsx, .csv)" in resp.text  # the field in words, not its name


def test_highlight_marks_quotes_and_shares_overlaps() -> None:
    from docgen.web.jobs import highlight

    text = "Оценки выставляются\n от 0 до 5-ти <баллов>."
    out, marks = highlight(
        text, [("max", "выставляются от 0 до 5-ти", "max"), ("min", "от 0 до 5-ти", "min"), ("x", "нет", "")]
    )
    assert marks == {"max": "max", "min": "max"}  # one mark for both values; an absent quote has none
    assert out.count("<mark") == 1 and 'href="#row-max"' in out
    assert "&lt;баллов&gt;" in out  # the act's text is escaped


def test_serve_refuses_an_open_address_without_a_token(capsys: Any) -> None:
    from docgen.cli import main

    for argv in (["serve", "--host", "0.0.0.0"], ["serve", "--host", "0.0.0.0", "--token", "short"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("docgen: ошибка / қате: --") and "Traceback" not in err


def test_serve_job_timeout_is_an_option_with_a_floor(capsys: Any) -> None:
    from docgen.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["serve", "--job-timeout", "0"])
    assert exc.value.code == 2 and "Traceback" not in capsys.readouterr().err
    main(["serve", "--help"])
    assert "--job-timeout" in capsys.readouterr().out


def test_spacy_pipelines_are_loaded_once(client: Any) -> None:
    from docgen.nlp import get_nlp

    client.post("/api/catalogue", files=_files(act=WKO))
    before = get_nlp.cache_info().misses
    for _ in range(2):
        assert client.post("/api/catalogue", files=_files(act=WKO)).status_code == 200
    assert get_nlp.cache_info().misses == before


# --- /api/draft ----------------------------------------------------------------------------------

BODY = Path(__file__).resolve().parents[1] / "draft" / "data" / "body_akimat.yaml"


def test_draft_zip_names_the_body(client: Any) -> None:
    resp = client.post("/api/draft", files=_files(body=BODY), data={"model": "E4", "lang": "ru"})
    assert resp.status_code == 200 and resp.headers["content-type"] == "application/zip"
    zf = zipfile.ZipFile(io.BytesIO(resp.content))
    assert sorted(zf.namelist()) == ["methodology.ru.docx", "methodology.ru.txt"]
    # the body file says "ru: акимат Сарыбулакского района"; the draft names it (in some case)
    assert "Сарыбулакск" in zf.read("methodology.ru.txt").decode()


def test_draft_errors(client: Any) -> None:
    resp = client.post("/api/draft", files={"body": ("b.yaml", b"body_name: 1\n")}, data={"lang": "ru"})
    assert resp.status_code == 400 and _error(resp)["where"].startswith("body")
    resp = client.post("/api/draft", files=_files(body=BODY), data={"model": "../E4"})
    assert resp.status_code == 400 and _error(resp)["where"] == "model"
    resp = client.post("/api/draft", files=_files(body=BODY), data={"lang": "en"})
    assert resp.status_code == 400 and _error(resp)["where"] == "lang"
    assert client.post("/api/draft").status_code == 422


def test_fill_summaries_speak_the_page_language(tmp_path: Path) -> None:
    """A ru act filled from a kk page: the summaries a user opens are in Kazakh (the page's
    language), not in the act's."""
    from docgen.web import jobs

    act = tmp_path / "act.txt"
    act.write_bytes(WKO[1] if isinstance(WKO, tuple) else Path(WKO).read_bytes())
    data = tmp_path / "d.csv"
    data.write_bytes(_bad_sheet())
    kk = jobs.fill_zip(act, data, tmp_path / "kk", "auto", "kk")
    ru = jobs.fill_zip(act, data, tmp_path / "ru", "auto", None)
    words = ("grade_label", "interpretation", "errors", "warnings")
    kk_text = " ".join(r[w] or "" for r in kk.summary for w in words)
    ru_text = " ".join(r[w] or "" for r in ru.summary for w in words)
    assert re.search("[әғқңөұүһі]", kk_text.lower()), kk_text
    assert not re.search("[әғқңөұүһі]", ru_text.lower()), ru_text
