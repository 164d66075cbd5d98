"""Rendering: sandboxed autoescaping environment, fast renderer == docxtpl, exact values."""

from __future__ import annotations

import io
import zipfile

import pytest
from jinja2.exceptions import SecurityError

from docgen.forms.blank import blank_forms
from docgen.render import render_form, render_form_docxtpl
from docgen.render.env import BadTextError, check_text, make_env, ooxml_text
from docgen.render.fast import CompiledTemplate
from docgen.render.templates import template_path

from .helpers import c14n, document_xml, docx_text, load_catalogue

ALL = [
    ("ru_2025.json", ("ru", "kk")),
    ("kk_2025.json", ("kk", "ru")),
    ("kk_2018.json", ("kk", "ru")),
    ("kk_2017.json", ("kk", "ru")),
]


def _forms():
    for name, langs in ALL:
        items, _ = blank_forms(load_catalogue(name), langs)
        for item in items:
            yield pytest.param(item, id=f"{name}:{item.filename}")


@pytest.mark.parametrize("item", list(_forms()))
def test_fast_renderer_matches_docxtpl(item) -> None:
    fast = render_form(item.kind, item.lang, item.context)
    ref = render_form_docxtpl(item.kind, item.lang, item.context)
    assert c14n(document_xml(fast)) == c14n(document_xml(ref))
    with zipfile.ZipFile(io.BytesIO(fast)) as zf:
        assert zf.testzip() is None
        with zipfile.ZipFile(template_path(item.kind, item.lang)) as tz:
            assert sorted(zf.namelist()) == sorted(tz.namelist())
            for name in tz.namelist():
                if name != "word/document.xml":
                    assert zf.read(name) == tz.read(name)


def test_fast_render_is_reproducible() -> None:
    item = next(iter(_forms())).values[0]
    assert render_form(item.kind, item.lang, item.context) == render_form(item.kind, item.lang, item.context)


def test_stored_and_deflated_give_same_xml() -> None:
    item = next(iter(_forms())).values[0]
    path = template_path(item.kind, item.lang)
    from docgen.render import as_mapping

    a = CompiledTemplate(path, level=0).render(as_mapping(item.context))
    b = CompiledTemplate(path, level=9).render(as_mapping(item.context))
    assert document_xml(a) == document_xml(b)
    assert len(a) > len(b)


@pytest.mark.parametrize(
    "value",
    ["<w:t>x</w:t> & \"q\" 'a' «ёлка»", "line1\nline2", "a\tb", "  lead and trail  ", "{{ 7*7 }} {% if %}"],
)
def test_values_come_out_exactly(value: str) -> None:
    from dataclasses import replace

    item = next(iter(_forms())).values[0]
    ctx = replace(item.context, title=value)
    text = docx_text(render_form(item.kind, item.lang, ctx))
    assert value in text.split("\n") or value in text


def test_crlf_is_a_line_break() -> None:
    assert str(ooxml_text("a\r\nb")) == str(ooxml_text("a\nb"))


@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x0b", "\x1f", "\ufffe", "\ud800"])
def test_control_characters_are_rejected(bad: str) -> None:
    assert check_text(f"x{bad}y") is not None
    with pytest.raises(BadTextError):
        ooxml_text(f"x{bad}y")


def test_sandbox_and_autoescape() -> None:
    env = make_env()
    assert env.autoescape is True
    assert env.from_string("{{ v }}").render(v="<b>&") == "&lt;b&gt;&amp;"
    with pytest.raises(SecurityError):
        env.from_string("{{ v.__class__.__mro__ }}").render(v="x")
    with pytest.raises(SecurityError):
        env.from_string("{{ f.__globals__ }}").render(f=test_sandbox_and_autoescape)
