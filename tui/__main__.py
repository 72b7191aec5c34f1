"""`python -m tui` runs the same entry point as the `kaart` command."""

from tui.cli import main

main()
