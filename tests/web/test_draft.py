"""The Draft page of ``docgen serve`` and the per-request time limit, through the ASGI test client.

The parameters the page asks for and their range are read from the model's own files
(``legal_corpus/models/texts/E4.parameters.yaml``, ``E4.yaml``), never written here.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT, TestClient

MODELS = ROOT / "legal_corpus" / "models"
PARAMS = yaml.safe_load((MODELS / "texts" / "E4.parameters.yaml").read_text(encoding="utf-8"))["parameters"]
IN_FORCE = dt.date.fromisoformat(
    str(yaml.safe_load((MODELS / "E4.yaml").read_text(encoding="utf-8"))["in_force"]["from"])
)
NAME_KK = "Абай облысының әкімдігі"
NAME_RU = "Акимат области Абай"


def _form(client: Any, **over: str) -> dict[str, str]:
    day = IN_FORCE + dt.timedelta(days=30)
    data = {
        "csrf": client.cookies["csrf"],
        "body_name.kk": NAME_KK,
        "body_name.ru": NAME_RU,
        "body_kind": "akimat",
        "approving_act.kind": "resolution",
        "approving_act.number": "12",
        "approving_act.date": day.isoformat(),
        "model": "E4",
        "lang": "both",
    }
    data.update(over)
    return data


def _alert(text: str) -> str:
    m = re.search(r'role="alert">(.*?)</p>', text, re.S)
    assert m, "no error line on the page"
    return html.unescape(m.group(1))


def test_draft_page_asks_for_the_models_parameters(client: Any) -> None:
    resp = client.get("/draft?lang=ru")
    assert resp.status_code == 200
    names = set(re.findall(r'name="([^"]+)"', resp.text))
    assert {f"parameters.{key}" for key in PARAMS} <= names
    assert {"body_name.kk", "body_name.ru", "body_kind", "approving_act.date", "csrf"} <= names
    assert "<script>" not in resp.text and 'href="/draft?lang=ru"' in resp.text
    # every page links to it
    for page in ("act", "forms", "fill", "compare", "check", "api"):
        assert 'href="/draft?lang=kk"' in client.get(f"/{page}?lang=kk").text


def test_draft_page_gives_zip_and_text(client: Any) -> None:
    client.get("/draft?lang=ru")
    key, spec = next(iter(PARAMS.items()))
    value = spec["min"] + 2 if spec.get("odd") and spec["min"] % 2 else spec["min"] + 1
    resp = client.post("/draft?lang=ru", data=_form(client, **{f"parameters.{key}": str(value)}))
    assert resp.status_code == 200
    page = html.unescape(resp.text)
    assert NAME_RU in page and "Абай облысының әкімдігінің" in page  # the kk text names the body (genitive)
    zip_id = re.search(r'href="/download/([^"]+)" download', resp.text).group(1)  # type: ignore[union-attr]
    zf = zipfile.ZipFile(io.BytesIO(client.get(f"/download/{zip_id}").content))
    assert sorted(zf.namelist()) == [
        "methodology.kk.docx",
        "methodology.kk.txt",
        "methodology.ru.docx",
        "methodology.ru.txt",
    ]
    ru = zf.read("methodology.ru.txt").decode()
    assert ru.strip() in page and "№ 12" in ru


def test_draft_page_value_outside_the_model(client: Any) -> None:
    client.get("/draft?lang=kk")
    key, spec = next(iter(PARAMS.items()))
    resp = client.post("/draft?lang=kk", data=_form(client, **{f"parameters.{key}": str(spec["max"] + 2)}))
    assert resp.status_code == 400
    line = _alert(resp.text)
    assert str(spec["max"] + 2) in line and "үлгілік әдістеме" in line  # said in Kazakh
    from docgen.data.labels import key_label

    assert key_label(key, "kk") in line  # the field is named
    assert f'name="parameters.{key}" value="{spec["max"] + 2}" aria-invalid="true"' in resp.text
    resp = client.post("/draft?lang=ru", data=_form(client, **{"approving_act.date": "2001-01-01"}))
    assert resp.status_code == 400
    line = _alert(resp.text)
    assert "Дата утверждающего акта" in line and IN_FORCE.isoformat() in line
    resp = client.post("/draft?lang=ru", data=_form(client, **{"body_name.ru": ""}))
    assert resp.status_code == 400 and "Наименование органа (на русском)" in _alert(resp.text)
    resp = client.post("/draft?lang=ru", data=_form(client, csrf="forged"))
    assert resp.status_code == 400 and "Traceback" not in resp.text


def test_job_over_the_time_limit_is_504(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from docgen.web import jobs
    from docgen.web.app import create_app

    release = threading.Event()

    def slow(*args: Any, **kwargs: Any) -> bytes:
        release.wait(30)
        return b""

    monkeypatch.setattr(jobs, "draft_zip", slow)
    with TestClient(create_app(job_timeout=0.2), raise_server_exceptions=False) as c:
        resp = c.post(
            "/api/draft?lang=ru", files={"body": ("BODY.yaml", b"body_kind: akimat\n")}, data={"model": "E4"}
        )
        ended = release.is_set()
        release.set()
        assert not ended  # answered while the job still ran
        assert resp.status_code == 504
        assert resp.json() == {
            "error": "Задача заняла больше допустимого времени; повторите с файлом поменьше",
            "where": "server",
        }


def test_fill_page_batch_is_not_cut_by_the_request_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Fill page's batch runs apart from any request (its page shows the progress): the limit
    does not apply to it, its own outcome is shown."""
    from docgen.errors import DataError
    from docgen.web import jobs
    from docgen.web.app import create_app

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.5)
        raise DataError("bad rows", where="data")

    monkeypatch.setattr(jobs, "fill_counted", slow)
    with TestClient(create_app(job_timeout=0.05), raise_server_exceptions=False) as c:
        c.get("/fill?lang=ru")
        resp = c.post(
            "/fill?lang=ru",
            data={"csrf": c.cookies["csrf"], "corpus": "wko-akimat-53"},
            files={"data": ("d.csv", b"full_name\n")},
        )
        deadline = time.monotonic() + 60
        while 'http-equiv="refresh"' in resp.text and time.monotonic() < deadline:
            time.sleep(0.2)
            resp = c.get(str(resp.url))
        assert resp.status_code == 400 and "В данных есть ошибки" in resp.text
        assert "больше допустимого времени" not in resp.text


def test_api_amend_zip_and_errors(client: Any) -> None:
    """The West Kazakhstan resolution (004) says in point 4 "не позднее двадцатого числа"; the deadline
    set to 10 is said as a word replaced in point 4."""
    from .conftest import WKO

    act = {"act": (WKO.name, WKO.read_bytes())}
    resp = client.post("/api/amend", files=act, data={"set": ["quarterly_deadline_day=10"]})
    assert resp.status_code == 200 and resp.headers["content-type"] == "application/zip"
    zf = zipfile.ZipFile(io.BytesIO(resp.content))
    assert {
        "edition.ru.txt",
        "edition.ru.docx",
        "redline.docx",
        "comparison.docx",
        "amendment.ru.txt",
        "amendment.ru.docx",
    } <= set(zf.namelist())
    wording = zf.read("amendment.ru.txt").decode()
    assert "пункте 4" in wording and "«двадцатого»" in wording and "«десятого»" in wording
    assert "не позднее десятого числа" in zf.read("edition.ru.txt").decode()
    resp = client.post("/api/amend", files=act, data={"set": ["no value"]})
    assert resp.status_code == 400 and resp.json()["where"] == "set"
    resp = client.post("/api/amend", files=act)  # nothing to change
    assert resp.status_code == 400 and set(resp.json()) == {"error", "where"}


def test_draft_page_amend_form_gives_the_zip_and_the_warnings(client: Any) -> None:
    page = client.get("/draft?lang=kk").text
    assert 'action="/draft/amend?lang=kk#amend"' in page and 'name="delete_point"' in page
    assert '<select name="to">' in page and "<option>E4</option>" in page
    assert '<input type="file" name="act"' in page  # not shadowed by the page's own macro
    resp = client.post(
        "/draft/amend?lang=kk",
        data={
            "csrf": client.cookies["csrf"],
            "corpus": "wko-akimat-53",
            "set": "quarterly_deadline_day=10\n",
        },
    )
    assert resp.status_code == 200 and "text/html" in resp.headers["content-type"]
    m = re.search(r'href="(/download/[^"]+)"[^>]*>Келесі редакция', resp.text)
    assert m, resp.text[-2000:]
    got = client.get(m.group(1))
    assert "redline.docx" in zipfile.ZipFile(io.BytesIO(got.content)).namelist()
    resp = client.post("/draft/amend?lang=kk", data={"csrf": "forged", "corpus": "wko-akimat-53"})
    assert resp.status_code == 400


def test_amend_to_and_wrong_references_on_the_page(client: Any) -> None:
    """Seed 003 (Pavlodar, kk) refers in points 6, 18 and 20 to points 5 and 11, the model's numbers
    (the deadlines are in its point 4, the calibration application in its point 10): amend reports them,
    on a Russian page in Russian, on a Kazakh page in Kazakh; the ZIP holds them in warnings.txt."""
    for ui, words in (
        ("ru", ["Ссылка в пункте 6 ведёт на пункт 5", "содержится в пункте 4", "оставлена без изменений"]),
        ("kk", ["6-тармақтағы сілтеме 5-тармаққа жасалған", "ол 4-тармақта", "өзгеріссіз қалдырылды"]),
    ):
        resp = client.post(
            f"/draft/amend?lang={ui}",
            data={
                "csrf": client.cookies["csrf"],
                "corpus": "pavlodar-city-akimat-402-11",
                "set": "quarterly_deadline_day=25",
                "to": "E4",
            },
        )
        assert resp.status_code == 200, resp.text[-1500:]
        assert '<option value="pavlodar-city-akimat-402-11" selected>' in resp.text  # the act stays chosen
        warnings = re.findall(r"<li>([^<]+)</li>", resp.text.split('id="amend-result"', 1)[1])
        text = " ".join(html.unescape(w) for w in warnings)
        assert len([w for w in warnings if "18" in w or "20" in w]) >= 2
        assert all(w in text for w in words), text


def test_api_amend_to_and_warnings(client: Any) -> None:
    from .conftest import ROOT

    act = next((ROOT / "legal_corpus" / "acts").glob("pavlodar*/003*.txt"))
    files = {"act": (act.name, act.read_bytes())}
    data = {"set": ["quarterly_deadline_day=25"], "to": "E4", "lang": "ru"}
    resp = client.post("/api/amend", files=files, data=data)
    assert resp.status_code == 200 and resp.headers["content-type"] == "application/zip"
    zf = zipfile.ZipFile(io.BytesIO(resp.content))
    warnings = zf.read("warnings.txt").decode().splitlines()
    assert int(resp.headers["X-Docgen-Warnings"]) == len(warnings) >= 3
    assert any("Ссылка в пункте 18 ведёт на пункт 11" in w for w in warnings), warnings
    assert "«жиырма бесінші»" in zf.read("amendment.kk.txt").decode()
    # a model edition that does not exist: one line naming the field, nothing made
    resp = client.post("/api/amend", files=files, data={**data, "to": "E9"})
    assert resp.status_code == 400 and resp.json()["where"].endswith("--to")
    assert "\n" not in resp.json()["error"]


def test_amend_page_says_bad_input_in_the_interface_language(client: Any) -> None:
    # the West Kazakhstan act is Russian; on a Kazakh page its error is said in Kazakh, naming the field
    resp = client.post(
        "/draft/amend?lang=kk",
        data={"csrf": client.cookies["csrf"], "corpus": "wko-akimat-53", "set": "quarterly_deadline_day=40"},
    )
    assert resp.status_code == 400
    err = html.unescape(re.search(r'<p class="error" role="alert">([^<]+)</p>', resp.text).group(1))  # type: ignore[union-attr]
    assert "айдың күні 1-ден 31-ге дейін" in err and "Жаңа мәндер" in err
    assert 'id="amend-result"' not in resp.text


def test_amend_form_takes_an_uploaded_act(client: Any) -> None:
    from .conftest import WKO

    resp = client.post(
        "/draft/amend?lang=ru",
        data={"csrf": client.cookies["csrf"], "set": "quarterly_deadline_day=10"},
        files={"act": (WKO.name, WKO.read_bytes())},
    )
    assert resp.status_code == 200 and 'id="amend-result"' in resp.text


# --- model editions no longer in force (E0, E1): offered only with the warning that says so --------


def _edition_in_force(day: dt.date) -> str:
    starts = {
        yaml.safe_load(p.read_text(encoding="utf-8"))["edition"]: dt.date.fromisoformat(
            str(yaml.safe_load(p.read_text(encoding="utf-8"))["in_force"]["from"])
        )
        for p in MODELS.glob("E*.yaml")
    }
    return max((start, e) for e, start in starts.items() if start <= day)[1]


def test_draft_page_offers_e0_only_with_the_warning(client: Any) -> None:
    today = _edition_in_force(dt.date.today())
    page = html.unescape(client.get("/draft?lang=kk").text)
    options = dict(re.findall(r'<option value="(E\d)"[^>]*>([^<]*)</option>', page))
    assert options["E0"] == "E0 — бүгін күшінде емес" and options[today] == today
    warning = re.search(r'<p class="warning" data-model="E0">([^<]*)</p>', page)
    assert warning and "E0" in warning.group(1) and f"қолданыстағы редакциясы — {today}" in warning.group(1)
    assert f'<p class="warning" data-model="{today}"' not in page
    ru = html.unescape(client.get("/draft?lang=ru").text)
    assert re.search(rf'data-model="E0">[^<]*сегодня не действует[^<]*действующая редакция — {today}', ru)


def test_draft_page_e0_gives_the_draft_under_the_warning(client: Any) -> None:
    client.get("/draft?lang=ru")
    resp = client.post(
        "/draft?lang=ru", data=_form(client, model="E0", **{"approving_act.date": "2019-05-20"})
    )
    assert resp.status_code == 200
    page = html.unescape(resp.text)
    result = page[page.index('<section id="result">') :]
    status = re.search(r'role="status">([^<]*)</p>', result)
    assert status and "E0" in status.group(1) and "сегодня не действует" in status.group(1)
    assert result.index('role="status"') < result.index("<pre")  # at the top of the result
    assert "Комиссия по оценке" in result and "Бағалау жөніндегі комиссия" in result  # both texts


def test_api_draft_e0_carries_the_warning_in_the_zip(client: Any) -> None:
    body = (ROOT / "tests" / "draft" / "data" / "e0_akimat.yaml").read_bytes()
    resp = client.post(
        "/api/draft?lang=kk", files={"body": ("BODY.yaml", body)}, data={"model": "E0", "lang": "kk"}
    )
    assert resp.status_code == 200 and resp.headers["X-Docgen-Warnings"] == "1"
    zf = zipfile.ZipFile(io.BytesIO(resp.content))
    assert sorted(zf.namelist()) == ["methodology.kk.docx", "methodology.kk.txt", "warnings.txt"]
    said = zf.read("warnings.txt").decode()
    assert "E0" in said and "бүгін күшінде емес" in said and _edition_in_force(dt.date.today()) in said
    body4 = (ROOT / "tests" / "draft" / "data" / "body_akimat.yaml").read_bytes()
    resp = client.post("/api/draft", files={"body": ("BODY.yaml", body4)}, data={"model": "E4"})
    assert resp.status_code == 200 and resp.headers["X-Docgen-Warnings"] == "0"
    assert "warnings.txt" not in zipfile.ZipFile(io.BytesIO(resp.content)).namelist()
