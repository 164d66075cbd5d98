"""CLI edge: ``docgen serve [--host 127.0.0.1] [--port 8765] [--token T] [--job-timeout S]`` -- the
local web page.

Listens on 127.0.0.1 unless told otherwise; any other address needs ``--token`` (or the
``DOCGEN_TOKEN`` environment variable), which every request must then carry. The spaCy pipelines
are loaded once before the first request. The server log has no file names or contents.
"""

from __future__ import annotations

import click

from ..errors import UsageError

LOCAL = ("127.0.0.1", "localhost", "::1")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535), help="Port.")
@click.option(
    "--token",
    envvar="DOCGEN_TOKEN",
    default=None,
    help="Access token every request must carry (required off 127.0.0.1).",
)
@click.option(
    "--job-timeout",
    default=600.0,
    show_default=True,
    type=click.FloatRange(1.0, 86400.0),
    help="Seconds a request's job may run before the request answers 504.",
)
def serve(host: str, port: int, token: str | None, job_timeout: float) -> None:
    """Serve the web page and the API (kk/ru) on HOST:PORT."""
    if host not in LOCAL and not token:
        raise UsageError(f"--host {host} is reachable from other machines; it needs --token")
    if token is not None and len(token) < 16:
        raise UsageError("--token must be at least 16 characters")
    import logging

    import uvicorn

    from ..nlp import get_nlp
    from ..web.app import create_app

    for lang in ("kk", "ru"):
        get_nlp(lang)
    hosts = ("*",) if host not in LOCAL else ("127.0.0.1", "localhost", "::1")
    app = create_app(token, allowed_hosts=hosts, job_timeout=job_timeout)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    shown = "localhost" if host in LOCAL else host
    click.echo(
        f"docgen: страница открыта / бет ашық: http://{shown}:{port}/"
        + (" (нужен токен / токен керек)" if token else "")
    )
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="warning")
