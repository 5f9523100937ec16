"""Search on a large guide: the first search (cold cache) and later ones (warm), against the floor.

Generates a guide of 1,000 sections x 10 sub-points (about 6 MB of YAML,
11,000 entries) from the bundled guide's own sentences and titles, shuffled,
with made-up words mixed in so that its vocabulary (about 40,000 words) is
that of real prose of this size. Then:

- cold: each run starts with an empty cache folder, so it parses the YAML and
  builds the search index (goal: under 2 s);
- warm: the same searches once the cache holds the guide and its index,
  run alternately with the floors of ``common.py`` (goal: at most 1.5 x
  the floor, ``import typer, rich.console, yaml``).

It also times the two candidates for typo correction on the large guide's
vocabulary: difflib (standard library) and rapidfuzz (when installed).

    python benchmarks/search.py               # 10 cold, 20 warm rounds
    python benchmarks/search.py --rounds 40
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import effects_command, header, row
from common import run_in_pipe as timed

QUERIES = (
    ["stigma"],
    ["peer", "support"],
    ["meditate"],
    ["meditaton"],
    ['"mental health support groups"'],
    ["#BellLetsTalk"],
    ["support", "groups"],
    [
        *("where", "can", "I", "find", "support", "groups"),
        *("for", "people", "with", "mental", "health", "problems"),
    ],
)
"""The last two: a query of 2 words and one of 12 holding them (goal: within 10%)."""
SYLLABLES = ("ba", "ce", "di", "fo", "gu", "ka", "le", "mi", "no", "pu", "ra", "se", "ti", "vo")
MADE_UP = 50_000
"""Made-up words to draw from: about 40,000 of them end up in the guide."""


def generate_guide(path: Path, sections: int = 1000, points: int = 10, seed: int = 1) -> None:
    """Write a large guide in the public format, made of the bundled guide's sentences."""
    from effects_cli.loader import load_guide

    bundled = load_guide()
    entries = list(bundled.entries())
    sentences = [s for e in entries for s in re.split(r"(?<=[.!?])\s+", e.text) if s]
    titles = [e.title for e in entries]
    rng = random.Random(seed)
    made_up: set[str] = set()
    while len(made_up) < MADE_UP:
        made_up.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5))))
    pool = sorted(made_up)

    def paragraph() -> str:
        chosen = []
        for _ in range(3):
            words = rng.choice(sentences).split()
            for _ in range(2):
                words.insert(rng.randrange(len(words)), rng.choice(pool))
            chosen.append(" ".join(words))
        return " ".join(chosen)

    def title() -> str:
        return f"{rng.choice(titles)} {rng.choice(pool).title()}"

    lines = ["title: A Large Generated Guide", "intro: >-", f"  {paragraph()}", "sections:"]
    for _ in range(sections):
        lines += [f"  - title: {title()}", "    text: >-", f"      {paragraph()}", "    points:"]
        for _ in range(points):
            lines += [f"      - title: {title()}", "        text: >-", f"          {paragraph()}"]
    lines.append("conclusion: The end.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_timings(guide: Path, rounds: int = 5) -> str:
    """Building the index of the large guide in this process, the guide already parsed:
    the part of the cold first search that search's own code decides."""
    from effects_cli.guides import GuideSource
    from effects_cli.search.index import Index

    corpus = GuideSource(guide, use_cache=False).corpus()
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        Index.build(corpus)
        timings.append(time.perf_counter() - start)
    return (
        f"index build alone (in process, guide parsed): median {statistics.median(timings):.2f} s"
    )


def typo_timings(guide: Path) -> str:
    """difflib and rapidfuzz finding close words for a few misspellings in the vocabulary."""
    import difflib

    from effects_cli.guides import GuideSource
    from effects_cli.search.typos import closest

    _, index = GuideSource(guide, use_cache=False).searchable()
    vocabulary = list(index.vocabulary)
    typos = ("meditaton", "lonliness", "stigmatsed", "xyzzyqq")

    def per_word(lookup) -> float:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        for typo in typos:
            lookup(typo)
        return (time.perf_counter() - start) / len(typos) * 1000

    whole = per_word(lambda t: difflib.get_close_matches(t, vocabulary, n=1, cutoff=0.8))
    ours = per_word(lambda t: closest(index, t))
    suggest = per_word(lambda t: closest(index, t, loose=True))
    line = (
        f"typo lookup over {len(vocabulary):,} words, a word: difflib over all {whole:.1f} ms;"
        f" effects (same first letter and length, then difflib) {ours:.1f} ms to correct,"
        f" {suggest:.1f} ms to suggest"
    )
    try:
        start = time.perf_counter()
        from rapidfuzz import distance, process
    except ImportError:
        return line + "; rapidfuzz not installed"
    imported = (time.perf_counter() - start) * 1000
    scorer = distance.Levenshtein.normalized_similarity
    fuzz = per_word(lambda t: process.extractOne(t, vocabulary, scorer=scorer, score_cutoff=0.8))
    return line + f"; rapidfuzz over all {fuzz:.1f} ms plus {imported:.0f} ms to import it"


REPEATS = (10_000, 30_000, 100_000)
"""How often one entry holds the searched word, for `repeated_word_timings`."""


def repeated_word_timings(work: Path, env: dict[str, str]) -> str:
    """A search of one entry that holds its word very many times: the time should grow with
    the count, not with its square (making the snippet was quadratic: 30,000 took 29 s)."""
    timings = []
    for count in REPEATS:
        guide = work / f"repeated-{count}.yaml"
        guide.write_text(
            "title: T\nsections:\n  - title: S\n    text: "
            + "stigma " * count
            + "\n    points: [{title: P, text: p}]\n",
            encoding="utf-8",
        )
        command = [*effects_command(), "--no-cache", "--guide", str(guide), "search", "stigma"]
        timings.append(statistics.median([timed(command, env) for _ in range(3)]))
    shown = ", ".join(
        f"{count:,} times {seconds:.2f} s" for count, seconds in zip(REPEATS, timings, strict=True)
    )
    return f"one entry holding the word (no cache, parse + index + search): {shown}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="warm runs of each search (20)")
    parser.add_argument("--cold-rounds", type=int, default=10, help="cold runs (10)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="effects-search-bench-"))
    try:
        guide = work / "large.yaml"
        generate_guide(guide)
        size = guide.stat().st_size
        env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache"), "COLUMNS": "80"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        effects = [*effects_command(), "--guide", str(guide), "search"]
        print(f"guide: {size / 1e6:.1f} MB of YAML, 11,000 entries")

        cold = []
        for _ in range(args.cold_rounds):
            shutil.rmtree(work / "cache", ignore_errors=True)
            cold.append(timed([*effects, "stigma"], env))
        print(
            f"first search, cold cache (parse + index): median {statistics.median(cold):.2f} s,"
            f" worst {max(cold):.2f} s (goal: under 2 s)"
        )

        print("\n" + header("warm search", 34))
        for query in QUERIES:
            label = (
                " ".join(query)
                if len(query) < 5
                else f"{' '.join(query[:3])}… ({len(query)} words)"
            )
            print(row(label, 34, [*effects, *query], timed, env, args.rounds), flush=True)
        print("(goal: warm ratio at most 1.5)\n")
        print(build_timings(guide))
        print(typo_timings(guide))
        print(repeated_word_timings(work, env))
        print(f"medians of {args.rounds} alternating runs; Python {sys.version.split()[0]}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
