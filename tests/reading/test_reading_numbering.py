"""docgen.reading on .docx with Word automatic list numbering (word/numbering.xml, styles, overrides)."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from docgen.catalogue import catalogue_for_path, parse_document
from docgen.errors import UnsafeInputError
from docgen.reading import read_source
from docgen.reading.numbering import Numbering, format_number

from .zipkit import CONTENT_TYPES, W_NS, Member, body_xml, build_zip

ROOT = Path(__file__).resolve().parents[2]
SEED_004 = ROOT / "legal_corpus" / "acts" / "wko-akimat-53" / "004_cb6464f9152e2bf0.txt"
HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W_NS}">'


# --- builders -------------------------------------------------------------------------------------
def lvl(ilvl: int, text: str, fmt: str = "decimal", start: int | None = 1, extra: str = "") -> str:
    start_xml = "" if start is None else f'<w:start w:val="{start}"/>'
    return (
        f'<w:lvl w:ilvl="{ilvl}">{start_xml}<w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{escape(text, {chr(34): "&quot;"})}"/>{extra}</w:lvl>'
    )


def abstract(aid: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{extra}{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: dict[int, int] | None = None) -> str:
    ov = "".join(
        f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
        for i, v in (overrides or {}).items()
    )
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{ov}</w:num>'


def numbering_xml(*parts: str) -> bytes:
    return (HEAD + "".join(parts) + "</w:numbering>").encode()


def para(text: str, nid: int | None = None, ilvl: int | None = 0, style: str | None = None) -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if nid is not None:
        ilvl_xml = "" if ilvl is None else f'<w:ilvl w:val="{ilvl}"/>'
        ppr += f'<w:numPr>{ilvl_xml}<w:numId w:val="{nid}"/></w:numPr>'
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run}</w:p>"


def make_docx(path: Path, body: str, numbering: bytes | None, styles: bytes | None = None) -> Path:
    members = [Member(b"[Content_Types].xml", CONTENT_TYPES), Member(b"word/document.xml", body_xml(body))]
    if numbering is not None:
        members.append(Member(b"word/numbering.xml", numbering))
    if styles is not None:
        members.append(Member(b"word/styles.xml", styles))
    return build_zip(path, members)


def lines(path: Path) -> list[str]:
    return read_source(path).raw.splitlines()


POINTS = abstract(0, lvl(0, "%1."), lvl(1, "%2)"), lvl(2, "%3.", "russianLower"))


# --- behaviour ------------------------------------------------------------------------------------
def test_points_continue_and_subpoints_restart_under_each_point(tmp_path: Path) -> None:
    body = (
        para("Жалпы ережелер")
        + para("Бағалау жүргізіледі", 1)
        + para("Негізгі ұғымдар:", 1)
        + para("бағалаушы тұлға;", 1, 1)
        + para("ерекше жағдай:", 1, 1)
        + para("бірінші түрі", 1, 2)
        + para("екінші түрі", 1, 2)
        + para("бағаланатын тұлға.", 1, 1)
        + para("Оценка проводится ежеквартально.", 1)
        + para("первое;", 1, 1)
    )
    path = make_docx(tmp_path / "points.docx", body, numbering_xml(POINTS, num(1, 0)))
    assert lines(path) == [
        "Жалпы ережелер",
        "1. Бағалау жүргізіледі",
        "2. Негізгі ұғымдар:",
        "1) бағалаушы тұлға;",
        "2) ерекше жағдай:",
        "а. бірінші түрі",
        "б. екінші түрі",
        "3) бағаланатын тұлға.",
        "3. Оценка проводится ежеквартально.",
        "1) первое;",
    ]


def test_list_interrupted_by_plain_paragraphs_continues(tmp_path: Path) -> None:
    body = para("бір", 1) + para("түсіндірме") + para("") + para("екі", 1) + para("үш", 1, ilvl=None)
    path = make_docx(tmp_path / "gap.docx", body, numbering_xml(POINTS, num(1, 0)))
    assert lines(path) == ["1. бір", "түсіндірме", "", "2. екі", "3. үш"]


def test_multilevel_legal_and_chapter_text(tmp_path: Path) -> None:
    multi = abstract(
        0,
        lvl(0, "%1-тарау.", extra='<w:suff w:val="space"/>'),
        lvl(1, "%1.%2.", extra='<w:suff w:val="nothing"/>'),
        lvl(2, "%1.%2.%3", "lowerRoman", extra='<w:isLgl/><w:suff w:val="tab"/>'),
    )
    body = (
        para("Жалпы ережелер", 1)
        + para("Осы әдістеме", 1, 1)
        + para("Бағалау", 1, 1)
        + para("ішкі", 1, 2)
        + para("Бағалау тәртібі", 1)
        + para("Рәсім", 1, 1)
    )
    path = make_docx(tmp_path / "multi.docx", body, numbering_xml(multi, num(1, 0)))
    assert lines(path) == [
        "1-тарау. Жалпы ережелер",
        "1.1.Осы әдістеме",
        "1.2.Бағалау",
        "1.2.1 ішкі",  # isLgl: decimal, and the tab suffix becomes a space
        "2-тарау. Бағалау тәртібі",
        "2.1.Рәсім",
    ]


def test_start_value_start_override_and_shared_counter(tmp_path: Path) -> None:
    five, three = abstract(0, lvl(0, "%1.", start=5)), abstract(1, lvl(0, "%1)", start=3))
    nb = numbering_xml(five, num(1, 0), num(2, 0, {0: 24}), num(3, 0), three, num(4, 1), num(5, 1, {0: 1}))
    body = (
        para("бес", 1)
        + para("алты", 1)
        + para("жиырма төрт", 2)
        + para("жиырма бес", 3)  # another w:num of the same abstractNum continues the count
        + para("жиырма алты", 2)  # the override applies only when its w:num is first used
        + para("үш", 4)
        + para("қайта бір", 5)
    )
    path = make_docx(tmp_path / "start.docx", body, nb)
    assert lines(path) == [
        "5. бес",
        "6. алты",
        "24. жиырма төрт",
        "25. жиырма бес",
        "26. жиырма алты",
        "3) үш",
        "1) қайта бір",
    ]


STYLES = f"""<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Point"><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="PointBody"><w:basedOn w:val="Point"/></w:style>
<w:style w:type="paragraph" w:styleId="SubPoint"><w:basedOn w:val="PointBody"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>
<w:style w:type="numbering" w:styleId="LegalList"><w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style>
</w:styles>""".encode()


def test_numbering_from_paragraph_style_chain_and_num_id_zero(tmp_path: Path) -> None:
    levels = abstract(0, lvl(0, "%1."), lvl(1, "%2)", extra='<w:pStyle w:val="SubPoint"/>'))
    linked = abstract(5, extra='<w:numStyleLink w:val="LegalList"/>') + num(5, 5)
    linked += abstract(6, lvl(0, "%1-бап."), extra='<w:styleLink w:val="LegalList"/>') + num(6, 6)
    body = (
        para("style point", style="PointBody")
        + para("style sub-point", style="SubPoint")  # level from w:lvl/w:pStyle
        + para("direct level", 1, 1, style="Point")
        + para("switched off", 0, style="Point")  # numId 0 beats the style
        + para("plain", style="Loop1")  # basedOn cycle: no crash, no number
        + para("next point", style="Point")
        + para("through numStyleLink", 5)
        + para("shares the counter", 6)
    )
    path = make_docx(tmp_path / "styles.docx", body, numbering_xml(levels, num(1, 0), linked), STYLES)
    assert lines(path) == [
        "1. style point",
        "1) style sub-point",
        "2) direct level",
        "switched off",
        "plain",
        "2. next point",
        "1-бап. through numStyleLink",
        "2-бап. shares the counter",
    ]


def test_letters_romans_zero_padded_and_russian(tmp_path: Path) -> None:
    fmts = ["lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "decimalZero", "russianUpper"]
    nb = numbering_xml(
        *(abstract(i, lvl(0, "%1)", fmt, start=8)) for i, fmt in enumerate(fmts)),
        *(num(i + 1, i) for i in range(len(fmts))),
    )
    body = "".join(para("x", i + 1) + para("y", i + 1) for i in range(len(fmts)))
    got = lines(make_docx(tmp_path / "fmt.docx", body, nb))
    labels = "h i H I viii ix VIII IX 08 09 З И".split()
    assert got == [f"{label}) {'xy'[i % 2]}" for i, label in enumerate(labels)]


def test_format_number_edges() -> None:
    assert [format_number(v, "lowerLetter") for v in (1, 26, 27, 28, 53)] == ["a", "z", "aa", "bb", "aaa"]
    assert format_number(1994, "upperRoman") == "MCMXCIV"
    assert format_number(4000, "lowerRoman") == "4000"
    assert format_number(10, "decimalZero") == "10"
    assert format_number(29, "russianLower") == "аа"
    assert format_number(3, "ordinalText") == "3"  # unsupported formats fall back to decimal
    assert format_number(3, "none") == ""


def test_bullets_none_and_table_cells(tmp_path: Path) -> None:
    defs = [
        abstract(0, lvl(0, "\uf0b7", "bullet")),
        abstract(1, lvl(0, "", "none")),
        abstract(2, lvl(0, "%1.")),
    ]
    nb = numbering_xml(*defs, num(1, 0), num(2, 1), num(3, 2))
    cell = "<w:tc>{}</w:tc>"
    table = (
        "<w:tbl><w:tr>"
        + cell.format(para("Параметр", 3))
        + cell.format(para("", 3) + para("бірінші", 1) + para("екінші", 1))
        + "</w:tr></w:tbl>"
    )
    body = para("маркер", 1) + para("нөмірсіз", 2) + table
    assert lines(make_docx(tmp_path / "bullets.docx", body, nb)) == [
        "- маркер",
        "нөмірсіз",
        "1. Параметр\t2. - бірінші - екінші",
    ]


@pytest.mark.parametrize(
    "nb",
    [
        numbering_xml(num(1, 7)),  # abstractNum missing
        numbering_xml(abstract(0, lvl(0, "%1.", start=None).replace("w:lvlText", "w:other")), num(1, 0)),
        numbering_xml(abstract(0, lvl(0, "%1.").replace('w:val="1"', 'w:val="бір"')), num(1, 0)),
        numbering_xml(abstract(0, lvl(0, "%1.", extra='<w:suff w:val="weird"/>')), num(1, 0)),
        numbering_xml(abstract(0, lvl(3, "%4.")), num(1, 0)),  # level 0 not defined
        numbering_xml(abstract(0, lvl(0, "%1."), extra='<w:numStyleLink w:val="Nowhere"/>'), num(1, 0)),
        numbering_xml(abstract(0, lvl(0, "%1.")), "<w:num><w:abstractNumId/></w:num>"),
        b"<w:numbering><w:num>",  # not even XML
        b'<?xml version="1.0"?><styles/>',  # not a numbering part
    ],
    ids="no_abstract no_lvltext bad_start bad_suffix no_level dead_link no_ids xml root".split(),
)
def test_malformed_numbering_gives_no_prefix(tmp_path: Path, nb: bytes) -> None:
    path = make_docx(tmp_path / "bad.docx", para("мәтін", 1) + para("тағы", 1), nb)
    assert lines(path) == ["мәтін", "тағы"]


@pytest.mark.parametrize("part", ["word/numbering.xml", "word/styles.xml"])
def test_numbering_or_styles_with_doctype_refused(tmp_path: Path, part: str) -> None:
    evil = (
        b'<?xml version="1.0"?>\n<!DOCTYPE w:numbering [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        b'<w:numbering xmlns:w="' + W_NS.encode() + b'"/>'
    )
    good = numbering_xml(POINTS, num(1, 0))
    nb, styles = (evil, None) if part == "word/numbering.xml" else (good, evil)
    path = make_docx(tmp_path / "evil.docx", para("мәтін", 1), nb, styles)
    with pytest.raises(UnsafeInputError) as ei:
        read_source(path)
    assert ei.value.where == part and str(path) in str(ei.value)


def test_python_docx_styles_and_part_found_through_relationships(tmp_path: Path) -> None:
    """A real Word package: list styles of the template, a part renamed in document.xml.rels, and a
    ``w:lvlRestart`` of 0 (never restart)."""
    d = docx.Document()
    for text, style in [("a", "List Number"), ("b", "List Number"), ("c", "List Bullet"), ("d", None)]:
        d.add_paragraph(text, style=style)
    root = d.part.numbering_part.element
    extra = etree.fromstring(
        numbering_xml(
            abstract(91, lvl(0, "§%1"), lvl(1, "(%2)", extra='<w:lvlRestart w:val="0"/>')), num(91, 91)
        )
    )
    new_abstract, new_num = list(extra)
    root.find(f"{{{W_NS}}}num").addprevious(new_abstract)  # schema order: abstractNums first
    root.append(new_num)
    for ilvl, text in [(1, "e"), (0, "f"), (1, "g")]:
        d.add_paragraph(text)._p.get_or_add_pPr().append(
            etree.fromstring(
                f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="91"/></w:numPr>'
            )
        )
    buf = BytesIO()
    d.save(buf)
    path = tmp_path / "real.docx"
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name).replace(b'Target="numbering.xml"', b'Target="/word/lists.xml"')
            dst.writestr("word/lists.xml" if name == "word/numbering.xml" else name, data)
    assert lines(path) == ["1. a", "2. b", "- c", "d", "(1) e", "§1 f", "(2) g"]


# --- invariants -----------------------------------------------------------------------------------
def _numbering_root(levels_xml: str) -> etree._Element:
    return etree.fromstring(numbering_xml(levels_xml, num(1, 0)))


def _p(ilvl: int) -> etree._Element:
    return etree.fromstring(f'<w:p xmlns:w="{W_NS}">{para("t", 1, ilvl)[5:]}')


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 2), min_size=1, max_size=40))
def test_counts_match_a_simple_model(levels: list[int]) -> None:
    numbering = Numbering(_numbering_root(abstract(0, lvl(0, "%1."), lvl(1, "%1.%2."), lvl(2, "%3)"))))
    model = [0, 0, 0]
    for ilvl in levels:
        model[ilvl] += 1
        model[ilvl + 1 :] = [0] * (2 - ilvl)
        expected = {0: f"{model[0] or 1}.", 1: f"{model[0] or 1}.{model[1]}.", 2: f"{model[2]})"}[ilvl]
        assert numbering.prefix(_p(ilvl)) == expected + " "


@settings(max_examples=150, deadline=None)
@given(
    start=st.text(alphabet="0123456789-x ", max_size=8),
    fmt=st.sampled_from(
        ["decimal", "lowerLetter", "upperRoman", "bullet", "none", "russianLower", "junk", ""]
    ),
    text=st.text(alphabet="%123456789.)-тарау \t\n", max_size=12),
    restart=st.sampled_from(
        ["", '<w:lvlRestart w:val="0"/>', '<w:lvlRestart w:val="1"/>', '<w:lvlRestart w:val="z"/>']
    ),
)
def test_arbitrary_level_attributes_never_raise(start: str, fmt: str, text: str, restart: str) -> None:
    bad = f'<w:lvl w:ilvl="1"><w:start w:val="{escape(start)}"/><w:numFmt w:val="{fmt}"/>'
    bad += f'<w:lvlText w:val="{escape(text, {chr(9): "&#9;", chr(10): "&#10;"})}"/>{restart}</w:lvl>'
    numbering = Numbering(_numbering_root(abstract(0, lvl(0, "%1."), bad)))
    for ilvl in (0, 1, 1, 0, 1):
        label = numbering.prefix(_p(ilvl))
        assert "\t" not in label and "\n" not in label and len(label) < 400
        assert label == "" or label.endswith(" ")


# --- end to end on seed 004 -----------------------------------------------------------------------
_POINT_RE = re.compile(r"^(\d+)\. (.*)$", re.S)
_SUB_RE = re.compile(r"^(\d+)\) (.*)$", re.S)
_CHAPTER_RE = re.compile(r"^Глава (\d+)\. (.*)$", re.S)


def _seed_as_numbered_docx(path: Path, with_numbering: bool = True) -> Path:
    """Seed 004 as Word would save it: every point / sub-point / chapter number is automatic."""
    nb = numbering_xml(
        abstract(0, lvl(0, "%1."), lvl(1, "%2)")),
        abstract(1, lvl(0, "%1.")),
        abstract(2, lvl(0, "Глава %1.", extra='<w:suff w:val="space"/>')),
        num(1, 0),  # methodology points 1..22 with their sub-points
        num(2, 0, {0: 24}),  # the gap: point 23 is missing from the published text
        num(3, 1),  # the approving resolution's own points
        num(4, 2),  # chapters
    )
    text = SEED_004.read_text(encoding="utf-8")
    body, in_methodology, in_appendix, expected_next = [], False, False, 1
    for raw in text.splitlines():
        line = raw.strip()
        in_methodology = in_methodology or line.startswith("Методика оценки")
        in_appendix = in_appendix or (in_methodology and line.startswith("Приложение 1"))
        m, sub, chap = _POINT_RE.match(line), _SUB_RE.match(line), _CHAPTER_RE.match(line)
        if in_appendix or not (m or sub or chap):
            body.append(para(line))
        elif chap:
            body.append(para(chap.group(2), 4))
        elif sub:
            body.append(para(sub.group(2), 1 if in_methodology else 3, 1))
        elif not in_methodology:
            body.append(para(m.group(2), 3))  # type: ignore[union-attr]
        else:
            number = int(m.group(1))  # type: ignore[union-attr]
            body.append(para(m.group(2), 1 if number == expected_next else 2))  # type: ignore[union-attr]
            expected_next = number + 1
    return make_docx(path, "".join(body), nb if with_numbering else None)


def test_seed_004_with_automatic_numbering_parses_like_the_text(tmp_path: Path) -> None:
    path = _seed_as_numbered_docx(tmp_path / "004.docx")
    raw = read_source(path).raw
    assert "Оценка проводится по итогам квартала" in raw and "\n4. Оценка проводится по итогам" in raw
    assert "\n24. По результатам калибровочной сессии" in raw and "\n23. " not in raw
    seed = parse_document(SEED_004)
    doc = parse_document(path)
    expected = [str(n) for n in [*range(1, 23), 24]]
    assert [p.number for p in seed.points] == expected
    assert [p.number for p in doc.points] == expected
    assert [[s.number for s in p.subpoints] for p in doc.points] == [
        [s.number for s in p.subpoints] for p in seed.points
    ]
    assert [c.number for c in doc.chapters] == [c.number for c in seed.chapters] == [1, 2, 3]
    assert [p.number for p in doc.approving_points] == ["1", "2", "3", "4", "5"]
    deadline = catalogue_for_path(path).param("quarterly_deadline_day")
    assert deadline is not None and deadline.value == 20 and deadline.source.point == "4"
    # the same document without numbering.xml: the numbers (and so the points) are gone
    bare = read_source(_seed_as_numbered_docx(tmp_path / "bare.docx", with_numbering=False)).raw
    assert "\n4. Оценка" not in bare and "\nОценка проводится по итогам квартала" in bare
