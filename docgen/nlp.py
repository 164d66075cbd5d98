"""spaCy pipelines for docgen (stage: NLP foundation; text -> Doc with merged number tokens).

``get_nlp(lang)`` returns a cached blank pipeline (``kk``: our ``docgen.lang.kk.Kazakh``; ``ru``:
spaCy's own Russian) plus the abbreviations of ``docgen/lang/<lang>/tokenizer.yaml`` and a
``numbers`` component that

* merges every multi-token number expression found by ``docgen.numbers`` into one token
  ("он бес", "5 (пяти)", "45 %", "двадцати пяти") and sets ``Token._.num`` (int/float or None) and
  ``Token._.num_kind`` ("cardinal" / "ordinal" / "decimal" or None);
* puts ranges into ``doc.spans["ranges"]`` and fractions into ``doc.spans["fractions"]``, each span
  carrying ``Span._.value`` = (low, high) or (numerator, denominator).

Token offsets (``token.idx``) stay those of the input text. Extraction rules can then use Matcher
patterns such as ``[{"_": {"num": {"!=": None}}}, {"LOWER": {"IN": ["рабочих", "жұмыс"]}}]``; spaCy's
pattern validation rejects a ``None`` operand, so build such a Matcher with ``validate=False``, or use
the boolean extension ``Token._.is_num`` instead: ``[{"_": {"is_num": True}}, ...]`` validates.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from docgen.lang import LANGS, load_data
from docgen.lang.kk import Kazakh
from docgen.numbers import find_fractions, find_ranges
from docgen.numbers.scan import Num, scan

COMPONENT = "docgen_numbers"
# Longest piece of text given to spaCy in one call; longer texts are cut at line breaks (else spaces)
# into pieces of at most this many characters and the pieces' docs are joined (``make_doc``).
CHUNK_CHARS = 100_000


def register_spacy_languages() -> None:
    """Make ``spacy.blank("kk")`` resolve to our Kazakh class even without the entry point."""
    if "kk" not in spacy.util.registry.languages.get_all():
        spacy.util.registry.languages.register("kk", func=Kazakh)


def _ensure_extensions() -> None:
    for name in ("num", "num_kind"):
        if not Token.has_extension(name):
            Token.set_extension(name, default=None)
    if not Token.has_extension("is_num"):
        Token.set_extension("is_num", getter=lambda t: t._.num is not None)
    if not Span.has_extension("value"):
        Span.set_extension("value", default=None)


def _char_span(doc: Doc, start: int, end: int, label: str = "") -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def annotate_numbers(doc: Doc) -> Doc:
    """Merge number expressions into single tokens and attach values, ranges and fractions."""
    lang = doc.lang_
    text = doc.text
    nums = scan(text, lang)
    spans: list[Span] = []
    for n in nums:
        span = _char_span(doc, n.start, n.end)
        if span is not None:
            spans.append(span)
    spans = filter_spans(spans)
    with doc.retokenize() as retok:
        for span in spans:
            if len(span) > 1:
                retok.merge(span)
    per_token: dict[int, list[Num]] = {}
    for n in nums:
        span = _char_span(doc, n.start, n.end)
        if span is not None and len(span) == 1:
            per_token.setdefault(span.start, []).append(n)
    for i, found in per_token.items():
        if len(found) == 1:  # a token holding two numbers ("28/189-VI") gets no single value
            doc[i]._.num = found[0].value
            doc[i]._.num_kind = found[0].kind
    ranges: list[Span] = []
    for r in find_ranges(text, lang):
        span = _char_span(doc, r.start, r.end, "RANGE")
        if span is not None:
            span._.value = (r.low, r.high)
            ranges.append(span)
    fractions: list[Span] = []
    for f in find_fractions(text, lang):
        span = _char_span(doc, f.start, f.end, "FRACTION")
        if span is not None:
            span._.value = (f.numerator, f.denominator)
            fractions.append(span)
    doc.spans["ranges"] = ranges
    doc.spans["fractions"] = fractions
    return doc


@Language.component(COMPONENT)
def numbers_component(doc: Doc) -> Doc:
    return annotate_numbers(doc)


@functools.cache
def get_nlp(lang: str) -> Language:
    """Cached blank pipeline for ``lang`` ("kk" or "ru") with the ``numbers`` component."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGS)}")
    register_spacy_languages()
    _ensure_extensions()
    nlp = spacy.blank(lang)
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    for abbr in load_data(lang, "tokenizer").get("abbreviations") or []:
        tokenizer.add_special_case(str(abbr), [{"ORTH": str(abbr)}])
    nlp.add_pipe(COMPONENT, name="numbers")
    return nlp


def _cut(text: str, size: int) -> list[str]:
    """Pieces of ``text`` (joined they give ``text`` back) of at most ``size`` characters, each ending
    after a line break when there is one in its second half, else after a space, else anywhere."""
    pieces: list[str] = []
    pos = 0
    n = len(text)
    while n - pos > size:
        end = pos + size
        half = pos + size // 2
        cut = text.rfind("\n", half, end)
        if cut < 0:
            cut = text.rfind(" ", half, end)
        cut = cut + 1 if cut >= 0 else end
        pieces.append(text[pos:cut])
        pos = cut
    pieces.append(text[pos:])
    return pieces


def make_doc(lang: str, text: str) -> Doc:
    """``get_nlp(lang)(text)`` for a text of any length: texts over ``CHUNK_CHARS`` (or spaCy's
    ``max_length``) are processed piece by piece and joined, offsets unchanged (``doc.text == text``)."""
    nlp = get_nlp(lang)
    size = max(1, min(CHUNK_CHARS, nlp.max_length))
    if len(text) <= size:
        return nlp(text)
    docs = list(nlp.pipe(_cut(text, size)))
    return Doc.from_docs(docs, ensure_whitespace=False)
