"""Search a guide the way readers type: ranked, forgiving of word forms and typos.

Each section and sub-point is one document with two fields, its title and its
text, scored with BM25F: a word in a title weighs more than one in the text,
and lengths are normalised so that a short sub-point and a longer section
compete fairly. Several query words are ORed, not ANDed: an entry holding more
of them ranks higher, and higher still when they stand close together. Ties
keep guide order.

Words are compared case- and accent-insensitively (``Café`` is ``cafe``). A
query word matches, in falling order of weight:

1. the same word (``stigma``);
2. another form with the same Snowball stem (``meditate`` finds ``meditation``);
3. a longer stem it begins, or a slightly shorter stem that begins it
   (``lonely`` finds ``loneliness``, ``stigmatized`` finds ``stigma``).

The exact form counts most because stemmers conflate words readers keep
apart (``experiment`` and ``experience`` share a stem). Hyphenated words and
hashtags are indexed whole and by their parts: ``self-help`` is ``self``,
``help`` and ``selfhelp``; ``#BellLetsTalk`` is ``bell``, ``lets``, ``talk``
and ``belletstalk``. A quoted phrase (``"peer support"``) matches its words
adjacent and in order. A query word found nowhere is replaced by the guide's
closest word (``meditaton`` by ``meditation``), and the result says so.

The index of a guide is plain data (`Index.record`), so that it can be cached
between runs. Nothing here prints.
"""

import bisect
import math
import re
import sys
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from effects_cli.errors import NoSuchSection
from effects_cli.model import Entry, Guide

K1 = 1.2
"""BM25 term-frequency saturation."""
TITLE_B, TEXT_B = 0.5, 0.75
"""BM25F length normalisation per field."""
TITLE_WEIGHT, TEXT_WEIGHT = 3.0, 1.0
"""A word in a title counts three times one in the text."""
EXACT_WEIGHT, STEM_WEIGHT, PREFIX_WEIGHT = 1.0, 0.7, 0.5
"""How much a guide word counts for a query word: same form, same stem, stem prefix."""
MIN_PREFIX = 4
"""Stems shorter than this match whole stems only."""
REACH_BACK = 3
"""How many letters longer than a guide stem a query stem may be and still begin with it."""
PROXIMITY_WEIGHT = 0.5
"""The boost of an entry whose matched words stand next to each other (less when apart)."""
PROXIMITY_CANDIDATES = 50
"""How many of the best entries are checked for proximity; the rest keep their BM25 order."""
SNIPPET_WIDTH = 140
"""About two lines of an 80-column terminal, after the indent."""
SNIPPET_LEAD = 40
"""Context kept before the first match of a snippet, when no sentence starts nearer."""
SENTENCE_REACH = 70
"""How far back a snippet may start, to begin with its sentence."""
CLOSE_ENOUGH = 0.8
"""difflib similarity a guide word needs to stand in for a misspelt query word."""
SUGGEST_ENOUGH = 0.75
"""difflib similarity a guide word needs to be suggested when nothing matched."""
LOOSE_LENGTHS = 3
"""A suggestion may be this many letters longer or shorter than the word typed."""
MAX_GUESSES = 5
"""How many unknown words of one query are looked up for typos."""
LONG_WORD = 8
"""A misspelt word this long may be two slips from the word meant."""
MIN_TYPO = 5
"""Shorter words are not taken for misspellings: too many guide words are near them."""

_TOKEN = re.compile(r"#?\w+(?:[-\u2010\u2011'\u2019\u00ad\u200b-\u200d\u2060\ufeff]+\w+)*")
"""A word, a hyphenated or apostrophised compound, or a hashtag."""
# Patterns needed only for compounds, hashtags and phrases are left as text: ``re``
# compiles (and caches) them on first use, so a plain search does not pay for them.
_HYPHEN = r"[-\u2010\u2011]"
_APOSTROPHE = re.compile(r"['\u2019\u00ad\u200b-\u200d\u2060\ufeff]")
"""What `fold` drops from inside a word: apostrophes, and the invisible characters that
pages copied from the web hide in words (soft hyphens, zero-width spaces and joiners)."""
_CAMEL = r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+"
"""The words of a hashtag: ``#BellLetsTalk`` is Bell, Lets, Talk."""
_PHRASE = r"[\"\u201c\u201d]([^\"\u201c\u201d]*)[\"\u201c\u201d]?"
"""A quoted phrase; a quote left open runs to the end of the query."""
_QUOTES = frozenset('"\u201c\u201d')


class BadPattern(ValueError):
    """A ``--regex`` pattern that does not compile."""


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
    return _APOSTROPHE.sub("", word)


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


def _field_words(text: str) -> tuple[list[str], int]:
    """The folded words of a field (parts and wholes) and its length in parts.

    The index-building twin of `tokenize`, without its positions and objects:
    a large guide has a million words.
    """
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


def _positions(text: str) -> list[tuple[int, str]]:
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


class Query(NamedTuple):
    """What a reader asked for: loose words, and phrases to match as written."""

    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...] = ()
    compounds: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """The loose words that are compounds (``selfhelp``), with their parts (``self``, ``help``)."""

    @property
    def terms(self) -> tuple[str, ...]:
        """Every distinct word of the query, loose or in a phrase."""
        return tuple(dict.fromkeys(self.words + tuple(w for p in self.phrases for w in p)))


def parse_query(text: str) -> Query:
    """Split a query into loose words and quoted phrases.

    A compound (``self-help``, ``#BellLetsTalk``) is one loose word, its
    whole form, that also matches its parts as a phrase (`Query.compounds`);
    a one-word phrase is a loose word too.
    """
    phrases: list[tuple[str, ...]] = []
    loose: list[str] = []

    def take_phrase(match: re.Match[str]) -> str:
        words = tuple(token.word for token in tokenize(match.group(1)) if not token.whole)
        if len(words) > 1:
            phrases.append(words)
        else:
            loose.extend(words)
        return " "

    rest = re.sub(_PHRASE, take_phrase, text) if _QUOTES & set(text) else text
    compounds: dict[str, list[str]] = {}
    compound: list[str] | None = None
    compound_end = -1
    for token in tokenize(rest):
        if token.whole:
            compound_end = token.end
            loose.append(token.word)
            compound = compounds.setdefault(token.word, [])
        elif token.start < compound_end and compound is not None:
            compound.append(token.word)  # searched with its compound, whole or as a phrase
        else:
            loose.append(token.word)
    return Query(
        tuple(dict.fromkeys(loose)),
        tuple(dict.fromkeys(phrases)),
        tuple((whole, tuple(parts)) for whole, parts in compounds.items()),
    )


def query_words(query: str) -> list[str]:
    """The distinct words of a query (loose and in phrases), in the order typed."""
    return list(parse_query(query).terms)


class Snippet(NamedTuple):
    """A window of an entry's text, with the spans of the matched words in it."""

    text: str
    spans: tuple[tuple[int, int], ...]


class Hit(NamedTuple):
    """One ranked search result."""

    entry: Entry
    score: float
    snippet: Snippet
    title_spans: tuple[tuple[int, int], ...]


class Results(NamedTuple):
    """Ranked hits, and the misspelt query words that were searched as other words."""

    hits: list[Hit]
    corrections: dict[str, str]
    unknown: tuple[str, ...] = ()
    """Query words that matched nothing and had no close word in the guide."""
    total: int = -1
    """How many entries matched, ``hits`` being the best of them (-1: all are in ``hits``)."""
    suggestions: tuple[str, ...] = ()
    """When nothing matched: guide words the reader may have meant."""

    @property
    def found(self) -> int:
        """How many entries matched in all, whether or not ``hits`` holds them all."""
        return len(self.hits) if self.total < 0 else self.total


_Stemmer = Callable[[str], str]
_COUNT_BITS = 4
_COUNT_MAX = (1 << _COUNT_BITS) - 1
_DOC_SHIFT = 2 * _COUNT_BITS
_DOC_BITS = 32 - _DOC_SHIFT
"""An index holds up to 16,777,216 entries: far beyond any guide the size limit admits."""


class Corpus:
    """What search reads: each entry's title and text by number, in guide order.

    Entry ``n`` is the ``n``-th of `Guide.entries` (each section, then its
    sub-points). The `Entry` objects themselves are made only for the hits
    shown, through ``make_entry``: on a guide of 11,000 entries read from the
    cache, making them all would cost more than the search.
    """

    def __init__(
        self,
        fields: Sequence[tuple[str, str]],
        starts: list[int],
        make_entry: Callable[[int], Entry],
    ) -> None:
        self.fields = fields
        """(title, text) of each entry."""
        self.starts = starts
        """The entry number of each section, then the number of entries."""
        self._make_entry = make_entry

    @classmethod
    def of(cls, guide: Guide) -> "Corpus":
        """The corpus of a `Guide` already in memory."""
        entries = list(guide.entries())
        starts = [0]
        for section in guide.sections:
            starts.append(starts[-1] + 1 + len(section.points))
        return cls([(e.title, e.text) for e in entries], starts, entries.__getitem__)

    def __len__(self) -> int:
        return len(self.fields)

    def entry(self, doc: int) -> Entry:
        """The section or sub-point numbered ``doc``."""
        return self._make_entry(doc)

    def docs_of(self, section: int | None) -> range:
        """The entry numbers of one section and its sub-points (all entries for None).

        Raises `NoSuchSection` for a section the guide does not have.
        """
        if section is None:
            return range(len(self.fields))
        count = len(self.starts) - 1
        if not 1 <= section <= count:
            raise NoSuchSection(section, count)
        return range(self.starts[section - 1], self.starts[section])


class Index:
    """An inverted index of a guide's entries, held as plain data for caching.

    The vocabulary is a sorted tuple of words with a parallel tuple of their
    stems; the postings of all words are one array, cut by offsets. Loading
    that from the cache costs a fraction of what dictionaries of 40,000 words
    (a large guide's vocabulary) would, and sorted words answer the questions
    search asks: a word, the words of a stem, the stems that begin with another.
    """

    def __init__(self, record: tuple) -> None:  # type: ignore[type-arg]
        """Take an index from `record` (built by `Index.build`, perhaps read from a cache)."""
        (
            self._title_lengths,
            self._text_lengths,
            self._words,
            self._stems,
            self._offsets,
            self._postings,
        ) = _loaded(record)
        count = max(len(self._title_lengths), 1)
        self._count = len(self._title_lengths)
        self._title_average = sum(self._title_lengths) / count or 1.0
        self._text_average = sum(self._text_lengths) / count or 1.0
        self._stemmer: _Stemmer | None = None

    @classmethod
    def build(cls, guide: "Guide | Corpus") -> "Index":
        """Index every section and sub-point, in guide order."""
        corpus = guide if isinstance(guide, Corpus) else Corpus.of(guide)
        if len(corpus) >= 1 << _DOC_BITS:
            raise ValueError(f"a guide of over {1 << _DOC_BITS:,} entries cannot be indexed")
        postings: dict[str, list[int]] = {}
        title_lengths: list[int] = []
        text_lengths: list[int] = []
        for doc, (title, text) in enumerate(corpus.fields):
            title_words, title_length = _field_words(title)
            text_words, text_length = _field_words(text)
            title_lengths.append(title_length)
            text_lengths.append(text_length)
            title_counts, text_counts = Counter(title_words), Counter(text_words)
            for word in title_counts.keys() | text_counts.keys():
                postings.setdefault(word, []).append(
                    doc << _DOC_SHIFT
                    | min(title_counts[word], _COUNT_MAX) << _COUNT_BITS
                    | min(text_counts[word], _COUNT_MAX)
                )
        stem = english_stemmer()
        words = sorted(postings)
        offsets = array("I", [0])
        flat = array("I")
        for word in words:
            flat.extend(postings[word])
            offsets.append(len(flat))
        return cls(
            (
                array("I", title_lengths).tobytes(),
                array("I", text_lengths).tobytes(),
                tuple(words),
                tuple(stem(word) for word in words),
                offsets.tobytes(),
                flat.tobytes(),
            )
        )

    def record(self) -> tuple:  # type: ignore[type-arg]
        """The index as tuples of strings and bytes, for ``marshal``."""
        return (
            self._title_lengths.tobytes(),
            self._text_lengths.tobytes(),
            self._words,
            self._stems,
            self._offsets.tobytes(),
            self._postings.tobytes(),
        )

    @classmethod
    def from_record(cls, record: tuple) -> "Index":  # type: ignore[type-arg]
        """An index from a stored `record`; TypeError or ValueError if it is not one."""
        return cls(record)

    @property
    def vocabulary(self) -> tuple[str, ...]:
        """Every word of the guide, folded, in sorted order."""
        return self._words

    def _find(self, word: str) -> int | None:
        """Where ``word`` is in the sorted vocabulary, if it is there."""
        at = bisect.bisect_left(self._words, word)
        return at if at < len(self._words) and self._words[at] == word else None

    def _starting(self, prefix: str) -> range:
        """The places in the vocabulary of the words that begin with ``prefix``."""
        start = bisect.bisect_left(self._words, prefix)
        return range(start, bisect.bisect_left(self._words, prefix + "\U0010ffff", start))

    def stem(self, word: str) -> str:
        """The Snowball stem of a folded word (the guide's own words are stemmed already)."""
        at = self._find(word)
        if at is not None:
            return self._stems[at]
        if self._stemmer is None:
            self._stemmer = english_stemmer()
        return self._stemmer(word)

    def _stem_mates(self, stem: str) -> range:
        """Where to look for the words whose stems equal, begin, or begin with ``stem``.

        A Snowball stem begins its word but for its last letter ("therapi" for
        "therapy"), so those words share the stem's first letters: four, or
        all but one of a shorter stem.
        """
        return self._starting(stem[: min(MIN_PREFIX, max(len(stem) - 1, 1))])

    def expansions(self, query_word: str) -> dict[str, float]:
        """The guide's words a query word matches, each with the weight of the match."""
        found = {query_word: EXACT_WEIGHT} if self._find(query_word) is not None else {}
        stem = self.stem(query_word)
        mates = self._stem_mates(stem)
        stems, words = self._stems, self._words
        for at in mates:
            if stems[at] == stem:
                found.setdefault(words[at], STEM_WEIGHT * _likeness(query_word, words[at]))
        if len(stem) < MIN_PREFIX:
            return found
        # A stem that begins longer ones; a long stem less its last letter too, as
        # Snowball's "therapi" (therapy) begins no stem but "therap" begins "therapeut";
        # and a slightly shorter stem that begins this one ("stigma" for "stigmatized").
        heads = (stem,) if len(stem) <= MIN_PREFIX + 2 else (stem, stem[:-1])
        shorter = {
            stem[:cut] for cut in range(max(MIN_PREFIX + 1, len(stem) - REACH_BACK), len(stem))
        }
        for at in mates:
            other = stems[at]
            if other != stem and (other.startswith(heads) or other in shorter):
                found.setdefault(words[at], PREFIX_WEIGHT * _likeness(query_word, words[at]))
        return found

    def exact_forms(self, query_word: str) -> set[str]:
        """The guide's words a word of a phrase matches: the same word or stem only."""
        forms = {query_word} if self._find(query_word) is not None else set()
        stem = self.stem(query_word)
        return forms | {self._words[at] for at in self._stem_mates(stem) if self._stems[at] == stem}

    def closest(self, word: str, *, loose: bool = False) -> str | None:
        """The guide's word most like a misspelt one, if any is close enough.

        To be searched instead, a word must be a typo's distance away: the same
        first letter and one slip (a letter wrong, missing, added or two swapped;
        two slips in a word of eight letters or more). Otherwise ``depression``
        would be searched as ``expression``. ``loose`` accepts less alike words:
        good enough to suggest, never to search with. Words shorter than
        ``MIN_TYPO`` letters are too short to guess from.
        """
        if len(word) < MIN_TYPO:  # "bold" is as close to "old" as to "hold"
            return None
        import difflib

        # Only words of about the right length (and, to search with, the same first
        # letter) can qualify, and difflib is slow on the 40,000 words of a large guide.
        if loose:
            near = [w for w in self._words if abs(len(w) - len(word)) <= LOOSE_LENGTHS]
            close = difflib.get_close_matches(word, near, n=1, cutoff=SUGGEST_ENOUGH)
            return close[0] if close else None
        slips = 1 if len(word) < LONG_WORD else 2
        near = [
            self._words[at]
            for at in self._starting(word[0])
            if abs(len(self._words[at]) - len(word)) <= slips
        ]
        candidates = difflib.get_close_matches(word, near, n=5, cutoff=CLOSE_ENOUGH)
        return next((c for c in candidates if within_slips(word, c, slips)), None)

    def _numbers(self, word: str) -> "array[int]":
        """The postings of ``word``: a slice of the one array of them all."""
        at = self._find(word)
        if at is None:
            return array("I")
        return self._postings[self._offsets[at] : self._offsets[at + 1]]

    def postings(self, word: str) -> Iterator[tuple[int, int, int]]:
        """(entry, count in title, count in text) for each entry holding ``word``.

        Each posting is one 32-bit number: the entry's number, then the two
        counts in four bits each (BM25 has long saturated at fifteen).
        """
        return (
            (number >> _DOC_SHIFT, number >> _COUNT_BITS & _COUNT_MAX, number & _COUNT_MAX)
            for number in self._numbers(word)
        )

    def docs(self, word: str) -> set[int]:
        """The entries holding ``word``."""
        return {number >> _DOC_SHIFT for number in self._numbers(word)}

    def bm25_each(self, counts: dict[int, list[float]]) -> Iterator[tuple[int, float]]:
        """BM25F of one query term in each entry of ``counts`` (entry: [title count, text
        count]), before its inverse document frequency.

        Constants are hoisted out of the loop: a common word of a large guide is
        in thousands of entries.
        """
        titles, texts = self._title_lengths, self._text_lengths
        title_slope, title_base = TITLE_B / self._title_average, 1 - TITLE_B
        text_slope, text_base = TEXT_B / self._text_average, 1 - TEXT_B
        for doc, (title_count, text_count) in counts.items():
            frequency = TITLE_WEIGHT * title_count / (
                title_base + title_slope * titles[doc]
            ) + TEXT_WEIGHT * text_count / (text_base + text_slope * texts[doc])
            yield doc, frequency / (K1 + frequency)

    def idf(self, entries: int) -> float:
        """Inverse document frequency of a term found in ``entries`` of the guide's entries."""
        return math.log(1 + (self._count - entries + 0.5) / (entries + 0.5))


def within_slips(typed: str, word: str, slips: int) -> bool:
    """Whether ``typed`` is at most ``slips`` typing slips from ``word``: letters wrong,
    missing or added, or two neighbours swapped (optimal string alignment distance).

    ``difflib`` ranks how alike two words are; this says whether one could be
    the other mistyped, which a ratio cannot (``expression`` is as alike to
    ``depression`` as ``meditation`` to ``meditaton``).
    """
    if abs(len(typed) - len(word)) > slips:
        return False
    before: list[int] | None = None
    row = list(range(len(word) + 1))
    for i, mine in enumerate(typed, start=1):
        next_row = [i] + [0] * len(word)
        for j, theirs in enumerate(word, start=1):
            next_row[j] = min(row[j] + 1, next_row[j - 1] + 1, row[j - 1] + (mine != theirs))
            if (
                before is not None
                and i > 1
                and j > 1
                and mine == word[j - 2]
                and typed[i - 2] == theirs
            ):
                next_row[j] = min(next_row[j], before[j - 2] + 1)
        if min(next_row) > slips:
            return False
        before, row = row, next_row
    return row[-1] <= slips


def _likeness(query_word: str, word: str) -> float:
    """How much of a query word a guide word of the same stem begins with, squared.

    Snowball gives ``celebrity``, ``celebrities`` and ``celebrate`` one stem;
    ``celebrities`` shares eight letters of ``celebrity`` and ``celebrate`` six.
    """
    shared = 0
    for mine, theirs in zip(query_word, word, strict=False):
        if mine != theirs:
            break
        shared += 1
    return (shared / len(query_word)) ** 2


def _loaded(record: tuple) -> tuple:  # type: ignore[type-arg]
    """A record with its arrays unpacked and its shape checked; TypeError or ValueError
    if it is not an index."""
    title_lengths, text_lengths, words, stems, offsets, postings = record
    arrays = [array("I") for _ in range(4)]
    for unpacked, packed in zip(
        arrays, (title_lengths, text_lengths, offsets, postings), strict=True
    ):
        unpacked.frombytes(packed)
    titles, texts, starts, numbers = arrays
    if not (
        isinstance(words, tuple)
        and isinstance(stems, tuple)
        and len(titles) == len(texts)
        and len(words) == len(stems) == len(starts) - 1
        and (not starts or starts[-1] == len(numbers))
    ):
        raise ValueError("not an index record")
    return (titles, texts, words, stems, starts, numbers)


def english_stemmer() -> _Stemmer:
    """Snowball's English stemmer, as a function of one (lower-case) word.

    ``import snowballstemmer`` imports all of its thirty-odd languages (about
    9 ms); the English module alone costs a tenth of that. It is loaded from
    the package's folder under a private package name, so that the real
    ``snowballstemmer`` package, if anything imports it, is left untouched.
    """
    module = sys.modules.get(_STEMMER_PACKAGE + ".english_stemmer")
    if module is None:
        module = _load_english_stemmer()
    stemmer = module.EnglishStemmer()
    cache: dict[str, str] = {}

    def stem(word: str) -> str:
        found = cache.get(word)
        if found is None:
            found = cache[word] = stemmer.stemWord(word)
        return found

    return stem


_STEMMER_PACKAGE = "effects_cli._snowball"


def index_stamp() -> tuple[object, ...]:
    """What besides the guide and this code decides an index's words: the Python
    version and its Unicode tables (``\\w``, case-folding) and the stemmer's code.

    Part of the cache key of an index, so that an upgraded stemmer or another
    Python never reuses an index its queries would not agree with.
    """
    import importlib.util
    import os
    import unicodedata

    spec = importlib.util.find_spec("snowballstemmer")
    stemmer = None
    if spec is not None and spec.submodule_search_locations:
        path = os.path.join(spec.submodule_search_locations[0], "english_stemmer.py")
        try:
            info = os.stat(path)
            stemmer = (path, info.st_size, info.st_mtime_ns)
        except OSError:
            pass
    return (sys.version_info[:2], unicodedata.unidata_version, stemmer)


def _load_english_stemmer():  # type: ignore[no-untyped-def]
    import importlib
    import importlib.util
    import types

    spec = importlib.util.find_spec("snowballstemmer")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - packaging
        raise ImportError("the snowballstemmer package is not installed")
    package = types.ModuleType(_STEMMER_PACKAGE)
    package.__path__ = list(spec.submodule_search_locations)
    sys.modules[_STEMMER_PACKAGE] = package
    return importlib.import_module(_STEMMER_PACKAGE + ".english_stemmer")


def search(
    guide: Guide | Corpus,
    query: str,
    *,
    index: Index | None = None,
    section: int | None = None,
    limit: int | None = None,
) -> Results:
    """Every entry matching ``query``, best first, ties in guide order.

    ``index`` is the guide's `Index` (built here when not given); ``section``
    keeps the hits to that section and its sub-points; ``limit`` keeps the best
    so many (snippets are made for those alone: on a large guide, most of the work).
    """
    corpus = guide if isinstance(guide, Corpus) else Corpus.of(guide)
    index = index if index is not None else Index.build(corpus)
    allowed = corpus.docs_of(section)
    parsed = parse_query(query)
    scores: dict[int, float] = {}
    matched: dict[int, set[str]] = {}
    clause_words: list[set[str]] = []
    clauses: dict[int, int] = {}
    corrections: dict[str, str] = {}
    unknown: list[str] = []

    def resolve(word: str, find: Callable[[str], dict[str, float]]) -> dict[str, float]:
        """What ``find`` gives for ``word``, or for the guide's closest word when nothing."""
        found = find(word)
        if not found:
            # Each guess reads the whole vocabulary: a pasted page of unknown words must
            # not take seconds, so only the first few are guessed at.
            close = index.closest(word) if len(corrections) + len(unknown) < MAX_GUESSES else None
            if close is None:
                unknown.append(word)
            else:
                corrections[word] = close
                found = find(close)
        return found

    def same_forms(word: str) -> dict[str, float]:
        return dict.fromkeys(index.exact_forms(word), EXACT_WEIGHT)

    parts_of = dict(parsed.compounds)
    for word in parsed.words:
        # A compound matches whole ("self-help", "#SelfHelp", "selfhelp") or by its parts
        # in order ("self help"), whichever an entry holds; only when neither is anywhere
        # is it taken for a typo.
        parts = [set(index.exact_forms(part)) for part in parts_of.get(word, ())]
        # Entries that hold the whole form count by it already (and hold its parts, in
        # order, where the compound stands): only the others are read for the parts.
        by_parts = _phrase_counts(index, corpus, parts, index.docs(word)) if parts else {}
        expansions = index.expansions(word)
        if not expansions and not by_parts:
            expansions = resolve(word, index.expansions)
        # Forms are alternatives: an entry counts by its best one, not by how many it
        # uses, or "celebrate, celebrating, celebrations" would outweigh "celebrities"
        # for "celebrity".
        weighted: dict[int, list[float]] = dict(by_parts)
        for guide_word, weight in expansions.items():
            for doc, title_count, text_count in index.postings(guide_word):
                counts = [weight * title_count, weight * text_count]
                best = weighted.get(doc)
                if best is None or _mass(counts) > _mass(best):
                    weighted[doc] = counts
        _add(index, weighted, allowed, scores, clauses)
        if by_parts:
            for doc in (doc for doc in by_parts if doc in allowed):
                matched.setdefault(doc, set()).update(*parts)
        # The very form typed (or its correction) is scored again on its own, with its
        # own rarity: "celebrities" must beat "celebrate", which shares its stem.
        exact = corrections.get(word, word)
        if expansions.get(exact) == EXACT_WEIGHT:
            only_exact = {doc: [t, x] for doc, t, x in index.postings(exact)}
            _add(index, only_exact, allowed, scores, clauses, new_clause=False)
        for doc in (doc for doc in weighted if doc in allowed):
            matched.setdefault(doc, set()).update(expansions)
        clause_words.append(set(expansions))

    for phrase in parsed.phrases:
        forms = [set(resolve(word, same_forms)) for word in phrase]
        counted = _phrase_counts(index, corpus, forms)
        _add(index, counted, allowed, scores, clauses)
        for doc in (doc for doc in counted if doc in allowed):
            matched.setdefault(doc, set()).update(*forms)
        clause_words.append(forms[0])

    if len(clause_words) > 1:
        _boost_proximity(corpus, scores, clauses, clause_words)
    ranked = sorted(scores, key=lambda doc: (-scores[doc], doc))[:limit]
    hits = [_hit(corpus.entry(doc), scores[doc], matched[doc]) for doc in ranked]
    missing = tuple(dict.fromkeys(unknown))
    suggestions = () if hits else _suggestions(index, corrections, missing)
    return Results(hits, corrections, missing, len(scores), suggestions)


def _suggestions(
    index: Index, corrections: dict[str, str], unknown: tuple[str, ...]
) -> tuple[str, ...]:
    """Words to suggest when nothing matched: the corrections tried, then looser guesses."""
    found = list(dict.fromkeys(corrections.values()))
    for word in unknown[:MAX_GUESSES]:
        close = index.closest(word, loose=True)
        if close is not None and close not in found:
            found.append(close)
    return tuple(found)


def _mass(counts: list[float]) -> float:
    """How much a (title, text) pair of weighted counts is worth, titles weighing more."""
    return TITLE_WEIGHT * counts[0] + TEXT_WEIGHT * counts[1]


def _add(
    index: Index,
    counts: dict[int, list[float]],
    allowed: range,
    scores: dict[int, float],
    clauses: dict[int, int],
    *,
    new_clause: bool = True,
) -> None:
    """Add one query clause's BM25F to the scores of the allowed entries that hold it.

    ``clauses`` counts the clauses each entry holds; a second score for the
    same clause (``new_clause=False``) adds to the score only.
    """
    if not counts:
        return
    idf = index.idf(len(counts))
    for doc, value in index.bm25_each(counts):
        if doc in allowed:
            scores[doc] = scores.get(doc, 0.0) + idf * value
            clauses[doc] = clauses.get(doc, 0) + new_clause


def _phrase_counts(
    index: Index, corpus: Corpus, forms: list[set[str]], skip: set[int] | None = None
) -> dict[int, list[float]]:
    """How often the phrase occurs in each entry's title and text (entries with none left out).

    Candidates are the entries holding every word (but those in ``skip``); each
    is read again to find the words adjacent and in order.
    """
    if not all(forms):
        return {}
    candidates: set[int] | None = None
    for word_forms in forms:
        docs = set().union(*map(index.docs, word_forms))
        candidates = docs if candidates is None else candidates & docs
    docs = sorted((candidates or set()) - (skip or set()))
    fields = [field for doc in docs for field in corpus.fields[doc]]
    found = _count_in_fields(fields, forms)
    return {
        doc: [float(found[2 * at]), float(found[2 * at + 1])]
        for at, doc in enumerate(docs)
        if found[2 * at] or found[2 * at + 1]
    }


_FIELD_BREAK = "\n0\n"
"""Between fields joined for one regular-expression pass: a word no phrase can run across."""


def _count_in_fields(fields: list[str], forms: list[set[str]]) -> list[int]:
    """`_phrase_count` of each field, with one pass of `_phrase_pattern` over all plain ones.

    Fields that are not plain (letters beyond ASCII, hashtags) are read word by
    word instead. A phrase of common words has thousands of candidates on a
    large guide; one pass of the C matcher over them all is what keeps it fast.
    """
    plain: list[str] = []
    odd: list[int] = []
    for number, text in enumerate(fields):
        if "'" in text or not text.isascii():
            text = _APOSTROPHE.sub("", text)
        if "#" in text or (not text.isascii() and re.search(_NOT_PLAIN, text)):
            odd.append(number)
            text = ""
        plain.append(text)
    starts: list[int] = []
    at = 0
    for text in plain:
        starts.append(at)
        at += len(text) + len(_FIELD_BREAK)
    counts = [0] * len(fields)
    for match in _phrase_pattern(forms).finditer(_FIELD_BREAK.join(plain).lower()):
        counts[bisect.bisect_right(starts, match.start()) - 1] += 1
    for number in odd:
        counts[number] = _phrase_count(fields[number], forms)
    return counts


def _phrase_pattern(forms: list[set[str]]) -> re.Pattern[str]:
    """A regular expression that finds the phrase in plain ASCII text, at C speed.

    In text without hashtags or letters beyond ASCII, and with apostrophes
    removed (`fold` drops them inside words; elsewhere they join nothing), tokens are
    runs of ``\\w`` and their folded forms are their lower-case letters, so the
    words of a phrase are adjacent exactly when this pattern matches the text
    in lower case (occurrences counted without overlap, as `_phrase_count` does).
    """
    words = [
        "(?:" + "|".join(sorted(map(re.escape, word_forms), key=len, reverse=True)) + ")"
        for word_forms in forms
    ]
    return re.compile(r"\b" + r"\W+".join(words) + r"\b")


_NOT_PLAIN = r"[^\W\x00-\x7f]|#"
"""What `_phrase_pattern` cannot read: a word character beyond ASCII (``fold`` may change
it), or a hashtag (split at its capitals). Punctuation beyond ASCII separates words
either way."""


def _phrase_count(text: str, forms: list[set[str]]) -> int:
    """How often words matching ``forms`` stand adjacent and in order in ``text``."""
    at_position: dict[int, set[str]] = {}
    for position, word in _positions(text):
        at_position.setdefault(position, set()).add(word)
    count, free_from = 0, 0
    for start in sorted(at_position):
        if start >= free_from and all(
            at_position.get(start + k, set()) & wanted for k, wanted in enumerate(forms)
        ):
            count += 1
            free_from = start + len(forms)  # occurrences do not overlap
    return count


def _boost_proximity(
    corpus: Corpus,
    scores: dict[int, float],
    clauses: dict[int, int],
    clause_words: list[set[str]],
) -> None:
    """Raise the best entries whose matched words stand close together.

    The boost is ``1 + PROXIMITY_WEIGHT * (k - 1) / (span - 1)`` for the
    smallest window of ``span`` words holding ``k`` of the query's clauses:
    next to each other, the full weight; far apart, next to nothing.
    """
    best = sorted((doc for doc in scores if clauses[doc] > 1), key=lambda d: (-scores[d], d))
    for doc in best[:PROXIMITY_CANDIDATES]:
        title, text = corpus.fields[doc]
        closeness = max(_closeness(title, clause_words), _closeness(text, clause_words))
        scores[doc] *= 1 + PROXIMITY_WEIGHT * closeness


def _closeness(text: str, clause_words: list[set[str]]) -> float:
    """``(k - 1) / (span - 1)`` for the tightest window holding the most clauses, or 0."""
    marks = [
        (position, clause)
        for position, word in _positions(text)
        for clause, words in enumerate(clause_words)
        if word in words
    ]
    present = {clause for _, clause in marks}
    if len(present) < 2:
        return 0.0
    tightest = math.inf
    seen: Counter[int] = Counter()
    left = 0
    for position, clause in marks:
        seen[clause] += 1
        while len(seen) == len(present):
            tightest = min(tightest, position - marks[left][0] + 1)
            leaving = marks[left][1]
            seen[leaving] -= 1
            if not seen[leaving]:
                del seen[leaving]
            left += 1
    return (len(present) - 1) / max(tightest - 1, 1)


def _hit(entry: Entry, score: float, words: set[str]) -> Hit:
    return Hit(
        entry=entry,
        score=score,
        snippet=make_snippet(entry.text, tokenize(entry.text), words),
        title_spans=_spans(tokenize(entry.title), words),
    )


def regex_search(
    guide: Guide | Corpus, pattern: str, *, section: int | None = None, limit: int | None = None
) -> Results:
    """Entries whose title or text matches a regular expression (case-insensitive).

    Ranked by matches, a title match counting three times, ties in guide
    order; hits (and their snippets) are made for the best ``limit`` only.
    Raises `BadPattern` for a pattern that does not compile.
    """
    import warnings

    try:
        with warnings.catch_warnings():
            # "Possible nested set" and the like: Python's warnings about how it reads
            # a pattern today, not the reader's problem, and never worth a traceback.
            warnings.simplefilter("ignore", FutureWarning)
            compiled = re.compile(pattern, re.IGNORECASE)
    except (re.error, RecursionError, OverflowError, ValueError) as error:
        raise BadPattern(str(error)) from None
    corpus = guide if isinstance(guide, Corpus) else Corpus.of(guide)
    ranked: list[tuple[float, int, tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]] = []
    for doc in corpus.docs_of(section):
        title, text = corpus.fields[doc]
        title_spans = _regex_spans(compiled, title)
        text_spans = _regex_spans(compiled, text)
        if title_spans or text_spans:
            score = TITLE_WEIGHT * len(title_spans) + TEXT_WEIGHT * len(text_spans)
            ranked.append((-score, doc, title_spans, text_spans))
    ranked.sort(key=lambda item: item[:2])
    hits = []
    for negative, doc, title_spans, text_spans in ranked[:limit]:
        entry = corpus.entry(doc)
        start = _window_start(entry.text, text_spans[0][0]) if text_spans else 0
        window = _window(entry.text, start)
        snippet = Snippet(window, _regex_spans(compiled, window))
        hits.append(Hit(entry, -negative, snippet, title_spans))
    return Results(hits, {}, total=len(ranked))


def _regex_spans(compiled: re.Pattern[str], text: str) -> tuple[tuple[int, int], ...]:
    """Where a pattern matches, leaving out empty matches (``x*`` matches everywhere)."""
    return tuple(match.span() for match in compiled.finditer(text) if match.end() > match.start())


def make_snippet(
    text: str, tokens: list[Token], words: set[str], width: int = SNIPPET_WIDTH
) -> Snippet:
    """The window of about ``width`` characters of ``text`` that shows most of ``words``.

    The window starts a little before its first match (at a sentence start
    when one is near), ends on a word boundary, is marked with an ellipsis
    where it cuts the text, and has its blank space collapsed to single spaces.
    """
    hits = [index for index, token in enumerate(tokens) if token.word in words]
    if not hits:
        start = 0
    else:
        best = max(hits, key=lambda first: _window_value(tokens, hits, first, width))
        start = _window_start(text, tokens[best].start)
    clipped = _window(text, start, width)
    return Snippet(clipped, _spans(tokenize(clipped), words))


def _window(text: str, start: int, width: int = SNIPPET_WIDTH) -> str:
    """``text`` from ``start`` for about ``width`` characters, cut at a space, blank space
    collapsed, with an ellipsis at each end where text was left out."""
    end = start + width
    if end >= len(text):
        end = len(text)
    else:
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    body = " ".join(text[start:end].split())
    return ("\u2026" if start > 0 else "") + body + ("\u2026" if end < len(text) else "")


def _window_value(
    tokens: list[Token], hits: list[int], first: int, width: int
) -> tuple[int, int, int]:
    """Rank a window beginning at match ``first``: distinct words, then matches, then earliness."""
    limit = tokens[first].start + width - SNIPPET_LEAD
    inside = [tokens[i].word for i in hits if i >= first and tokens[i].end <= limit]
    return (len(set(inside)), len(inside), -first)


def _window_start(text: str, match_start: int) -> int:
    """Where a window showing ``match_start`` begins: its sentence's start if near, else a word."""
    if match_start <= SENTENCE_REACH:
        return 0
    reach = match_start - SENTENCE_REACH
    sentence = max(text.rfind(". ", reach, match_start), text.rfind("\n", reach, match_start))
    if sentence != -1:
        return sentence + 1 + (text[sentence] == ".")
    space = text.find(" ", match_start - SNIPPET_LEAD, match_start)
    return space + 1 if space != -1 else match_start


def _spans(tokens: list[Token], words: set[str]) -> tuple[tuple[int, int], ...]:
    return tuple((token.start, token.end) for token in tokens if token.word in words)
