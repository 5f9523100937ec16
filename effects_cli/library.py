"""The reader's own guides beside the bundled one: the guide folders, and guides by name.

Guides are found in ``$XDG_DATA_HOME/effects/guides`` (``~/.local/share/effects/guides``
by default), then in each folder of ``EFFECTS_PATH`` (separated by colons, as
``MANPATH``): files ending ``.yaml``, ``.yml`` or ``.md``, named by their file name
without it. The bundled guide is always there first, as ``effects``. When two files
have the same name the first wins (folders in that order; in one folder ``.yaml``,
then ``.yml``, then ``.md``) and the others are shadowed.

A name is looked up with a few ``stat`` calls, never a folder listing (the rules
of names and folders are `effects_cli.names`', which the fast path shares); only
`shelf` lists folders (for ``effects guides``, ``search --all`` and completion),
at most `MAX_ENTRIES` entries and `MAX_GUIDES` guides a folder. Nothing here
opens a guide file: what is not a regular file (a FIFO, a link in a loop) is
refused by its ``stat``, so that nothing waits on it. No output: problems are
values (`Shelf.remarks`, `Shelved.problem`) or raised (`GuideError`).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from effects_cli.bundled import bundled_guide_path
from effects_cli.errors import EffectsError, GuideError
from effects_cli.escapes import quote, visible
from effects_cli.names import BUNDLED, PATH_VARIABLE, SUFFIXES, folders, named_file

MAX_ENTRIES = 100_000
"""Entries of one folder looked at; a folder of more is read only that far."""
MAX_GUIDES = 1_000
"""Guides of one folder listed (the first by name); each is read by ``effects guides``."""


class Shelved(NamedTuple):
    """A guide file found in a guide folder (or the bundled guide)."""

    name: str
    path: Path
    folder: Path | None
    """The guide folder it is in; None for the bundled guide."""
    shadowed_by: Path | None = None
    """The file of the same name that wins over this one, if any."""
    problem: str | None = None
    """Why the file cannot be read, as its ``stat`` tells (a FIFO, a link in a loop)."""


class Shelf(NamedTuple):
    """Every guide found, in order (the bundled one first), and what the folders said."""

    guides: list[Shelved]
    remarks: list[str]
    """One line for each folder that cannot be read or is cut short, and each odd part
    of ``EFFECTS_PATH``."""
    folders: list[Path]
    """The folders guides are looked for in: the reader's own (made when the first guide
    goes in), then those of ``EFFECTS_PATH`` that can be read."""

    def readable(self) -> list[Shelved]:
        """The guides a name reaches: neither shadowed nor refused."""
        return [guide for guide in self.guides if guide.shadowed_by is None and not guide.problem]


class NoSuchGuide(GuideError):
    """A ``--guide`` value that is neither a file nor the name of a guide."""

    def __init__(self, name: str, close: list[str]) -> None:
        self.name = name
        self.source, self.problem, self.line, self.column, self.field = name, "", None, None, None
        hint = f"; did you mean {' or '.join(map(quote, close))}?" if close else ""
        EffectsError.__init__(
            self, f"no guide named {quote(name)}{hint} ('effects guides' lists them)"
        )


def data_folder(environ: Mapping[str, str]) -> Path:
    """`effects_cli.names.data_folder`, as a path."""
    from effects_cli.names import data_folder as folder

    return Path(folder(environ))


def guide_folders(environ: Mapping[str, str]) -> tuple[list[Path], list[str]]:
    """The guide folders in the order they win, and a remark for each part of
    ``EFFECTS_PATH`` that names none (empty, or not an absolute path). A leading ``~``
    is the home folder; a folder named twice counts once."""
    found, odd = folders(environ)
    remarks = [
        f"{PATH_VARIABLE}: part {number} is empty: skipped"
        if not part.strip()
        else f"{PATH_VARIABLE}: {quote(part)} is not an absolute path: skipped"
        for number, part in odd
    ]
    unique: dict[str, Path] = {}
    for folder in found:
        unique.setdefault(os.path.realpath(folder), Path(folder))
    return list(unique.values()), remarks


def find_guide(name: str, environ: Mapping[str, str]) -> Path:
    """The file of the guide named ``name``: the first folder's that has it.

    Raises `NoSuchGuide` when no folder has it, and `GuideError` when the file
    that has the name is not one that can be read (a FIFO, a link in a loop).
    """
    found = named_file(name, environ)
    if found is not None:
        path = Path(found)
        problem = file_problem(path)
        if problem is not None:
            raise GuideError(str(path), problem)
        return path
    import difflib  # only a name that is not found pays for it

    names = [guide.name for guide in shelf(environ).readable()]
    same = [known for known in names if known.casefold() == name.casefold()]
    raise NoSuchGuide(name, same[:1] or difflib.get_close_matches(name, names, n=2))


def file_problem(path: Path, max_bytes: int | None = None) -> str | None:
    """Why the guide file at ``path`` cannot be read, as far as its ``stat`` tells, or None.

    A FIFO would make a reader wait for a writer; a device or a file over
    ``max_bytes`` could be endless; a link in a loop or to nowhere is no file.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "is a link to nothing" if os.path.islink(path) else "no such file"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "is a link in a loop (too many levels of symbolic links)"
        return f"cannot be read ({error.strerror or error})"
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        return "is a folder, not a guide file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a guide file"
    if not stat.S_ISREG(mode):
        return "is a device or socket, not a guide file"
    if max_bytes is not None and info.st_size > max_bytes:
        return f"is larger than the limit of {max_bytes} bytes"
    return None


def shelf(environ: Mapping[str, str], max_bytes: int | None = None) -> Shelf:
    """Every guide of every folder, the bundled one first, shadowed ones marked."""
    folders, remarks = guide_folders(environ)
    bundled = bundled_guide_path()
    guides = [Shelved(BUNDLED, bundled, None)]
    winners: dict[str, Path] = {BUNDLED: bundled}
    shown: list[Path] = []
    for number, folder in enumerate(folders):
        names, problem = _guide_files(folder)
        if problem is not None and (number or "no such folder" not in problem):
            remarks.append(f"{visible(str(folder))}: {problem}")
        if not number or names or problem is None:  # one that cannot be read is told, only
            shown.append(folder)
        for name, path in names:
            winner = winners.setdefault(name, path)
            shadowed = winner if winner != path else None
            fault = None if shadowed else file_problem(path, max_bytes)
            guides.append(Shelved(name, path, folder, shadowed, fault))
    return Shelf(guides, remarks, shown)


def _guide_files(folder: Path) -> tuple[list[tuple[str, Path]], str | None]:
    """The guide files of a folder as (name, path), by name (and suffix, in the order that
    wins); and a problem: the folder cannot be listed, or was listed only in part."""
    found: list[tuple[str, int, str]] = []
    looked = 0
    problem = None
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                looked += 1
                if looked > MAX_ENTRIES:
                    problem = f"holds over {MAX_ENTRIES} entries: only {MAX_ENTRIES} looked at"
                    break
                name = entry.name
                if name.startswith("."):
                    continue
                for rank, suffix in enumerate(SUFFIXES):
                    if name.endswith(suffix) and len(name) > len(suffix):
                        found.append((name[: -len(suffix)], rank, name))
    except FileNotFoundError:
        return [], "no such folder"
    except NotADirectoryError:
        return [], "is a file, not a folder"
    except PermissionError:
        return [], "permission denied"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return [], "is a link in a loop (too many levels of symbolic links)"
        return [], f"cannot be read ({error.strerror or error})"
    found.sort()
    names = sorted({name for name, _, _ in found})
    if len(names) > MAX_GUIDES:
        kept = set(names[:MAX_GUIDES])
        found = [item for item in found if item[0] in kept]
        problem = f"holds {len(names)} guides: only the first {MAX_GUIDES} by name are read"
    return [(name, folder / file) for name, _, file in found], problem
