"""The plain commands' one way to the terminal: every line made harmless, emphasis only on a tty."""

from __future__ import annotations

import io

from tui.output import BOLD, NORMAL, Bold, Output
from tui.textclean import REPLACEMENT

HOSTILE = ("\x1b]52;c;cGF5bG9hZA==\x07", "tab\there", "bell\x07", "csi\x9b31m", "cr\rlf\r\n")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _lines():
    yield "plain " + HOSTILE[0]
    yield ("    ", "before ", Bold("match" + HOSTILE[2]), " after" + HOSTILE[3])
    yield Bold("bold " + HOSTILE[4])
    yield "tab\there"


def test_lines_are_made_harmless_alike_on_a_pipe_and_on_a_terminal(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    pipe, terminal = io.StringIO(), _Terminal()
    Output(pipe, io.StringIO()).lines(_lines())
    Output(terminal, io.StringIO()).lines(_lines())
    for text in (pipe.getvalue(), terminal.getvalue().replace(BOLD, "").replace(NORMAL, "")):
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
        assert "\r" not in text and REPLACEMENT in text and "tab\there" in text
    # the same text, with emphasis only on the terminal
    assert terminal.getvalue().replace(BOLD, "").replace(NORMAL, "") == pipe.getvalue()
    assert BOLD not in pipe.getvalue() and terminal.getvalue().count(BOLD) == 2
    assert pipe.getvalue().splitlines()[1] == (f"    before matchbell{REPLACEMENT} "
                                               f"aftercsi{REPLACEMENT}31m")


def test_no_color_means_no_emphasis(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = _Terminal()
    Output(terminal, io.StringIO()).lines([("a ", Bold("b"))])
    assert terminal.getvalue() == "a b\n"
