"""``python -m effects_cli`` runs the same command as ``effects``."""

from effects_cli.cli import app

app(prog_name="effects")
