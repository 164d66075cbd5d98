"""One error tree for docgen. Every error says *where* (file, line / point / row) and *what*.

The CLI maps ``DocgenError`` subclasses to a one-line message on stderr and an exit code, never a
traceback. Compliance findings are data (``docgen.check``), not exceptions.
"""

from __future__ import annotations


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
                loc += f":{self.where}"
            loc += ": "
        elif self.where:
            loc = f"{self.where}: "
        return (loc + self.message).replace("\n", " ")


class InputError(DocgenError):
    """Unreadable, empty, undecodable, unsupported or unsafe input file."""

    exit_code = 2


class UnsafeInputError(InputError):
    """Zip bombs, odd zip member names, DTDs/entities, oversized inputs."""


class DataError(DocgenError):
    """Bad data rows (spreadsheets, YAML for protocols)."""

    exit_code = 1


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
