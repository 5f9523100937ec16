"""What ``effects guides`` produces: each guide's row, as JSON or laid out for people.

A result as those of `effects_cli.cli.results` are (`json`, `for_people`), in a
module of its own beside them.
"""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING, Any

from effects_cli.cli.results import Shown, Target
from effects_cli.escapes import visible
from effects_cli.library import BUNDLED
from effects_cli.model import Frozen

if TYPE_CHECKING:
    from pathlib import Path

    from rich.text import Text

    from effects_cli.collection import Listed


class GuideList(Frozen):
    """``effects guides``: every guide found, the bundled one first, and the folders."""

    __slots__ = ("folders", "listed", "remarks")
    listed: list[Listed]
    folders: list[Path]
    remarks: list[str]

    def __init__(self, listed: list[Listed], folders: list[Path], remarks: list[str]) -> None:
        self._set(listed=listed, folders=folders, remarks=remarks)

    def json(self) -> Any:
        """``{"folders": [path], "remarks": [line], "guides": [{"name", "title", "sections",
        "points", "path", "folder", "shadowed_by", "problem"}]}``."""
        return {
            "folders": [visible(str(folder)) for folder in self.folders],
            "remarks": list(self.remarks),
            "guides": [
                {
                    "name": visible(row.shelved.name),
                    "title": row.title,
                    "sections": row.sections if row.title is not None else None,
                    "points": row.points if row.title is not None else None,
                    "path": visible(str(row.shelved.path)),
                    "folder": _shown(row.shelved.folder),
                    "shadowed_by": _shown(row.shelved.shadowed_by),
                    "problem": row.problem,
                }
                for row in self.listed
            ],
        }

    def for_people(self, target: Target) -> Shown:
        from rich.text import Text

        from effects_cli.render import render_rows

        if target.is_terminal:
            rows: list[tuple[Text | None, Text]] = []
            for row in self.listed:
                rows.append((_name(row), _body(row)))
            footer = Text("\nGuide folders: ", style="dim")
            for number, folder in enumerate(self.folders):
                empty = not any(row.shelved.folder == folder for row in self.listed)
                footer.append(", " if number else "")
                footer.append(visible(str(folder)) + (" (no guides yet)" if empty else ""))
            from rich.console import Group

            return Shown(Group(render_rows(rows), footer))
        return Shown(_lines(self.listed), soft_wrap=True)


def _shown(path: Path | None) -> str | None:
    return None if path is None else visible(str(path))


def _name(row: Listed) -> Text:
    from rich.text import Text

    from effects_cli.render import GUIDE_NAME, META

    if row.shelved.shadowed_by is not None:
        return Text(visible(row.shelved.name), style=META)
    # A theme's name cannot be combined with other words in one style string
    # ("bold effects.guide_name" is no style at all): bold goes on top of it.
    name = Text(visible(row.shelved.name), style=GUIDE_NAME)
    name.stylize("bold")
    return name


def _what(row: Listed, *, hint: bool = False) -> str:
    """The title, or why there is none; with ``hint``, where a guide's own problems are
    all listed (a terminal shows that on a line of its own)."""
    shadowed_by = row.shelved.shadowed_by
    if shadowed_by is not None:
        if row.shelved.name == BUNDLED:
            return "shadowed by the bundled guide"
        return f"shadowed by {visible(str(shadowed_by))}"
    if row.problem is not None:
        see = (
            "; 'effects validate FILE' lists every problem"
            if hint and not row.shelved.problem
            else ""
        )
        return f"cannot be read: {row.problem}{see}"
    assert row.title is not None
    return row.title


def _size(row: Listed) -> str:
    if row.title is None:
        return ""
    from effects_cli.cli.exits import counted

    return f"{counted(row.sections, 'section')}, {counted(row.points, 'sub-point')}"


def _where(row: Listed) -> str:
    """Where the guide is on a terminal: the bundled one is "bundled"; a broken one gets
    the command that lists its problems."""
    if row.problem is not None and row.shelved.problem is None:  # the guide's, not the file's
        return f"see: effects validate {shlex.quote(visible(str(row.shelved.path)))}"
    return _file(row)


def _file(row: Listed) -> str:
    """The guide's file, or "bundled" for the bundled guide (``--json`` has its path)."""
    bundled = row.shelved.folder is None and row.shelved.name == BUNDLED
    return "bundled" if bundled else visible(str(row.shelved.path))


def _body(row: Listed) -> Text:
    from rich.text import Text

    from effects_cli.render import META

    body = Text()
    body.append(_what(row), style=_body_style(row))
    # The file on a line of its own: a path wraps badly after other words.
    where = _where(row)
    glue = " \u00b7 " if where == "bundled" else "\n"
    meta = glue.join(part for part in (_size(row), where) if part)
    return body.append("\n" + meta, style=META)


def _body_style(row: Listed) -> str:
    """A title's style; a problem is red; what shadows a guide is told in the meta style."""
    from effects_cli.render import META, TITLE

    if row.problem is not None and row.shelved.shadowed_by is None:
        return "red"
    return META if row.title is None else TITLE


def _lines(listed: list[Listed]) -> Text:
    """A line a guide, for a pipe: name, title (or why none), size, file; in columns as
    wide as the names, titles and sizes (a problem, or what shadows a guide, is longer
    than any title: it pushes its own row's file to the right, not every row's)."""
    from rich.cells import cell_len
    from rich.text import Text

    from effects_cli.render import META

    cells = [
        (visible(row.shelved.name), _what(row, hint=True), _size(row), _file(row)) for row in listed
    ]
    titled = [cell for row, cell in zip(listed, cells, strict=True) if row.title is not None]
    widths = [max(cell_len(cell[at]) for cell in titled or cells) for at in range(3)]
    lines = []
    for row, cell in zip(listed, cells, strict=True):
        padded = [
            part + " " * (width - cell_len(part)) for part, width in zip(cell, widths, strict=False)
        ]
        if cell_len(cell[1]) > widths[1] and not cell[2]:  # no size to line up: the file next
            padded = padded[:2]
        # Styled as on a terminal, for --color always (a plain pipe shows no style).
        line = Text().append_text(_name(row)).append(padded[0][len(cell[0]) :] + "  ")
        line.append(cell[1], style=_body_style(row)).append(padded[1][len(cell[1]) :])
        line.append("".join(f"  {part}" for part in [*padded[2:], cell[3]]), style=META)
        lines.append(line)
    return Text("\n").join(lines)
