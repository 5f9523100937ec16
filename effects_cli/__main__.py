"""``python -m effects_cli`` runs the same command as ``effects``."""

from effects_cli.launch import main

main()
