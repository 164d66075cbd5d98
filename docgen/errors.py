"""One error tree for docgen. Every error says *where* (file, line / point / row) and *what*.

The CLI maps ``DocgenError`` subclasses to a one-line message on stderr and an exit code, never a
traceback. Compliance findings are data (``docgen.check``), not exceptions.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import errno
import functools
import os
import re
from pathlib import Path
from typing import Any

_TABLE = Path(__file__).parent / "data" / "errors.yaml"

# The language the user asked for (``--lang kk|ru`` of the running command): error lines, warnings
# and prefixes are then said in it alone; unset, a line reads "ru; kk" (before an act is read its
# language is not known). Set by the commands, reset by the CLI around every command.
_UI_LANG: contextvars.ContextVar[str | None] = contextvars.ContextVar("docgen_ui_lang", default=None)


# an outer command's choice (``run-corpus --lang``) that the commands it runs keep
_PINNED: contextvars.ContextVar[str | None] = contextvars.ContextVar("docgen_ui_pinned", default=None)


def set_ui_lang(lang: str | None, *, pin: bool = False) -> None:
    """Say what the user reads in ``lang`` ("kk" or "ru"; anything else: both, "ru; kk").
    ``pin``: the commands run from here on keep it whatever they are asked (``run-corpus --lang``);
    ``set_ui_lang(None, pin=True)`` clears it."""
    lang = lang if lang in ("kk", "ru") else None
    if pin:
        _PINNED.set(lang)
    _UI_LANG.set(_PINNED.get() or lang)


def choose_ui_lang(asked: str | None, act: str | None = None) -> str | None:
    """Set and return the language of what a command says: the one pinned by an outer command, else
    the one asked for (``--lang kk|ru``), else the act's (``act``; None before it is read)."""
    lang = _PINNED.get() or (asked if asked in ("kk", "ru") else act if act in ("kk", "ru") else None)
    _UI_LANG.set(lang)
    return lang


def ui_lang() -> str | None:
    return _UI_LANG.get()


def both_or_one(ru: str, kk: str) -> str:
    """``ru`` or ``kk`` in the user's chosen language; "ru / kk" when none is chosen."""
    lang = _UI_LANG.get()
    return kk if lang == "kk" else ru if lang == "ru" else f"{ru} / {kk}"


def error_prefix() -> str:
    """The word before an error line: «ошибка», «қате» or «ошибка / қате»."""
    return both_or_one("ошибка", "қате")


class DocgenError(Exception):
    """Base class. ``exit_code`` is what the CLI returns."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None, where: str | None = None) -> None:
        self.message = message
        self.path = path
        self.where = where
        super().__init__(self.one_line())

    def one_line(self) -> str:
        loc = ""
        if self.path:
            loc = str(self.path)
            if self.where:
                loc += f":{_where_word(self.where)}"
            loc += ": "
        elif self.where:
            loc = f"{_where_word(self.where)}: "
        return (loc + user_text(self.message)).replace("\n", " ")


@functools.lru_cache(maxsize=1)
def message_table() -> tuple[tuple[re.Pattern[str], dict[str, Any]], ...]:
    """``docgen/data/errors.yaml``: (compiled English pattern, entry) in the table's order."""
    import yaml

    data = yaml.safe_load(_TABLE.read_text(encoding="utf-8"))
    return tuple((re.compile(e["en"], re.S), e) for e in data["messages"])


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day(value: str) -> str:
    """A day docgen writes as 2021-06-30 in its own messages, as a reader of kk/ru texts writes it
    (30.06.2021); anything that is not a real day stays as it is."""
    try:
        return dt.date.fromisoformat(value).strftime("%d.%m.%Y")
    except ValueError:
        return value


def render_entry(entry: dict[str, Any], m: re.Match[str], langs: tuple[str, ...] = ("ru", "kk")) -> str:
    """One table entry rendered "ru; kk" (or in ``langs``) with the fields the pattern matched."""
    out = []
    for lang in langs:
        fields = {}
        for name, value in m.groupdict().items():
            value = value or ""
            fields[name] = ((entry.get("values") or {}).get(name) or {}).get(value, {}).get(lang, value)
            if fields[name] == value and value in _os_reasons():
                fields[name] = _os_reasons()[value][lang]
            elif fields[name] == value and _ISO_DAY.fullmatch(value):
                fields[name] = _day(value)
        out.append(re.sub(r"\s+", " ", entry[lang].format(**fields)).strip())
    return "; ".join(out)


# the places docgen itself names (not fields of the user's files), as the user reads them
_WHERE_WORDS: dict[str, str] = {
    "catalogue": "каталог",
    "kpi": "КЦИ / ҚНК",
    "server": "сервер",
    "csrf": "страница / бет",
    "corpus": "корпус",
    "act": "акт",
    "format": "формат / пішім",
    "lang": "язык / тіл",
    "model": "модель",
}


def _where_word(where: str) -> str:
    word = _WHERE_WORDS.get(where, where)
    ru, sep, kk = word.partition(" / ")
    return both_or_one(ru, kk) if sep else word


def user_text(message: str) -> str:
    """What the user reads for ``message``: an English message the table knows as "ru; kk" (its
    fields may hold the user's Kazakh or Russian words); Kazakh/Russian text as it is; an English
    message the table does not know, unchanged. With a language chosen (:func:`set_ui_lang`) the
    line is in that language alone (a "ru; kk" text of docgen's own, too)."""
    lang = _UI_LANG.get()
    for rx, entry in message_table():
        m = rx.fullmatch(message)
        if m:
            return render_entry(entry, m, (lang,) if lang else ("ru", "kk"))
    if lang:
        return one_language(message, lang)
    return message


def user_text_in(message: str, lang: str) -> str:
    """:func:`user_text` in one language (``kk``, else ``ru``): for a page or a warning said in the
    user's language. A message the table does not know is returned as it is."""
    for rx, entry in message_table():
        m = rx.fullmatch(message)
        if m:
            return render_entry(entry, m, ("kk" if lang == "kk" else "ru",))
    return message


def one_language(text: str, lang: str) -> str:
    """The ``lang`` half of docgen's own "ru; kk" text (file-system reasons); other text unchanged."""
    for ru, kk in _BILINGUAL.values():
        if text == f"{ru}; {kk}":
            return kk if lang == "kk" else ru
    return text


class InputError(DocgenError):
    """Unreadable, empty, undecodable, unsupported or unsafe input file."""

    exit_code = 2


class UnsafeInputError(InputError):
    """Zip bombs, odd zip member names, DTDs/entities, oversized inputs."""


class DataError(DocgenError):
    """Bad data (a spreadsheet row, a protocol's YAML, a value the methodology does not allow): the
    user's input to fix, so exit code 2 like every bad input. ``docgen fill`` reports bad rows of a
    batch as findings (exit 1) itself and renders the good ones."""

    exit_code = 2


class OutputExistsError(DocgenError):
    """Refusing to overwrite an existing output without --force."""

    exit_code = 2


class OutputFolderError(DocgenError):
    """The output folder cannot be used: not a folder, not writable, locked by another run."""

    exit_code = 2


class UsageError(DocgenError):
    exit_code = 2


class ToolMissingError(DocgenError):
    """An external program (LibreOffice) is not installed."""

    exit_code = 3


# errno -> what the user reads (Russian; Kazakh), for file-system errors that reach the CLI
_FS_WORDS: dict[int, str] = {
    errno.ENOTDIR: "часть пути не является папкой; жолдың бір бөлігі қалта емес",
    errno.EEXIST: "на этом месте уже есть файл; бұл орында файл бар",
    errno.EISDIR: "это папка, а не файл; бұл файл емес, қалта",
    errno.EACCES: "нет прав доступа; қол жеткізу құқығы жоқ",
    errno.EPERM: "нет прав доступа; қол жеткізу құқығы жоқ",
    errno.EROFS: "файловая система только для чтения; файлдық жүйе тек оқуға арналған",
    errno.ENOSPC: "нет места на диске; дискіде орын жоқ",
    errno.ENOENT: "нет такого файла или папки; мұндай файл немесе қалта жоқ",
    errno.ENAMETOOLONG: "слишком длинное имя; атауы тым ұзын",
}
# docgen's temporary names (``docgen._atomic.TMP_NAME``: ``.docgen-<pid>-<n>.<name>.tmp``; the older
# ``.<name>.<pid>.<n>.tmp`` too), so a message names the user's file, never the temporary one
_TEMP_NAME = re.compile(r"^\.docgen-\d{1,10}-\d{1,20}\.(?P<name>.+)\.tmp$|^\.(?P<old>.+)\.\d+\.\d+\.tmp$")


def file_system_error(exc: OSError) -> InputError:
    """A file-system failure (read-only folder, ``-o`` under a file, disk full) as a one-line
    ``InputError`` naming the user's path (not docgen's temporary name beside it)."""
    path = exc.filename if isinstance(exc.filename, str) else None
    if path:
        head, _, base = path.replace("\\", "/").rpartition("/")
        m = _TEMP_NAME.match(base)
        if m:
            name = m.group("name") or m.group("old")
            path = f"{head}/{name}" if head else name
    words = _FS_WORDS.get(exc.errno or -1) or _FS_OTHER
    return InputError(words, path=path)


_FS_OTHER = "ошибка файловой системы; файлдық жүйе қатесі"
_BILINGUAL = {k: tuple(v.split("; ", 1)) for k, v in [*_FS_WORDS.items(), (-1, _FS_OTHER)]}


@functools.cache
def _os_reasons() -> dict[str, dict[str, str]]:
    """The operating system's English reason for a failed file operation (``strerror``, e.g.
    "No such file or directory") -> what the user reads in each language, so a reason passed into a
    message field is never English."""
    out: dict[str, dict[str, str]] = {}
    for code in range(1, 134):
        reason = os.strerror(code)
        if reason.startswith("Unknown error"):
            continue
        ru, _, kk = _FS_WORDS.get(code, _FS_OTHER).partition("; ")
        out[reason] = {"ru": ru, "kk": kk}
    return out
