"""Whether a word is English: a real word is never taken for a misspelling.

``depression`` is one slip from nothing in this guide but two from
``expression``; ``bullying`` looks like ``building``. A word the guide lacks
is searched as a guide word only when it is not a word at all.

The list is pyspellchecker's English one (160,000 words with their forms,
from its frequency list; no misspellings such as *recieve* or *lonliness*).
Only its data file is read, not the package: the gzipped JSON is decompressed
(about 20 ms, once a run) and a word is found by its quoted key (a millisecond
or two), without parsing the JSON into a dictionary of 160,000 entries (about
150 ms). It is read only when a query word is found nowhere in the guide: a
search whose words the guide holds never loads it.
"""

from __future__ import annotations

import math

NEWER_WORDS = frozenset(
    """
    app apps blog blogs blogger bloggers blogging vlog vlogs vlogger vlogging podcasts
    selfie selfies hashtag hashtags meme memes influencer influencers livestream
    cyberbully cyberbullying online offline emoji emojis wellbeing counselling counsellor
    counsellors smartphone smartphones whatsapp instagram tiktok youtube facebook twitter
    """.split()  # noqa: SIM905 - words, one line of them after another, read best as prose
)
"""Words of the internet age (and British spellings) the list lacks."""

_words: bytes | None = None


def is_word(word: str) -> bool:
    """Whether ``word`` (folded, as search folds words) is an English word, or a plural
    (``-s``, ``-es``) of one."""
    if word in NEWER_WORDS:
        return True
    listed = _word_list()
    if not listed or not word.isascii():
        return False
    forms = [word]
    if len(word) > 3 and word.endswith("s"):
        forms.append(word[:-1])
        if word.endswith("es"):
            forms.append(word[:-2])
    return any(listed.find(b'"' + form.encode() + b'":') >= 0 for form in forms)


def frequency(word: str) -> float:
    """How often ``word`` occurs in the list's English texts (its count there): infinite for
    a word the list lacks, which tells nothing of how specific it is."""
    listed = _word_list()
    at = listed.find(b'"' + word.encode("utf-8", "replace") + b'": ') if listed else -1
    if at < 0:
        return math.inf
    start = at + len(word) + 4
    end = start
    while end < len(listed) and listed[end : end + 1].isdigit():
        end += 1
    return float(listed[start:end] or 0)


def _word_list() -> bytes:
    """pyspellchecker's English list, as the JSON text of its data file (empty when the
    package or its file cannot be found: then no word is known to be English)."""
    global _words
    if _words is None:
        _words = _read_list()
    return _words


def _read_list() -> bytes:
    import gzip
    import importlib.util
    import os

    spec = importlib.util.find_spec("spellchecker")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - packaging
        return b""
    path = os.path.join(spec.submodule_search_locations[0], "resources", "en.json.gz")
    try:
        with open(path, "rb") as file:
            return gzip.decompress(file.read())
    except (OSError, EOFError, ValueError):  # pragma: no cover - a damaged installation
        return b""
