"""``effects cache``: where parsed guides are kept between runs, and clearing them."""

import typer

from effects_cli.cli.output import write
from effects_cli.cli.params import HelpWhenBare

cache_app = typer.Typer(
    name="cache",
    help="Where parsed guides are kept between runs, and how to clear them.",
    epilog="Examples:\n  effects cache path\n  effects cache clear",
    cls=HelpWhenBare,
)


@cache_app.command("path")
def cache_path() -> None:
    """Print the cache folder (it may not exist yet).

    Examples:
      effects cache path
    """
    from effects_cli.cache import cache_folder

    write(f"{cache_folder()}\n")


@cache_app.command("clear")
def cache_clear() -> None:
    """Remove every cache file; the next run parses the guide afresh.

    Examples:
      effects cache clear
    """
    from effects_cli.cache import cache_folder, clear

    removed = clear()
    noun = "file" if removed == 1 else "files"
    write(f"Removed {removed} cache {noun} from {cache_folder()}\n")
