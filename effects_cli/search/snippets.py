"""The window of an entry's text shown with a hit, and where its matched words are.

About two terminal lines, chosen to show the most of the matched words,
starting at a sentence when one starts near.
"""

from effects_cli.search.results import Snippet
from effects_cli.search.text import Token, tokenize

SNIPPET_WIDTH = 140
"""About two lines of an 80-column terminal, after the indent."""
SNIPPET_LEAD = 40
"""Context kept before the first match of a snippet, when no sentence starts nearer."""
SENTENCE_REACH = 70
"""How far back a snippet may start, to begin with its sentence."""


def make_snippet(
    text: str, tokens: list[Token], words: set[str], width: int = SNIPPET_WIDTH
) -> Snippet:
    """The window of about ``width`` characters of ``text`` that shows most of ``words``.

    The window starts a little before its first match (at a sentence start
    when one is near), ends on a word boundary, is marked with an ellipsis
    where it cuts the text, and has its blank space collapsed to single spaces.
    """
    hits = [index for index, token in enumerate(tokens) if token.word in words]
    start = window_start(text, tokens[_best_first(tokens, hits, width)].start) if hits else 0
    clipped = window(text, start, width)
    return Snippet(clipped, spans(tokenize(clipped), words))


def window(text: str, start: int, width: int = SNIPPET_WIDTH) -> str:
    """``text`` from ``start`` for about ``width`` characters, cut at a space, blank space
    collapsed, with an ellipsis at each end where text was left out (but after a full
    stop, where it would read ``.…``: the sentence is whole)."""
    end = start + width
    if end >= len(text):
        end = len(text)
    else:
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    body = " ".join(text[start:end].split())
    cut_off = end < len(text) and not body.endswith((".", "!", "?"))
    return ("\u2026" if start > 0 else "") + body + ("\u2026" if cut_off else "")


def _best_first(tokens: list[Token], hits: list[int], width: int) -> int:
    """The match a window best begins at: the most distinct words inside it, then the most
    matches, then the earliest.

    One pass with a window sliding over the matches, so that an entry holding a word
    thirty thousand times costs thirty thousand steps, not their square.
    """
    inside: dict[str, int] = {}
    best, best_value = hits[0], (-1, -1, 0)
    right = 0
    for left, first in enumerate(hits):
        limit = tokens[first].start + width - SNIPPET_LEAD
        right = max(right, left)
        while right < len(hits) and tokens[hits[right]].end <= limit:
            word = tokens[hits[right]].word
            inside[word] = inside.get(word, 0) + 1
            right += 1
        value = (len(inside), right - left, -first)
        if value > best_value:
            best, best_value = first, value
        if right > left:  # the window's first match leaves it
            word = tokens[first].word
            inside[word] -= 1
            if not inside[word]:
                del inside[word]
    return best


def window_start(text: str, match_start: int) -> int:
    """Where a window showing ``match_start`` begins: its sentence's start if near, else a word."""
    if match_start <= SENTENCE_REACH:
        return 0
    reach = match_start - SENTENCE_REACH
    sentence = max(text.rfind(". ", reach, match_start), text.rfind("\n", reach, match_start))
    if sentence != -1:
        return sentence + 1 + (text[sentence] == ".")
    space = text.find(" ", match_start - SNIPPET_LEAD, match_start)
    return space + 1 if space != -1 else match_start


def spans(tokens: list[Token], words: set[str]) -> tuple[tuple[int, int], ...]:
    """Where the tokens that are one of ``words`` stand: what a hit highlights."""
    return tuple((token.start, token.end) for token in tokens if token.word in words)
