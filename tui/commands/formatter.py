"""argparse's help layout, measuring the terminal without importing ``shutil``.

argparse makes a formatter for every argument it adds (to check it), and the
stock one imports shutil (and with it bz2 and lzma) on every command: a few
milliseconds of every ``kaart today``.
"""

from __future__ import annotations

import argparse
import os


class Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            try:
                width = os.get_terminal_size().columns - 2
            except OSError:
                width = int(os.environ.get("COLUMNS", "80") or 80) - 2
        super().__init__(prog, indent_increment, max_help_position, width)
