"""Draw the README's pictures: `effects show 4` and `effects search stigma` on a terminal.

Runs the real program (``python -m effects_cli``) with colour on, 80 columns
wide, and has Rich turn what it printed into SVG. Run it after a change to the
output, from the repository root, and commit the files it writes:

    python scripts/screenshots.py
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from rich.console import Console
from rich.terminal_theme import MONOKAI
from rich.text import Text

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
WIDTH = 80
PICTURES = {
    "show-4.svg": ["show", "4"],
    "search-stigma.svg": ["search", "stigma"],
}
"""Each picture's file name under docs/ and the arguments of the command it shows."""


def terminal_output(args: list[str]) -> str:
    """What ``effects ARGS`` prints in colour on an 80-column terminal, escape codes and all."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("NO_COLOR", "FORCE_COLOR", "EFFECTS_GUIDE", "LINES")
    }
    environment["COLUMNS"] = str(WIDTH)
    return subprocess.run(
        [sys.executable, "-m", "effects_cli", "--color", "always", "--no-pager", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def picture(args: list[str]) -> str:
    """An SVG of a terminal window showing the command and what it printed."""
    console = Console(
        record=True, width=WIDTH, file=io.StringIO(), force_terminal=True, color_system="standard"
    )
    console.print(Text.assemble(("$ ", "bold green"), "effects " + " ".join(args)))
    console.print(Text.from_ansi(terminal_output(args)), end="")
    return console.export_svg(title="effects " + " ".join(args), theme=MONOKAI)


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    for name, args in PICTURES.items():
        (DOCS / name).write_text(picture(args), encoding="utf-8")
        print(f"wrote docs/{name}")


if __name__ == "__main__":
    main()
