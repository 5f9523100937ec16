"""Search on a large guide: the first search (cold cache) and later ones (warm), against the floor.

Generates a guide of 1,000 sections x 10 sub-points (about 5.6 MB of YAML,
11,000 entries) from the bundled guide's own sentences and titles, shuffled,
with a few thousand made-up words mixed in for a larger vocabulary. Then:

- cold: each run starts with an empty cache folder, so it parses the YAML and
  builds the search index (goal: under 2 s);
- warm: the same searches once the cache holds the guide and its index,
  run alternately with the floor, ``import typer, rich.console, yaml``
  (goal: at most 1.5 x the floor).

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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = "import typer, rich.console, yaml"
QUERIES = (
    ["stigma"],
    ["peer", "support"],
    ["meditate"],
    ["meditaton"],
    ['"mental health support groups"'],
    ["#BellLetsTalk"],
)
SYLLABLES = ("ba", "ce", "di", "fo", "gu", "ka", "le", "mi", "no", "pu", "ra", "se", "ti", "vo")


def generate_guide(path: Path, sections: int = 1000, points: int = 10, seed: int = 1) -> None:
    """Write a large guide in the public format, made of the bundled guide's sentences."""
    from effects_cli.loader import load_guide

    bundled = load_guide()
    entries = list(bundled.entries())
    sentences = [s for e in entries for s in re.split(r"(?<=[.!?])\s+", e.text) if s]
    titles = [e.title for e in entries]
    rng = random.Random(seed)
    made_up = sorted(
        {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(6000)}
    )

    def paragraph() -> str:
        chosen = []
        for _ in range(3):
            words = rng.choice(sentences).split()
            if rng.random() < 0.5:
                words.insert(rng.randrange(len(words)), rng.choice(made_up))
            chosen.append(" ".join(words))
        return " ".join(chosen)

    def title() -> str:
        return f"{rng.choice(titles)} {rng.choice(made_up).title()}"

    lines = ["title: A Large Generated Guide", "intro: >-", f"  {paragraph()}", "sections:"]
    for _ in range(sections):
        lines += [f"  - title: {title()}", "    text: >-", f"      {paragraph()}", "    points:"]
        for _ in range(points):
            lines += [f"      - title: {title()}", "        text: >-", f"          {paragraph()}"]
    lines.append("conclusion: The end.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def effects_command() -> list[str]:
    script = Path(sys.executable).with_name("effects")
    return [str(script)] if script.exists() else [sys.executable, "-m", "effects_cli"]


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed: {done.stderr.decode(errors='replace')}")
    return elapsed


def typo_timings(guide: Path) -> str:
    """difflib and rapidfuzz finding close words for a few misspellings in the vocabulary."""
    import difflib

    from effects_cli.guides import open_searchable

    _, index = open_searchable(guide, use_cache=False)
    vocabulary = list(index.vocabulary)
    typos = ("meditaton", "lonliness", "stigmatsed", "xyzzyqq")
    start = time.perf_counter()
    for typo in typos:
        difflib.get_close_matches(typo, vocabulary, n=1, cutoff=0.8)
    per_word = (time.perf_counter() - start) / len(typos) * 1000
    line = f"typo lookup over {len(vocabulary):,} words: difflib {per_word:.1f} ms a word"
    try:
        start = time.perf_counter()
        from rapidfuzz import distance, process
    except ImportError:
        return line + " (rapidfuzz not installed)"
    imported = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    for typo in typos:
        process.extractOne(
            typo, vocabulary, scorer=distance.Levenshtein.normalized_similarity, score_cutoff=0.8
        )
    fuzz = (time.perf_counter() - start) / len(typos) * 1000
    return line + f", rapidfuzz {fuzz:.1f} ms a word plus {imported:.0f} ms to import it"


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
        floor = [sys.executable, "-c", FLOOR]
        print(f"guide: {size / 1e6:.1f} MB of YAML, 11,000 entries")

        cold = []
        for _ in range(args.cold_rounds):
            shutil.rmtree(work / "cache", ignore_errors=True)
            cold.append(timed([*effects, "stigma"], env))
        print(
            f"first search, cold cache (parse + index): median {statistics.median(cold):.2f} s,"
            f" worst {max(cold):.2f} s (goal: under 2 s)"
        )

        print(f"\n{'warm search':34}{'ms':>8}{'floor ms':>10}{'ratio':>8}")
        for query in QUERIES:
            mine, base = [], []
            for _ in range(args.rounds):
                mine.append(timed([*effects, *query], env))
                base.append(timed(floor, env))
            ours, theirs = statistics.median(mine), statistics.median(base)
            label = " ".join(query)
            print(f"{label:34}{ours * 1000:8.1f}{theirs * 1000:10.1f}{ours / theirs:8.2f}")
        print("(goal: warm ratio at most 1.5)\n")
        print(typo_timings(guide))
        print(f"medians of {args.rounds} alternating runs; Python {sys.version.split()[0]}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
