"""Where the bundled guide lives, in an installed package and in a checkout.

A module of its own because both the YAML reader and the guide opener need
it, and neither should import the other to find it.
"""

from __future__ import annotations

from pathlib import Path

BUNDLED_NAME = "effects.yaml"
"""The bundled guide's file name, under ``data/`` in the checkout and in the package."""


def bundled_guide_path() -> Path:
    """Where the bundled guide lives: inside the installed package, else in the checkout.

    A wheel carries ``data/effects.yaml`` as ``effects_cli/data/effects.yaml``
    (hatchling ``force-include``); an editable install or a plain checkout
    imports the package from the repository, whose root holds ``data/``.
    The package is always installed as plain files (a wheel is never run
    zipped), so a path beside this module is enough; ``importlib.resources``
    would cost its import on every run.
    """
    package = Path(__file__).resolve().parent
    packaged = package / "data" / BUNDLED_NAME
    return packaged if packaged.is_file() else package.parent / "data" / BUNDLED_NAME
