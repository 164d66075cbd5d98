"""The compiled templates' environment (escaping in ``finalize``, autoescape off) writes exactly what
the autoescaping environment docxtpl uses writes, for every kind of value, and stays sandboxed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from jinja2.exceptions import SecurityError, UndefinedError
from markupsafe import Markup

from docgen.forms.contexts import SheetRow
from docgen.render.env import BadTextError, make_env

VALUES = [
    "plain",
    "Әбілқайыр «Аппарат» & Ко <акима>",
    "a\nb\r\nc\rd\te",
    "'quoted' \"double\"",
    "",
    Markup("<w:br/>already markup"),
    Markup(""),
    None,
    7,
    Decimal("4.50"),
    ("tuple", "<x>"),
]
SOURCE = '<w:t xml:space="preserve">{{ v }}</w:t>{% if v %}yes{% endif %}{% for x in [v, w] %}[{{ x }}]{% endfor %}'


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_same_output_as_autoescape(value: object) -> None:
    auto = make_env().from_string(SOURCE)
    fast = make_env(escape_in_finalize=True).from_string(SOURCE)
    ctx = {"v": value, "w": "<&>"}
    assert fast.render(ctx) == auto.render(ctx)


def test_trusted_row_fields_same_output() -> None:
    row = SheetRow("1", Markup("Имя &amp; параметр"), "4,5", "a < b\nc", "")
    src = "{{ r.number }}|{{ r.name }}|{{ r.score }}|{{ r.comment }}|{{ r.explanation }}"
    ctx = {"r": row}
    assert make_env(escape_in_finalize=True).from_string(src).render(ctx) == (
        make_env().from_string(src).render(ctx)
    )
    assert make_env(escape_in_finalize=True).from_string(src).render(ctx) == (
        '1|Имя &amp; параметр|4,5|a &lt; b</w:t><w:br/><w:t xml:space="preserve">c|'
    )


def test_still_sandboxed_and_strict() -> None:
    env = make_env(escape_in_finalize=True)
    with pytest.raises(SecurityError):
        env.from_string("{{ r.__class__.__mro__ }}").render(r=SheetRow("1", "x"))
    with pytest.raises(SecurityError):
        env.from_string("{{ s.format.__globals__ }}").render(s="x")
    with pytest.raises(UndefinedError):
        env.from_string("{{ r.missing }}").render(r=SheetRow("1", "x"))
    with pytest.raises(BadTextError):
        env.from_string("{{ v }}").render(v="bad \x01 char")
