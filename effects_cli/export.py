"""JSON-ready dictionaries of the guide, for ``--json``: plain data, no Rich.

The shapes are public (the README documents them), so scripts can rely on
them: change them only by adding keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from effects_cli.escapes import defused
from effects_cli.model import Entry, Guide, Point, Section

if TYPE_CHECKING:
    from effects_cli.search.results import Hit, Results

Json = dict[str, Any]


def point_json(point: Point, section: Section) -> Json:
    """``{"ref", "title", "text", "section": {"ref", "title"}}``."""
    return {
        "ref": point.ref,
        "title": point.title,
        "text": point.text,
        "keywords": list(point.keywords),
        "related": list(point.related),
        "section": {"ref": section.ref, "title": section.title},
    }


def section_json(section: Section) -> Json:
    """``{"ref", "title", "text", "points": [sub-point, …]}``."""
    return {
        "ref": section.ref,
        "title": section.title,
        "text": section.text,
        "keywords": list(section.keywords),
        "related": list(section.related),
        "points": [point_json(point, section) for point in section.points],
    }


def entry_json(entry: Entry, section: Section) -> Json:
    """A section or a sub-point (of ``section``), whichever a reference named."""
    return section_json(entry) if isinstance(entry, Section) else point_json(entry, section)


def contents_json(guide: Guide) -> Json:
    """The table of contents: titles and references, no text."""
    return {
        "title": guide.title,
        "subtitle": guide.subtitle,
        "sections": [
            {
                "ref": section.ref,
                "title": section.title,
                "points": [{"ref": point.ref, "title": point.title} for point in section.points],
            }
            for section in guide.sections
        ],
    }


def guide_json(guide: Guide) -> Json:
    """The whole guide, title to conclusion."""
    return {
        "title": guide.title,
        "subtitle": guide.subtitle,
        "intro": guide.intro,
        "sections": [section_json(section) for section in guide.sections],
        "conclusion": guide.conclusion,
    }


def hits_json(query: str, hits: list[Hit], corrections: dict[str, str] | None = None) -> Json:
    """``{"query", "corrections", "hits": [{"ref", "title", "score", "snippet"}]}``, best first.

    ``corrections`` maps each misspelt query word to the guide word searched instead.
    The query carries control characters as escapes (``\\x1b``), like guide text.
    """
    return {
        "query": defused(query),
        "corrections": {
            defused(typed): defused(used) for typed, used in (corrections or {}).items()
        },
        "covered": True,
        "hits": [
            {
                "ref": hit.entry.ref,
                "title": hit.entry.title,
                "score": round(hit.score, 4),
                "snippet": hit.snippet.text,
            }
            for hit in hits
        ],
    }


def not_covered_json(query: str, results: Results) -> Json:
    """``{"query", "corrections", "covered": false, "absent", "common", "related": [{"ref",
    "title"}], "hits": []}``: a query the guide does not cover (`search.coverage`).

    ``absent`` are the query's words the guide does not hold, ``common`` those that stand
    in almost every entry, ``related`` the entries that list the missing words as related.
    """
    found = hits_json(query, [], results.corrections)
    found["covered"] = False
    found["absent"] = [defused(word) for word in results.absent]
    found["common"] = [defused(word) for word in results.common]
    found["related"] = [{"ref": entry.ref, "title": entry.title} for entry in results.related]
    return found
