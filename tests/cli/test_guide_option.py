"""--guide and EFFECTS_GUIDE: reading another guide, and which one wins.

(What effects says of a guide it cannot read: GUIDES and NOT_FILES in tests/messages.py.)"""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import Invoke


def test_guide_option_reads_another_guide(invoke: Invoke, small_guide: Path) -> None:
    result = invoke("--guide", str(small_guide), "list")
    assert result.stdout == ("1  First Section   2 points\n2  Second Section  1 point\n")
    result = invoke("--guide", str(small_guide), "show", "2.1")
    assert result.stdout == (
        "2.1  Gamma point\nfrom section 2: Second Section\n\nGamma text about gardens and rivers.\n"
    )


def test_guide_environment_variable(invoke: Invoke, small_guide: Path) -> None:
    result = invoke("search", "rivers", "--json", env={"EFFECTS_GUIDE": str(small_guide)})
    assert [hit["ref"] for hit in json.loads(result.stdout)["hits"]] == ["1.2", "2.1"]


def test_guide_option_wins_over_the_environment(
    invoke: Invoke, small_guide: Path, tmp_path: Path
) -> None:
    result = invoke(
        "--guide",
        str(small_guide),
        "show",
        "1.1",
        env={"EFFECTS_GUIDE": str(tmp_path / "nope.yaml")},
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("1.1  Alpha point\n")


def test_small_guide_references_and_range(invoke: Invoke, small_guide: Path) -> None:
    result = invoke("--guide", str(small_guide), "show", "2.2")
    assert (result.exit_code, result.stderr) == (
        1,
        "effects: no sub-point 2.2: section 2 has 2.1\n",
    )
    result = invoke("--guide", str(small_guide), "show", "3")
    assert (result.exit_code, result.stderr) == (
        1,
        "effects: no section 3: the guide has sections 1 to 2\n",
    )
