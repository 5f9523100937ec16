"""Typed failures of the guide reader.

The logic modules raise these; only the CLI turns them into a line on stderr
and an exit code. Each carries the facts of the failure as attributes, and
its ``str()`` is the one-line message a reader sees (without the program name).
"""

from __future__ import annotations

from effects_cli.escapes import quote, visible


class EffectsError(Exception):
    """Base class of every failure the CLI reports as a message rather than a traceback."""


class UnknownReference(EffectsError):
    """A reference (``4``, ``4.2``) that names nothing in the guide."""


class MalformedReference(UnknownReference):
    """Text that is not a reference at all, such as ``abc`` or ``4.``."""

    def __init__(self, text: str, section_count: int) -> None:
        self.text = text
        self.section_count = section_count
        super().__init__(
            f"{quote(text)} is not a reference: use a section number "
            f"({_span(1, section_count)}) or a sub-point such as 1.1"
        )


class NoSuchSection(UnknownReference):
    """A section number outside the guide."""

    def __init__(self, number: int | str, section_count: int) -> None:
        self.number = number
        self.section_count = section_count
        super().__init__(
            f"no section {_number(number)}: the guide has sections {_span(1, section_count)}"
        )


class NoSuchPoint(UnknownReference):
    """A sub-point number outside its (existing) section."""

    def __init__(self, section: int, number: int | str, point_count: int) -> None:
        self.section = section
        self.number = number
        self.point_count = point_count
        first, last = f"{section}.1", f"{section}.{point_count}"
        has = first if point_count == 1 else f"{first} to {last}"
        super().__init__(f"no sub-point {section}.{_number(number)}: section {section} has {has}")


class NoMatch(EffectsError):
    """A search that found nothing, perhaps with words the reader may have meant."""

    def __init__(
        self, query: str, *, section: int | None = None, suggestions: list[str] | None = None
    ) -> None:
        self.query = query
        self.section = section
        self.suggestions = suggestions or []
        where = f" in section {section}" if section is not None else ""
        message = f"no match for {quote(query)}{where}"
        if self.suggestions:
            message += "; did you mean " + " or ".join(map(quote, self.suggestions)) + "?"
        super().__init__(message)


class CacheError(EffectsError):
    """The cache cannot do what was asked: there is no cache folder, or it cannot be cleared."""


class NotWritten(EffectsError):
    """A file the command writes besides its output (TAB completion's script, a start-up
    file's line) cannot be written: exit 4, as for output."""


class NotCovered(NoMatch):
    """A search whose distinctive words the guide does not hold (`search.coverage`),
    perhaps with entries related to them: ``related`` holds (reference, title) pairs."""

    def __init__(
        self,
        query: str,
        *,
        related: list[tuple[str, str]] | None = None,
        common: bool = False,
        every: bool = False,
    ) -> None:
        self.query = query
        self.section = None
        self.suggestions = []
        self.related = related or []
        self.common = common
        if self.related:
            named = ", ".join(f"{ref} {visible(title)}" for ref, title in self.related)
            message = f"nothing about {quote(query)}; related: {named}"
        elif common:
            message = f"{quote(query)} is in almost every entry: add a word to narrow the search"
        else:
            guides = "the guides do not" if every else "the guide does not"  # search --all
            message = f"{guides} cover {quote(query)}"
        EffectsError.__init__(self, message)


class GuideError(EffectsError):
    """A guide file that cannot be read, parsed or understood.

    ``line`` and ``column`` are 1-based and point into the file when known;
    ``field`` is the path of the offending field, such as
    ``sections[2].points[0].title``.
    """

    def __init__(
        self,
        source: str,
        problem: str,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        self.column = column
        self.field = field
        where = visible(source)  # a line break in a file name must not break the message
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        what = f"{field}: {problem}" if field else problem
        super().__init__(f"{where}: {what}")


class GuideProblems(GuideError):
    """A guide with several problems, in reading order; it reads as the first of them."""

    def __init__(self, problems: list[GuideError]) -> None:
        first = problems[0]
        self.problems = tuple(problems)
        super().__init__(
            first.source, first.problem, line=first.line, column=first.column, field=first.field
        )


class SomeInvalid(GuideError):
    """Files checked together, some of which are not valid guides (each told already)."""

    def __init__(self, invalid: int, files: int) -> None:
        self.invalid = invalid
        self.files = files
        verb = "is not a valid guide" if invalid == 1 else "are not valid guides"
        EffectsError.__init__(self, f"{invalid} of {files} files {verb}")


class GuideTooLarge(GuideError):
    """A guide bigger than the size limit, as a file or with its aliases repeated."""

    def __init__(self, source: str, problem: str, *, limit: int, field: str | None = None) -> None:
        self.limit = limit
        super().__init__(source, problem, field=field)


def _number(number: int | str) -> str:
    """A number (or its digits) for a message, shortened when someone typed a thousand."""
    digits = str(number)
    return digits if len(digits) <= 12 else digits[:11] + "\u2026"


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first} to {last}"
