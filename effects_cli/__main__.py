"""``python -m effects_cli`` runs the same program as ``effects``."""

from effects_cli.launch import main

if __name__ == "__main__":
    main()
