"""The ASGI app of ``docgen serve``: server-rendered pages (Act, Forms, Fill, Compare, Check) and an API.

Safe by default: a token (when one is set) is required on every request; the Host header must name
the address served (no DNS rebinding); form posts carry a CSRF token matching a cookie and posts from
another origin are refused; every response carries a Content-Security-Policy without inline
scripts. Each request works in its own temporary folder, deleted before the response leaves;
uploads are saved under fixed names (the sender's file name never becomes a path) and cut at the
CLI's size limits (413). The jobs (``docgen.web.jobs``) run in the thread pool, so a long check or
fill does not hold other requests; spaCy pipelines are cached per process (``docgen.nlp``). The
log has method, path, status and time, never file names or contents. Results shown on a page stay
downloadable for a few minutes, in memory, only to the browser that asked for them.
"""

from __future__ import annotations

import asyncio
import contextvars
import hmac
import io
import json
import logging
import re
import secrets
import shutil
import tempfile
import time
import zipfile
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..data.labels import point_name
from ..errors import DataError, DocgenError, InputError, UnsafeInputError, UsageError
from . import jobs
from .i18n import LANGS, row_error, t, where_words

log = logging.getLogger("docgen.web")
HERE = Path(__file__).resolve().parent

# The CLI's limits: a regulation text (docgen.reading.read_source), a data workbook (docgen.batch).
ACT_LIMIT = 20_000_000
DATA_LIMIT = 200_000_000
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
)
# Reports of docgen (diff HTML, check HTML) carry their own <style>; shown in a frame, no script at all.
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox"
PAGES = ("act", "forms", "fill", "compare", "check", "draft")
# A job (one request's work in the thread pool) answers 504 past this many seconds; create_app sets it.
JOB_TIMEOUT = 600.0


class TooLarge(DocgenError):
    exit_code = 2


class CsrfError(DocgenError):
    exit_code = 2


class JobTimeout(DocgenError):
    """A job ran past the app's time limit (504); its thread finishes alone, still holding its slot."""

    exit_code = 2


@dataclass
class Stored:
    owner: str
    expires: float
    name: str
    media: str
    body: bytes


class ResultStore:
    """Results a page links to: kept in memory for ``ttl`` seconds, up to ``max_bytes`` in all."""

    def __init__(self, ttl: float = 600.0, max_bytes: int = 512_000_000) -> None:
        self.ttl = ttl
        self.max_bytes = max_bytes
        self.items: OrderedDict[str, Stored] = OrderedDict()

    def _expire(self) -> None:
        now = time.monotonic()
        for key in [k for k, v in self.items.items() if v.expires < now]:
            del self.items[key]
        while self.items and sum(len(v.body) for v in self.items.values()) > self.max_bytes:
            self.items.popitem(last=False)

    def put(self, owner: str, name: str, media: str, body: bytes) -> str:
        key = secrets.token_urlsafe(16)
        self.items[key] = Stored(owner, time.monotonic() + self.ttl, name, media, body)
        self._expire()
        return key

    def get(self, key: str, owner: str) -> Stored | None:
        self._expire()
        item = self.items.get(key)
        if item is None or not hmac.compare_digest(item.owner, owner):
            return None
        return item


@dataclass
class FillJob:
    """A batch started from the Fill page: its folder (deleted when it ends) and its outcome."""

    owner: str
    folder: Path
    created: float
    total: int = 0
    done: bool = False
    result: Any = None
    error: tuple[int, str, str] | None = None
    zip_id: str = ""
    task: Any = None


def _error_json(status: int, error: str, where: str) -> JSONResponse:
    return JSONResponse({"error": error, "where": where}, status_code=status)


def _status_of(exc: DocgenError) -> int:
    if isinstance(exc, JobTimeout):
        return 504
    if isinstance(exc, TooLarge):
        return 413
    if isinstance(exc, UnsafeInputError) and "large" in exc.message:
        return 413
    return 400


def _message_key(exc: DocgenError) -> str:
    if isinstance(exc, JobTimeout):
        return "error.timeout"
    if isinstance(exc, TooLarge) or _status_of(exc) == 413:
        return "error.too_large"
    if isinstance(exc, CsrfError):
        return "error.csrf"
    if isinstance(exc, DataError):
        return "error.data"
    if isinstance(exc, UsageError):
        return "error.usage"
    return "error.input"


FIELDS = ("act", "body", "data", "old", "new", "lang", "format", "model", "corpus", "csrf", "server", "set")


def _where(exc: DocgenError, field: str | None) -> str:
    """The form field (and place inside its file) an error concerns; never a server path."""
    if exc.where in FIELDS:
        return exc.where
    return ":".join(p for p in (field, exc.where) if p)


class FieldError(DocgenError):
    """A DocgenError raised while handling the upload in form field ``field``."""

    exit_code = 2

    def __init__(self, inner: DocgenError, field: str) -> None:
        self.inner = inner
        self.field = field
        super().__init__(inner.message, where=inner.where)


async def save_upload(
    upload: UploadFile, folder: Path, stem: str, suffixes: tuple[str, ...], limit: int
) -> Path:
    """Copy an upload to ``folder/stem<suffix>``; the suffix is the sender's when known, else sniffed
    by the reader later (``.txt``). Raises TooLarge past ``limit`` bytes."""
    sent = (upload.filename or "").lower()
    suffix = next((s for s in suffixes if sent.endswith(s)), suffixes[0])
    dest = folder / f"{stem}{suffix}"
    size = 0
    with open(dest, "wb") as fh:
        while True:
            chunk = await upload.read(1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise FieldError(TooLarge(f"larger than {limit} bytes"), stem)
            fh.write(chunk)
    if size == 0:
        raise FieldError(InputError("empty file"), stem)
    return dest


@asynccontextmanager
async def workdir() -> AsyncIterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="docgen-web-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


# Jobs running at once (each holds its inputs and outputs in memory); the rest wait their turn while
# pages and downloads are still answered.
MAX_JOBS = 4
_JOB_SLOTS: dict[int, Any] = {}


def _slots() -> Any:
    loop = asyncio.get_running_loop()
    sem = _JOB_SLOTS.get(id(loop))
    if sem is None:
        sem = _JOB_SLOTS[id(loop)] = asyncio.Semaphore(MAX_JOBS)
    return sem


async def in_thread(field: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a job in the thread pool (at most MAX_JOBS at once); a DocgenError is tagged with the form
    field it concerns."""
    limit = _job_timeout.get()
    try:
        sem = _slots()
        await sem.acquire()
        task = asyncio.ensure_future(run_in_threadpool(fn, *args, **kwargs))
        task.add_done_callback(_release(sem))
        try:
            return await asyncio.wait_for(asyncio.shield(task), limit)
        except TimeoutError:
            raise JobTimeout(f"over {limit} s", where="server") from None
    except FieldError:
        raise
    except DocgenError as exc:
        raise FieldError(exc, field) from None


# The limit of the request being answered (set by the app's middleware); None for the Fill page's
# batch, which runs apart from any request and shows its progress instead.
_job_timeout: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "docgen_job_timeout", default=JOB_TIMEOUT
)


def _release(sem: Any) -> Callable[[Any], None]:
    """Done callback of a job: frees its slot only when its thread has ended (a job past the time
    limit keeps its slot, so no more than MAX_JOBS threads ever work at once)."""

    def done(task: Any) -> None:
        sem.release()
        if not task.cancelled():
            task.exception()  # retrieved: a late job's error is not logged as unhandled

    return done


def create_app(
    token: str | None = None,
    *,
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "testserver"),
    act_limit: int = ACT_LIMIT,
    data_limit: int = DATA_LIMIT,
    job_timeout: float = JOB_TIMEOUT,
) -> FastAPI:
    """The app. ``token``: required on every request (header ``Authorization: Bearer T`` or
    ``X-Docgen-Token``, or a cookie set by opening any page once with ``?token=T``). ``allowed_hosts``:
    the Host header names accepted ("*" accepts any). ``job_timeout``: seconds a request's job may
    run before the request answers 504 (``{"error", "where": "server"}`` or the error page)."""
    app = FastAPI(
        title="docgen",
        description="Methodologies of evaluation of civil servants (kk/ru): catalogue, forms, fill, diff, check.",
        docs_url=None,
        redoc_url=None,
    )
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["t"] = t
    templates.env.globals["LANGS"] = LANGS
    templates.env.globals["point_name"] = point_name
    templates.env.globals["where_words"] = where_words
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    store = ResultStore()
    app.state.store = store
    total_limit = 2 * act_limit + data_limit + 1_000_000

    # --- middleware ---------------------------------------------------------------------------

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        start = time.monotonic()
        _job_timeout.set(job_timeout)
        lang = _ui_lang(request)
        response = await _guarded(request, call_next, lang)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers.setdefault("Cache-Control", "no-store")
        log.info(
            "%s %s %s %.0f ms",
            request.method,
            request.url.path,
            response.status_code,
            (time.monotonic() - start) * 1000,
        )
        return response

    async def _guarded(
        request: Request, call_next: Callable[[Request], Awaitable[Response]], lang: str
    ) -> Response:
        host = (request.headers.get("host") or "").rsplit(":", 1)[0].strip("[]")
        if "*" not in allowed_hosts and host not in allowed_hosts:
            return _error_json(400, t("error.usage", lang), "host")
        set_token_cookie = False
        if token is not None:
            sent = _sent_token(request)
            query = request.query_params.get("token")
            if query is not None and hmac.compare_digest(query, token):
                set_token_cookie = True
            elif sent is None or not hmac.compare_digest(sent, token):
                return _error_json(401, t("error.token", lang), "token")
        if request.method == "POST":
            origin = request.headers.get("origin")
            if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
                return _error_json(403, t("error.origin", lang), "origin")
            length = request.headers.get("content-length")
            if length and length.isdigit() and int(length) > total_limit:
                return _error_json(413, t("error.too_large", lang), "request")
        response = await call_next(request)
        if set_token_cookie:
            assert token is not None
            response.set_cookie("docgen_token", token, httponly=True, samesite="strict")
        return response

    def _sent_token(request: Request) -> str | None:
        auth = request.headers.get("authorization") or ""
        if auth.lower().startswith("bearer "):
            return auth[7:].strip()
        return request.headers.get("x-docgen-token") or request.cookies.get("docgen_token")

    # --- errors -------------------------------------------------------------------------------

    def _is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def _fail(request: Request, status: int, error: str, where: str) -> Response:
        if _is_api(request) or request.method != "POST":
            return _error_json(status, error, where)
        lang = _ui_lang(request)
        return _page(request, "error.html", lang, {"error": error, "where": where}, status=status)

    @app.exception_handler(DocgenError)
    async def docgen_error(request: Request, exc: DocgenError) -> Response:
        inner, field = (exc.inner, exc.field) if isinstance(exc, FieldError) else (exc, None)
        lang = _ui_lang(request)
        return _fail(request, _status_of(inner), t(_message_key(inner), lang), _where(inner, field))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errs = exc.errors()
        loc = errs[0].get("loc", ()) if errs else ()
        where = str(loc[-1]) if loc else "request"
        return _fail(request, 422, t("error.missing", _ui_lang(request)), where)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        lang = _ui_lang(request)
        key = "error.not_found" if exc.status_code == 404 else "error.usage"
        return _error_json(exc.status_code, t(key, lang), request.url.path)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        log.error("internal error %s on %s", type(exc).__name__, request.url.path)
        return _fail(request, 500, t("error.internal", _ui_lang(request)), "server")

    # --- pages --------------------------------------------------------------------------------

    def _ui_lang(request: Request) -> str:
        q = request.query_params.get("lang")
        if q in LANGS:
            return str(q)
        c = request.cookies.get("ui_lang")
        if c in LANGS:
            return str(c)
        accept = request.headers.get("accept-language", "")
        return "kk" if accept.lower().startswith("kk") else "ru"

    def _csrf(request: Request) -> str:
        return request.cookies.get("csrf") or secrets.token_urlsafe(24)

    def _page(request: Request, name: str, lang: str, ctx: dict[str, Any], *, status: int = 200) -> Response:
        csrf = _csrf(request)
        page = name.split(".")[0]
        response = templates.TemplateResponse(
            request,
            name,
            {
                "lang": lang,
                "page": page,
                "csrf": csrf,
                "corpus": jobs.corpus_acts(),
                **ctx,
            },
            status_code=status,
        )
        response.set_cookie("csrf", csrf, httponly=True, samesite="strict")
        response.set_cookie("ui_lang", lang, samesite="strict")
        return response

    def _check_csrf(request: Request, sent: str) -> str:
        cookie = request.cookies.get("csrf") or ""
        if not cookie or not hmac.compare_digest(cookie, sent):
            raise CsrfError("CSRF token missing or wrong", where="csrf")
        return cookie

    async def _act_file(
        folder: Path, upload: UploadFile | None, corpus: str | None, stem: str = "act"
    ) -> tuple[Path, str]:
        """The act of a page post: the uploaded file or a corpus act; (path, label)."""
        if upload is not None and upload.filename:
            return await save_upload(upload, folder, stem, jobs.ACT_SUFFIXES, act_limit), Path(
                upload.filename
            ).name[:120]
        if corpus:
            try:
                act = jobs.corpus_act(corpus)
            except DocgenError as exc:
                raise FieldError(exc, "corpus") from None
            return act.path, act.title
        raise FieldError(UsageError("no file"), stem)

    @app.get("/", include_in_schema=False)
    async def home(request: Request) -> Response:
        return RedirectResponse(f"/act?lang={_ui_lang(request)}", status_code=303)

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/act", include_in_schema=False)
    async def act_page(request: Request, corpus: str | None = None) -> Response:
        lang = _ui_lang(request)
        ctx: dict[str, Any] = {}
        if corpus:
            async with workdir():
                act = jobs.corpus_act(corpus)
                view = await in_thread("corpus", jobs.act_view, act.path, lang)
            ctx = _act_ctx(request, view, act.title)
            ctx["chosen"] = {"corpus": corpus}
        return _page(request, "act.html", lang, ctx)

    def _act_ctx(request: Request, view: jobs.ActView, label: str) -> dict[str, Any]:
        owner = _csrf(request)
        cat_id = store.put(
            owner,
            "catalogue.json",
            "application/json",
            json.dumps(view.catalogue, ensure_ascii=False, indent=1).encode(),
        )
        text_id = store.put(owner, "text.txt", "text/plain; charset=utf-8", view.text.encode())
        return {"view": view, "label": label, "cat_id": cat_id, "text_id": text_id}

    @app.post("/act", include_in_schema=False)
    async def act_post(
        request: Request,
        csrf: str = Form(""),
        act: UploadFile | None = File(None),
        corpus: str | None = Form(None),
    ) -> Response:
        lang = _ui_lang(request)
        _check_csrf(request, csrf)
        async with workdir() as folder:
            path, label = await _act_file(folder, act, corpus)
            view = await in_thread("act", jobs.act_view, path, lang)
        ctx = _act_ctx(request, view, label)
        ctx["chosen"] = {"corpus": "" if act is not None and act.filename else corpus or ""}
        return _page(request, "act.html", lang, ctx)

    @app.get("/forms", include_in_schema=False)
    @app.get("/fill", include_in_schema=False)
    @app.get("/compare", include_in_schema=False)
    @app.get("/check", include_in_schema=False)
    async def job_page(request: Request) -> Response:
        lang = _ui_lang(request)
        return _page(request, request.url.path.strip("/") + ".html", lang, {})

    # --- the Draft page ---------------------------------------------------------------------

    draft_fields = jobs.draft_fields()

    def _draft_page(
        request: Request, lang: str, values: dict[str, str], ctx: dict[str, Any], status: int = 200
    ) -> Response:
        from ..data.labels import key_label
        from ..draft.messages import messages

        kinds = messages()["kinds"]
        words = {k: str(kinds[k].get(lang, k)) for k in draft_fields.act_kinds}
        base = {
            "fields": draft_fields,
            "values": values,
            "act_kind_words": words,
            "param_label": key_label,
            "model_warnings": jobs.edition_warnings(draft_fields.models, lang),
        }
        return _page(request, "draft.html", lang, {**base, **ctx}, status=status)

    def _amend_label(where: str, lang: str) -> str:
        """The field of the Amend form an error names, in the interface language."""
        for prefix, key in (
            ("--set", "amend.set"),
            ("set", "amend.set"),
            ("--delete-point", "amend.delete"),
            ("--to", "amend.to"),
        ):
            if where.startswith(prefix):
                return t(key, lang)
        return where_words(where, lang)

    def _draft_label(where: str, lang: str) -> str:
        """The form field an error of the draft names, in the interface language."""
        from ..data.labels import key_label

        if where.startswith("parameters."):
            return key_label(where.split(".", 1)[1], lang)
        if t("draft." + where, lang) != "draft." + where:
            return t("draft." + where, lang)
        return where_words(where, lang)

    @app.get("/draft", include_in_schema=False)
    async def draft_get(request: Request) -> Response:
        models = draft_fields.models
        values = {"model": "E4" if "E4" in models else (models[-1] if models else ""), "lang": "both"}
        return _draft_page(request, _ui_lang(request), values, {})

    @app.post("/draft", include_in_schema=False)
    async def draft_post(request: Request) -> Response:
        """The body's data from the form → BODY.yaml in the request's folder → the draft (ZIP and
        text). A value the model does not allow is said on the page, naming the field."""
        ui = _ui_lang(request)
        form = await request.form()
        values = {k: str(v).strip() for k, v in form.items() if isinstance(v, str) and len(v) <= 1000}
        owner = _check_csrf(request, values.get("csrf", ""))
        model = values.get("model", "")
        body: dict[str, Any] = {
            "body_name": {c: values.get(f"body_name.{c}") or None for c in LANGS},
            "body_kind": values.get("body_kind") or None,
            "approving_act": {
                k: values.get(f"approving_act.{k}") or None for k in ("kind", "number", "date")
            },
        }
        params: dict[str, Any] = {}
        for key in draft_fields.parameters.get(model, {}):
            raw = values.get(f"parameters.{key}", "")
            if raw:
                params[key] = int(raw) if re.fullmatch(r"-?\d{1,9}", raw) else raw
        if params:
            body["parameters"] = params
        try:
            async with workdir() as folder:
                path = folder / "BODY.yaml"
                path.write_text(yaml.safe_dump(body, allow_unicode=True), encoding="utf-8")
                zipped, texts = await in_thread(
                    "body", jobs.draft_page, path, model, values.get("lang", ""), ui
                )
        except FieldError as exc:
            inner = exc.inner
            if isinstance(inner, JobTimeout) or not isinstance(inner, InputError):
                raise
            ctx = {
                "error": inner.message,
                "error_field": inner.where,
                "error_label": _draft_label(inner.where or "", ui),
            }
            return _draft_page(request, ui, values, ctx, status=400)
        zip_id = store.put(owner, "draft.zip", "application/zip", zipped)
        return _draft_page(request, ui, values, {"zip_id": zip_id, "texts": texts})

    @app.get("/api", include_in_schema=False)
    async def api_page(request: Request) -> Response:
        lang = _ui_lang(request)
        schema = app.openapi()
        ops = []
        for path, methods in schema.get("paths", {}).items():
            for method, op in methods.items():
                body: dict[str, Any] = op.get("requestBody", {}).get("content", {})
                first: dict[str, Any] = next(iter(body.values()), {})
                ref = str(first.get("schema", {}).get("$ref", ""))
                comp = schema.get("components", {}).get("schemas", {}).get(ref.rsplit("/", 1)[-1], {})
                ops.append(
                    {
                        "method": method.upper(),
                        "path": path,
                        "summary": op.get("summary", ""),
                        "description": op.get("description", ""),
                        "fields": list(comp.get("properties", {})),
                    }
                )
        return _page(request, "api.html", lang, {"ops": ops})

    @app.get("/download/{key}", include_in_schema=False)
    async def download(request: Request, key: str, inline: int = 0) -> Response:
        item = store.get(key, request.cookies.get("csrf") or "")
        if item is None:
            return _error_json(404, t("error.expired", _ui_lang(request)), "download")
        disp = "inline" if inline else "attachment"
        name = re.sub(r"[^A-Za-z0-9._-]", "_", item.name)
        headers = {"Content-Disposition": f'{disp}; filename="{name}"'}
        if item.media.startswith("text/html"):
            headers["Content-Security-Policy"] = REPORT_CSP
        return Response(item.body, media_type=item.media, headers=headers)

    @app.post("/forms", include_in_schema=False)
    async def forms_post(
        request: Request,
        csrf: str = Form(""),
        act: UploadFile | None = File(None),
        corpus: str | None = Form(None),
        lang: str = Form("auto"),
    ) -> Response:
        ui = _ui_lang(request)
        owner = _check_csrf(request, csrf)
        async with workdir() as folder:
            path, label = await _act_file(folder, act, corpus)
            body, files = await in_thread("act", jobs.forms_zip, path, lang)
        zip_id = store.put(owner, "forms.zip", "application/zip", body)
        links = [(name, store.put(owner, name, jobs.DOCX, data)) for name, data in files]
        chosen = {"corpus": "" if act is not None and act.filename else corpus or ""}
        return _page(
            request, "forms.html", ui, {"files": links, "zip_id": zip_id, "label": label, "chosen": chosen}
        )

    @app.post("/fill/template", include_in_schema=False)
    async def fill_template(
        request: Request,
        csrf: str = Form(""),
        act: UploadFile | None = File(None),
        corpus: str | None = Form(None),
    ) -> Response:
        _check_csrf(request, csrf)
        async with workdir() as folder:
            path, _ = await _act_file(folder, act, corpus)
            body = await in_thread("act", jobs.input_template, path, folder / "template.xlsx")
        return _attachment(body, XLSX, "input.xlsx")

    fill_jobs: dict[str, FillJob] = {}
    app.state.fill_jobs = fill_jobs

    @app.post("/fill", include_in_schema=False)
    async def fill_post(
        request: Request,
        csrf: str = Form(""),
        act: UploadFile | None = File(None),
        corpus: str | None = Form(None),
        data: UploadFile = File(...),
        lang: str = Form("auto"),
    ) -> Response:
        """Start the batch and send the browser to its page, which shows the progress and then
        the results. The job's folder is deleted as soon as the batch ends."""
        ui = _ui_lang(request)
        owner = _check_csrf(request, csrf)
        folder = Path(tempfile.mkdtemp(prefix="docgen-web-"))
        try:
            path, _ = await _act_file(folder, act, corpus)
            data_path = await save_upload(data, folder, "data", jobs.DATA_SUFFIXES, data_limit)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        now = time.monotonic()
        for key in [k for k, j in fill_jobs.items() if j.done and now - j.created > store.ttl]:
            del fill_jobs[key]
        key = secrets.token_urlsafe(16)
        job = FillJob(owner, folder, now)
        fill_jobs[key] = job
        unbounded = contextvars.copy_context()
        unbounded.run(_job_timeout.set, None)
        job.task = asyncio.create_task(_run_fill(job, path, data_path, lang, ui), context=unbounded)
        return RedirectResponse(f"/fill/job/{key}?lang={ui}", status_code=303)

    async def _run_fill(job: FillJob, path: Path, data_path: Path, lang: str, ui: str) -> None:
        try:

            def on_total(n: int) -> None:
                job.total = n

            res = await in_thread("data", jobs.fill_counted, path, data_path, job.folder, lang, on_total, ui)
            job.zip_id = store.put(job.owner, "sheets.zip", "application/zip", res.zip_bytes)
            res.zip_bytes = b""
            job.result = res
        except DocgenError as exc:
            inner, field = (exc.inner, exc.field) if isinstance(exc, FieldError) else (exc, None)
            job.error = (_status_of(inner), _message_key(inner), _where(inner, field))
        except Exception as exc:
            log.error("internal error %s in a fill job", type(exc).__name__)
            job.error = (500, "error.internal", "server")
        finally:
            job.done = True
            shutil.rmtree(job.folder, ignore_errors=True)

    @app.get("/fill/job/{key}", include_in_schema=False)
    async def fill_job(request: Request, key: str) -> Response:
        ui = _ui_lang(request)
        job = fill_jobs.get(key)
        if job is None or not hmac.compare_digest(job.owner, request.cookies.get("csrf") or ""):
            return _page(
                request, "error.html", ui, {"error": t("error.expired", ui), "where": "fill"}, status=404
            )
        if not job.done:
            done = await run_in_threadpool(jobs.count_outputs, job.folder)
            return _page(request, "fill.html", ui, {"running": True, "total": job.total, "done": done})
        if job.error is not None:
            status, msg_key, where = job.error
            return _page(request, "error.html", ui, {"error": t(msg_key, ui), "where": where}, status=status)
        res = job.result
        errors = [
            dict(e, problem=row_error(e["message"], ui), caption=jobs.column_caption(e["column"], ui))
            for e in res.errors
        ]
        return _page(request, "fill.html", ui, {"res": res, "errors": errors, "zip_id": job.zip_id})

    @app.post("/compare", include_in_schema=False)
    async def compare_post(
        request: Request,
        csrf: str = Form(""),
        old: UploadFile | None = File(None),
        new: UploadFile | None = File(None),
        old_corpus: str | None = Form(None),
        new_corpus: str | None = Form(None),
    ) -> Response:
        ui = _ui_lang(request)
        owner = _check_csrf(request, csrf)
        async with workdir() as folder:
            old_path, old_label = await _act_file(folder, old, old_corpus, "old")
            new_path, new_label = await _act_file(folder, new, new_corpus, "new")
            result, outs = await in_thread(
                "new", jobs.diff_all, old_path, new_path, old_label, new_label, None, None
            )
            table = json.loads(outs["json"][0])
            html_body = outs["html"][0]
            ids = {
                "html": store.put(owner, "diff.html", "text/html; charset=utf-8", html_body),
                "json": store.put(
                    owner, "diff.json", "application/json", json.dumps(table, ensure_ascii=False).encode()
                ),
            }
            if "docx" in outs:
                ids["docx"] = store.put(owner, "diff.docx", jobs.DOCX, outs["docx"][0])
        chosen = {
            "old_corpus": "" if old is not None and old.filename else old_corpus or "",
            "new_corpus": "" if new is not None and new.filename else new_corpus or "",
        }
        return _page(request, "compare.html", ui, {"table": table, "ids": ids, "chosen": chosen})

    @app.post("/check", include_in_schema=False)
    async def check_post(
        request: Request,
        csrf: str = Form(""),
        act: UploadFile | None = File(None),
        corpus: str | None = Form(None),
        model: str = Form("auto"),
    ) -> Response:
        ui = _ui_lang(request)
        owner = _check_csrf(request, csrf)
        async with workdir() as folder:
            path, label = await _act_file(folder, act, corpus)
            result, docx, _, _, text = await in_thread(
                "act", jobs.check_all, path, model, label, "docx", True
            )
            text_html, found = jobs.highlight(
                text,
                [(f"f{i}", f.quote or "", f.code) for i, f in enumerate(result.findings)],
            )
        docx_id = store.put(owner, "check.docx", jobs.DOCX, docx)
        groups = [
            (sev, [(i, f) for i, f in enumerate(result.findings) if f.severity == sev])
            for sev in ("error", "warning", "info")
        ]
        return _page(
            request,
            "check.html",
            ui,
            {
                "result": result,
                "groups": groups,
                "docx_id": docx_id,
                "text_html": text_html,
                "label": label,
                "found": found,
                "chosen": {"corpus": "" if act is not None and act.filename else corpus or ""},
            },
        )

    # --- API ----------------------------------------------------------------------------------

    @app.post("/api/catalogue", summary="Catalogue of an act (JSON)")
    async def api_catalogue(act: UploadFile = File(...)) -> Response:
        """Multipart field ``act`` (.txt, .docx, .html) → the catalogue JSON ``docgen parse`` prints."""
        async with workdir() as folder:
            path = await save_upload(act, folder, "act", jobs.ACT_SUFFIXES, act_limit)
            _, cat = await in_thread("act", jobs.build_catalogue, path)
            body = json.dumps(jobs.catalogue_json(cat), ensure_ascii=False).encode()
        return Response(body, media_type="application/json")

    @app.post("/api/forms", summary="Blank forms of an act (ZIP)")
    async def api_forms(act: UploadFile = File(...), lang: str = Form("auto")) -> Response:
        """``act`` and ``lang`` = kk | ru | both | auto (the act's language) → ZIP of DOCX forms."""
        async with workdir() as folder:
            path = await save_upload(act, folder, "act", jobs.ACT_SUFFIXES, act_limit)
            body, _ = await in_thread("act", jobs.forms_zip, path, lang)
        return _attachment(body, "application/zip", "forms.zip")

    @app.post("/api/fill", summary="Filled evaluation sheets (ZIP)")
    async def api_fill(
        act: UploadFile = File(...), data: UploadFile = File(...), lang: str = Form("auto")
    ) -> Response:
        """``act`` and ``data`` (.xlsx or .csv, one row per employee and period) → ZIP with the sheets,
        ``summary.xlsx`` and ``summary.csv`` (for people) and ``summary.json`` (codes, for programs); the header ``X-Docgen-Bad-Rows`` counts the rows refused."""
        async with workdir() as folder:
            path = await save_upload(act, folder, "act", jobs.ACT_SUFFIXES, act_limit)
            data_path = await save_upload(data, folder, "data", jobs.DATA_SUFFIXES, data_limit)
            res = await in_thread("data", jobs.fill_zip, path, data_path, folder, lang)
        resp = _attachment(res.zip_bytes, "application/zip", "sheets.zip")
        resp.headers["X-Docgen-Rows"] = str(res.rows)
        resp.headers["X-Docgen-Bad-Rows"] = str(res.bad_rows)
        return resp

    @app.post("/api/diff", summary="Comparison of two editions")
    async def api_diff(
        old: UploadFile = File(...),
        new: UploadFile = File(...),
        format: str = Form("json"),
        lang: str | None = Form(None),
    ) -> Response:
        """``old``, ``new`` and ``format`` = json | html | docx (the Word redline)."""
        async with workdir() as folder:
            old_path = await save_upload(old, folder, "old", jobs.ACT_SUFFIXES, act_limit)
            new_path = await save_upload(new, folder, "new", jobs.ACT_SUFFIXES, act_limit)
            if format not in ("json", "html", "docx"):
                raise FieldError(UsageError("format must be json, html or docx"), "format")
            old_label = Path(old.filename or "old").name[:120]
            new_label = Path(new.filename or "new").name[:120]
            _, outs = await in_thread(
                "new", jobs.diff_all, old_path, new_path, old_label, new_label, format, lang
            )
            body, media, name = outs[format]
        return _attachment(body, media, name, report=media.startswith("text/html"))

    @app.post("/api/check", summary="Check of an act against the model")
    async def api_check(
        act: UploadFile = File(...), model: str = Form("auto"), format: str = Form("json")
    ) -> Response:
        """``act``, ``model`` = auto | E0 | E1 | E4, ``format`` = json | html | docx. The header
        ``X-Docgen-Failed`` is 1 when a finding has severity error."""
        async with workdir() as folder:
            path = await save_upload(act, folder, "act", jobs.ACT_SUFFIXES, act_limit)
            if format not in ("json", "html", "docx"):
                raise FieldError(UsageError("format must be json, html or docx"), "format")
            label = Path(act.filename or "act").name[:120]
            result, body, media, name, _ = await in_thread("act", jobs.check_all, path, model, label, format)
        resp = _attachment(body, media, name, report=media.startswith("text/html"))
        resp.headers["X-Docgen-Failed"] = str(result.exit_code)
        return resp

    @app.post("/api/draft", summary="Draft of a body's methodology (ZIP)")
    async def api_draft(
        body: UploadFile = File(...), model: str = Form("E4"), lang: str = Form("both")
    ) -> Response:
        """``body`` (BODY.yaml: the body's names and approving act, the parameters the model leaves
        to it), ``model`` (an edition with a text: E4, E1 or E0) and ``lang`` = kk | ru | both → ZIP with
        ``methodology.<lang>.docx`` and ``.txt``; for an edition no longer in force today also
        ``warnings.txt`` (it says so and names the edition in force), counted by ``X-Docgen-Warnings``."""
        async with workdir() as folder:
            path = await save_upload(body, folder, "body", (".yaml", ".yml"), act_limit)
            label = Path(body.filename or "BODY.yaml").name[:120]
            zipped = await in_thread("body", jobs.draft_zip, path, model, lang, label)
        resp = _attachment(zipped, "application/zip", "draft.zip")
        names = zipfile.ZipFile(io.BytesIO(zipped)).namelist()
        resp.headers["X-Docgen-Warnings"] = str(int("warnings.txt" in names))
        return resp

    @app.post("/api/amend", summary="Next edition of an act (ZIP)")
    async def api_amend(
        act: UploadFile = File(...),
        sets: list[str] = Form([], alias="set"),
        deletes: list[str] = Form([], alias="delete_point"),
        new_edition: bool = Form(False),
        to: str | None = Form(None),
        lang: str | None = Form(None),
    ) -> Response:
        """``act``, ``set`` (repeated, KEY=VALUE: a catalogue parameter's new value), ``delete_point``
        (repeated, a point number), ``new_edition`` (renumber the whole act), ``to`` (a model edition
        such as E4: its new provisions inserted, the ones it dropped excluded) and ``lang`` = kk | ru
        (the language of the warnings; by default the act's) → ZIP with what ``docgen amend`` writes:
        ``edition.<lang>.txt``/``.docx``, ``redline.docx``, ``comparison.docx``,
        ``amendment.<lang>.txt``, and ``warnings.txt`` (the references the act has wrong, ...); the
        header ``X-Docgen-Warnings`` counts its lines."""
        async with workdir() as folder:
            path = await save_upload(act, folder, "act", jobs.ACT_SUFFIXES, act_limit)
            label = Path(act.filename or "act").name[:120]
            ui = lang if lang in LANGS else None
            zipped, warnings = await in_thread(
                "act", jobs.amend_zip, path, sets, deletes, new_edition, label, to, ui
            )
        resp = _attachment(zipped, "application/zip", "amend.zip")
        resp.headers["X-Docgen-Warnings"] = str(len(warnings))
        return resp

    @app.post("/draft/amend", include_in_schema=False)
    async def draft_amend(
        request: Request,
        csrf: str = Form(""),
        act: UploadFile | None = File(None),
        corpus: str | None = Form(None),
        sets: str = Form("", alias="set"),
        deletes: str = Form("", alias="delete_point"),
        new_edition: bool = Form(False),
        to: str = Form(""),
    ) -> Response:
        """The Amend form of the Draft page: one KEY=VALUE a line, points to delete separated by
        commas or spaces, the model edition to bring the act to → the Draft page with the ZIP's link
        and what to check (the references the act has wrong, ...) in the interface language; bad
        input is said on the page, naming the field."""
        owner = _check_csrf(request, csrf)
        ui = _ui_lang(request)
        values = {"amend.set": sets[:4000], "amend.delete_point": deletes[:200], "amend.to": to[:20]}
        chosen = {"corpus": corpus or ""}
        if new_edition:
            values["amend.new_edition"] = "true"
        try:
            async with workdir() as folder:
                path, label = await _act_file(folder, act, corpus)
                lines = [ln for ln in sets.splitlines() if ln.strip()]
                points = [p for p in re.split(r"[,;\s]+", deletes) if p]
                zipped, warnings = await in_thread(
                    "act", jobs.amend_zip, path, lines, points, new_edition, label, to or None, ui
                )
        except FieldError as exc:
            inner = exc.inner
            if isinstance(inner, JobTimeout) or not isinstance(inner, InputError):
                raise
            ctx = {
                "amend_error": inner.message,
                "amend_error_label": _amend_label(inner.where or "", ui),
                "chosen": chosen,
            }
            return _draft_page(request, ui, values, ctx, status=400)
        zip_id = store.put(owner, "amend.zip", "application/zip", zipped)
        return _draft_page(
            request, ui, values, {"amend_zip": zip_id, "amend_warnings": warnings, "chosen": chosen}
        )

    return app


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _attachment(body: bytes, media: str, name: str, *, report: bool = False) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if report:
        headers["Content-Security-Policy"] = REPORT_CSP
    if media == "application/json":
        return Response(body, media_type=media)
    return Response(body, media_type=media, headers=headers)
