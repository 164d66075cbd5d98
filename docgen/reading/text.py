"""Reading stage: decode the bytes of a plain-text input into ``str`` without altering the text.

Consumes raw bytes (already size-limited by the caller); produces ``(text, encoding)``. Accepted:
UTF-8 with or without BOM, UTF-16 LE/BE with BOM, BOM-less UTF-16 recognised by the position of its
NUL bytes (and accepted only if it decodes to Latin/Cyrillic text and punctuation), and cp1251 as a fallback when the bytes are not UTF-8 but decode to mostly Russian text.
The BOM is removed; nothing else is changed (newlines, NBSPs, tabs stay as they are). Binary data
(NUL bytes outside UTF-16, too many control characters) and undecodable data raise ``InputError``.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

# Control characters that ordinary text files contain.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
MAX_CONTROL_RATIO = 0.01
_SAMPLE = 1 << 16
# Letters of the Russian alphabet plus the other cp1251 Cyrillic letters; and the non-ASCII
# punctuation a cp1251 Russian text commonly holds.
_CP1251_LETTERS = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяІіЇїЄєЎўҐґ")
_CP1251_PUNCT = frozenset("«»–—№„“”‘’…\u00a0•·§°±")
MIN_CP1251_SHARE = 0.8
MIN_UTF16_PLAUSIBLE = 0.95


# Unicode's Cc characters (U+0000-U+001F, U+007F-U+009F) less _TEXT_CONTROLS
_BAD_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> tuple[int, float]:
    sample = text[:_SAMPLE] if len(text) > _SAMPLE else text
    bad = len(_BAD_CONTROLS.findall(sample))
    return bad, bad / max(len(sample), 1)


def check_text(text: str, path: str, encoding: str) -> None:
    """Refuse decoded text that is empty, blank or looks binary."""
    if not text:
        raise InputError("file is empty", path=path)
    if "\x00" in text:
        raise InputError(f"contains NUL characters after decoding as {encoding}: binary data?", path=path)
    bad, ratio = _control_ratio(text)
    if ratio > MAX_CONTROL_RATIO:
        raise InputError(
            f"looks like binary data: {ratio:.1%} control characters when decoded as {encoding}", path=path
        )
    if not text.strip():
        raise InputError("contains only whitespace", path=path)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' if the NUL bytes fall on one parity (ASCII in UTF-16), else None."""
    if len(data) < 2 or len(data) % 2:
        return None
    sample = data[: _SAMPLE & ~1]
    pairs = len(sample) // 2
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= max(1, pairs // 20) and even * 10 <= odd:
        return "utf-16-le"
    if even >= max(1, pairs // 20) and odd * 10 <= even:
        return "utf-16-be"
    return None


def _plausible_bomless_utf16(text: str) -> bool:
    """Without a BOM only accept UTF-16 whose characters are overwhelmingly Latin/Cyrillic letters,
    digits and punctuation (the scripts of our inputs); random binary decodes to CJK-like noise."""
    sample = text[:_SAMPLE]
    ok = sum(1 for ch in sample if ord(ch) <= 0x052F or 0x2000 <= ord(ch) <= 0x218F)
    return ok >= MIN_UTF16_PLAUSIBLE * max(len(sample), 1)


def looks_like_cp1251_russian(text: str) -> bool:
    """True if the non-ASCII characters are overwhelmingly Russian letters and common punctuation
    (UTF-8 mis-decoded as cp1251, Latin-1 text and binary all fail this)."""
    non_ascii = [ch for ch in text if ord(ch) > 0x7F]
    if not non_ascii:
        return False
    russian = sum(1 for ch in non_ascii if ch in _CP1251_LETTERS)
    typical = russian + sum(1 for ch in non_ascii if ch in _CP1251_PUNCT)
    letters = sum(1 for ch in text if ch.isalpha())
    return typical >= MIN_CP1251_SHARE * len(non_ascii) and russian >= 0.5 * max(letters, 1)


def _utf16_with_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text behind a byte-order mark. ``FF FE`` / ``FE FF`` are also "яю" / "юя" in cp1251: when
    the bytes hold no NUL (UTF-16 Latin/Cyrillic text always does) and read as cp1251 Russian text, the
    mark is taken for letters and None is returned (the caller tries UTF-8/cp1251)."""
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom) and not data.startswith(codecs.BOM_UTF32_LE):
            if b"\x00" not in data:
                try:
                    alt = data.decode("cp1251")
                    if looks_like_cp1251_russian(alt[2:]) and _control_ratio(alt)[0] == 0:
                        return None
                except UnicodeDecodeError:
                    pass
            if len(data) % 2:
                return None
            try:
                return data[2:].decode(enc), enc
            except UnicodeDecodeError:
                return None
    return None


def _decode(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode as {encoding} at byte {exc.start}: {exc.reason}", path=path
        ) from None


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode ``data`` to ``(text, encoding)``; raises ``InputError`` with a one-line reason."""
    if not data:
        raise InputError("file is empty", path=path)
    if data.startswith(codecs.BOM_UTF8):
        text, enc = _decode(data[3:], "utf-8", path), "utf-8-sig"
    elif (bom16 := _utf16_with_bom(data)) is not None:
        text, enc = bom16
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise InputError("UTF-32 text is not supported; save it as UTF-8", path=path)
    elif b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess is None:
            raise InputError("contains NUL bytes: binary data, not text", path=path)
        text, enc = _decode(data, guess, path), guess
        if not _plausible_bomless_utf16(text):
            raise InputError(
                f"contains NUL bytes and is not plausible {guess} text: binary data? (save text as UTF-8)",
                path=path,
            )
    else:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            try:
                alt = data.decode("cp1251")
            except UnicodeDecodeError:
                alt = ""
            if not alt or not looks_like_cp1251_russian(alt):
                raise InputError(
                    f"not valid UTF-8 (byte {exc.start}: {exc.reason}) and not cp1251 Russian text", path=path
                ) from None
            text, enc = alt, "cp1251"
    check_text(text, path, enc)
    return text, enc
