"""Where the bundled guide lives, in an installed package and in a checkout.

A module of its own because both the YAML reader and the guide opener need
it, and neither should import the other to find it. Plain ``os.path``: the fast
path (`effects_cli.warm`) asks it too, before anything else is loaded.
"""

from __future__ import annotations

import os

BUNDLED_NAME = "effects.yaml"
"""The bundled guide's file name, under ``data/`` in the checkout and in the package."""

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


def bundled_guide_path() -> Path:
    """`bundled_guide_file`, as a path."""
    from pathlib import Path

    return Path(bundled_guide_file())


def bundled_guide_file() -> str:
    """Where the bundled guide lives: inside the installed package, else in the checkout.

    A wheel carries ``data/effects.yaml`` as ``effects_cli/data/effects.yaml``
    (hatchling ``force-include``); an editable install or a plain checkout
    imports the package from the repository, whose root holds ``data/``.
    The package is always installed as plain files (a wheel is never run
    zipped), so a path beside this module is enough; ``importlib.resources``
    would cost its import on every run.
    """
    package = os.path.dirname(os.path.realpath(__file__))
    packaged = os.path.join(package, "data", BUNDLED_NAME)
    if os.path.isfile(packaged):
        return packaged
    return os.path.join(os.path.dirname(package), "data", BUNDLED_NAME)
