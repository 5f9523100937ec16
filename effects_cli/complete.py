"""What shell completion offers: references with their titles. Pure functions over the model."""

from __future__ import annotations

from effects_cli.model import Guide


def reference_choices(guide: Guide, incomplete: str) -> list[tuple[str, str]]:
    """References that complete ``incomplete``, each with its title, in guide order.

    Sections come first, a level at a time: nothing typed offers the sections;
    a section's number (``4``) or its number and a dot (``4.``) offers its
    sub-points too, so ``effects show 4.<TAB>`` lists 4.1, 4.2 and 4.3.
    """
    section_typed = incomplete.partition(".")[0]
    choices = []
    for section in guide.sections:
        if section.ref.startswith(incomplete):
            choices.append((section.ref, section.title))
        if section.ref == section_typed:
            choices += [
                (point.ref, point.title)
                for point in section.points
                if point.ref.startswith(incomplete)
            ]
    return choices


def section_choices(guide: Guide, incomplete: str) -> list[tuple[str, str]]:
    """Section numbers that complete ``incomplete``, each with its title."""
    return [
        (section.ref, section.title)
        for section in guide.sections
        if section.ref.startswith(incomplete)
    ]
