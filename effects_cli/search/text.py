"""Words of a text as search compares them: tokenised, case-folded, accents dropped.

A token is a word, a hyphenated or apostrophised compound, or a hashtag; a
compound is a word whole (``selfhelp``) and its parts (``self``, ``help``).
Indexing, query parsing, ranking and snippets all read words through here,
so that they agree on what a word is.
"""

import re
from typing import NamedTuple

_TOKEN = re.compile(r"#?\w+(?:[-\u2010\u2011'\u2019\u00ad\u200b-\u200d\u2060\ufeff]+\w+)*")
"""A word, a hyphenated or apostrophised compound, or a hashtag."""
# Patterns needed only for compounds, hashtags and phrases are left as text: ``re``
# compiles (and caches) them on first use, so a plain search does not pay for them.
_HYPHEN = r"[-\u2010\u2011]"
APOSTROPHE = re.compile(r"['\u2019\u00ad\u200b-\u200d\u2060\ufeff]")
"""What `fold` drops from inside a word: apostrophes, and the invisible characters that
pages copied from the web hide in words (soft hyphens, zero-width spaces and joiners)."""
_CAMEL = r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+"
"""The words of a hashtag: ``#BellLetsTalk`` is Bell, Lets, Talk."""


class Token(NamedTuple):
    """A word of a text: where it stands, and its folded form.

    ``position`` counts words, for phrases and proximity; a compound's whole
    form shares its first part's position and is not counted in lengths.
    """

    start: int
    end: int
    word: str
    position: int
    whole: bool = False


def fold(word: str) -> str:
    """A word as it is compared: case-folded, accents and apostrophes removed."""
    word = word.casefold()
    if not word.isascii():
        import unicodedata  # only for words beyond ASCII

        decomposed = unicodedata.normalize("NFKD", word)
        word = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return APOSTROPHE.sub("", word)


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` in order, each compound followed by its parts."""
    tokens: list[Token] = []
    position = 0
    for match in _TOKEN.finditer(text):
        raw = match.group()
        if raw.isalnum():  # most words: no compound, no hashtag
            word = raw.casefold() if raw.isascii() else fold(raw)
            tokens.append(Token(match.start(), match.end(), word, position))
            position += 1
            continue
        parts = _parts(match)
        if len(parts) > 1:
            whole = "".join(word for _, _, word in parts)
            tokens.append(Token(match.start(), match.end(), whole, position, whole=True))
        for start, end, word in parts:
            tokens.append(Token(start, end, word, position))
            position += 1
    return tokens


def _parts(match: re.Match[str]) -> list[tuple[int, int, str]]:
    """The parts of one token: split at hyphens, and a hashtag at its capitals."""
    raw, offset = match.group(), match.start()
    hashtag = raw.startswith("#")
    if hashtag:
        raw, offset = raw[1:], offset + 1
    if raw.isalnum():
        pieces = [(offset, offset + len(raw), raw)]
    else:
        pieces = []
        at = 0
        for piece in re.split(_HYPHEN, raw):
            if piece:  # two hyphens in a row ("#love--it") leave nothing between them
                pieces.append((offset + at, offset + at + len(piece), piece))
            at += len(piece) + 1
    if hashtag:
        pieces = [
            (start + camel.start(), start + camel.end(), camel.group())
            for start, _, piece in pieces
            for camel in (list(re.finditer(_CAMEL, piece)) or [_whole_match(piece)])
        ]
    return [(start, end, folded) for start, end, piece in pieces if (folded := fold(piece))]


def _whole_match(piece: str) -> re.Match[str]:
    """A match of all of ``piece``: a hashtag piece with no capitals splits into itself."""
    match = re.match(r".+", piece, re.DOTALL)
    assert match is not None  # a piece is never empty: \w+ between separators
    return match


def _ascii_table(*kept: int) -> bytes:
    """For ``bytes.translate``: an ASCII word character (``\\w``) in lower case, each byte of
    ``kept`` as itself, anything else a space."""
    return (
        bytes(
            byte + 32
            if 65 <= byte <= 90
            else byte
            if chr(byte).isalnum() or byte == 95 or byte in kept
            else 32
            for byte in range(128)
        )
        + b" " * 128
    )


_WORD_BYTES = _ascii_table()
_WORD_OR_HYPHEN_BYTES = _ascii_table(ord("-"))
_SEPARATING = ("\u2018", "\u201c", "\u201d", "\u2013", "\u2014", "\u2026", "\u00a0")
"""Quotes, dashes, the ellipsis and the no-break space of English prose: beyond ASCII, but
each separates words as a space does."""


def field_words(text: str) -> tuple[list[str], int]:
    """The folded words of a field (parts and wholes) and its length in parts.

    The index-building twin of `tokenize`, without its positions and objects:
    a large guide has a million words. Most texts are ASCII without hashtags once
    the closing quote is read as an apostrophe (both join a word and are dropped
    from it) and `_SEPARATING` as spaces; there folding is lower case and dropping
    apostrophes, so one ``bytes.translate`` and a split give the runs of ``\\w``,
    at C speed. A compound's parts are those runs, and its whole form their join.
    """
    plain = text
    if not plain.isascii():
        plain = plain.replace("\u2019", "'")
        if not plain.isascii():
            for separator in _SEPARATING:
                if separator in plain:
                    plain = plain.replace(separator, " ")
    if plain.isascii() and "#" not in plain:
        data = plain.encode("ascii")
        if b"-" not in data:
            runs = data.translate(_WORD_BYTES, b"'").decode("ascii").split()
            return runs, len(runs)
        spaced = data.translate(_WORD_OR_HYPHEN_BYTES, b"'").decode("ascii")
        runs = spaced.replace("-", " ").split()
        wholes = [
            whole.replace("-", "")
            for token in spaced.split()
            if "-" in token and "-" in (whole := token.strip("-"))
        ]
        return runs + wholes, len(runs)
    words: list[str] = []
    length = 0
    for raw in _TOKEN.findall(text):
        if raw.isalnum():
            words.append(raw.casefold() if raw.isascii() else fold(raw))
            length += 1
            continue
        parts = [token.word for token in tokenize(raw) if not token.whole]
        words += parts
        length += len(parts)
        if len(parts) > 1:
            words.append("".join(parts))
    return words, length


def positions(text: str) -> list[tuple[int, str]]:
    """(position, word) for each word of ``text``: what `tokenize` gives, without spans.

    Ranking reads the text of hundreds of entries again (phrases, proximity);
    this skips making an object a word.
    """
    found: list[tuple[int, str]] = []
    position = 0
    for raw in _TOKEN.findall(text):
        if raw.isalnum():
            found.append((position, raw.casefold() if raw.isascii() else fold(raw)))
            position += 1
            continue
        tokens = tokenize(raw)
        found += [(position + token.position, token.word) for token in tokens]
        position += sum(not token.whole for token in tokens)
    return found
