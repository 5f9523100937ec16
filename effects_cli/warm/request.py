"""What the fast path can answer: a strict reading of the command line, or None.

Only the commands a shell runs at every start are read here, in the forms the
full program takes them, and nothing unusual: an option this does not know,
a value it cannot be sure of, ``--json``, ``--help``, a flag that pages. For
anything else it says None, and the full program (which knows every option and
reports every error) runs instead. Being strict is what makes it safe: a
reading that is not certain is left to Typer.
"""

from __future__ import annotations

from effects_cli.numbers import LARGEST, is_negative_number, whole_number

SEARCH_LIMIT = 10
"""As `effects_cli.cli.search.SEARCH_LIMIT`."""
_COLOURS = ("auto", "always", "never")


class Request:
    """A command line the fast path can answer."""

    __slots__ = (
        "color",
        "daily",
        "guide",
        "limit",
        "pager",
        "ref",
        "section",
        "seed",
        "short",
        "tree",
        "verb",
        "words",
    )

    def __init__(self) -> None:
        self.verb = ""
        """``show``, ``tip``, ``list`` or ``search``."""
        self.guide: str | None = None
        """``--guide``'s value (the environment's ``EFFECTS_GUIDE`` is looked at later)."""
        self.color = "auto"
        self.pager: bool | None = None
        self.ref = ""
        self.seed: int | None = None
        self.section: int | None = None
        self.daily = False
        self.short = False
        self.tree = False
        self.words: list[str] = []
        """``search``'s words."""
        self.limit = SEARCH_LIMIT


def read(argv: list[str]) -> Request | None:
    """The request ``argv`` (without the program's name) makes, if the fast path can answer it."""
    request = Request()
    words = list(argv)
    # Global options, then the command and its own (global ones may follow it too).
    while words and words[0].startswith("-"):
        if not _global(request, words):
            return None
    if not words:
        return None
    request.verb = words.pop(0)
    positional: list[str] = []
    while words:
        word = words[0]
        if word == "--":
            positional += words[1:]
            break
        if request.verb == "show" and is_negative_number(word) and "--" in words:
            return None  # click reads it as an unknown option then (`options.ReferenceCommand`)
        if word.startswith("-") and not (request.verb == "show" and is_negative_number(word)):
            if not (_global(request, words) or _own(request, words)):
                return None
        else:
            positional.append(words.pop(0))
    return request if _complete(request, positional) else None


def _global(request: Request, words: list[str]) -> bool:
    """Take one global option from the front of ``words``; False if it is not one the fast
    path knows (or its value is unusual)."""
    word = words[0]
    name, equals, attached = word.partition("=")
    if name in ("--guide", "--color"):
        if not equals and len(words) < 2:
            return False
        value = attached if equals else words[1]
        if (name == "--guide" and not value.strip()) or (
            name == "--color" and value not in _COLOURS
        ):
            return False
        del words[: 1 if equals else 2]
        if name == "--guide":
            request.guide = value
        else:
            request.color = value
        return True
    if word == "--no-color":
        request.color = "never"
    elif word == "--no-pager":
        request.pager = False
    else:
        return False  # --pager, --no-cache, --help, --version, completion: the full program's
    del words[0]
    return True


def _own(request: Request, words: list[str]) -> bool:
    """Take one option of the command from the front of ``words``."""
    word = words[0]
    if request.verb == "list" and word in ("--tree", "-t"):
        words.pop(0)
        request.tree = True
        return True
    name, equals, attached = word.partition("=")
    if request.verb == "tip" and word in ("--daily", "--short"):
        words.pop(0)
        if word == "--daily":
            request.daily = True
        else:
            request.short = True
        return True
    takes = {"tip": ("--seed", "--section", "-s"), "search": ("--limit", "-n", "--section", "-s")}
    if name not in takes.get(request.verb, ()) or not (equals or len(words) > 1):
        return False
    if equals and not name.startswith("--"):
        return False  # click reads -s=3 as the value "=3": the full program's error
    words.pop(0)
    value = whole_number(attached if equals else words.pop(0))
    if value is None or not -LARGEST - 1 <= value <= LARGEST:
        return False
    if name == "--seed":
        request.seed = value
    elif name in ("--limit", "-n"):
        if value < 1:
            return False  # a usage error: the full program's
        request.limit = value
    else:
        request.section = value
    return True


def _complete(request: Request, positional: list[str]) -> bool:
    """Whether the request is whole and means what the full program would make of it."""
    if request.verb == "show":
        if len(positional) != 1:
            return False
        request.ref = positional[0]
        return True
    if request.verb == "tip":
        return not positional and not (request.daily and request.seed is not None)
    if request.verb == "search":
        request.words = positional
        return bool(positional)
    return request.verb == "list" and not positional
