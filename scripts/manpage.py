"""Write the man page, ``man/effects.1``, from the help of the commands
(`effects_cli.cli.manual`). Run it after a change to the help, from the repository root,
and commit the file (a test makes it again and compares):

    python scripts/manpage.py
"""

from __future__ import annotations

from pathlib import Path

from typer.main import get_command

from effects_cli.cli.app import app
from effects_cli.cli.manual import manual

PAGE = Path(__file__).resolve().parent.parent / "man" / "effects.1"


def main() -> None:
    PAGE.parent.mkdir(exist_ok=True)
    PAGE.write_text(manual(get_command(app)), encoding="utf-8")
    print(f"wrote {PAGE.relative_to(PAGE.parent.parent)}")


if __name__ == "__main__":
    main()
