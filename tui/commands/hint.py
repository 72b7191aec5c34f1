"""``kaart hint``: the card of the day in every new shell, once a day.

Put ``command -v kaart >/dev/null && kaart hint`` in a shell's start-up file
(see the README for bash, zsh, fish and PowerShell). The first call of a
local day prints the card's front and its deck, never anything you wrote
(screens get shared); later calls that day print nothing. It exits 0 in
every case: ``tui.cli`` runs a bare ``kaart hint`` without building the
parser or opening the journal, and prints nothing on any trouble.
"""

from __future__ import annotations

from tui.commands import add_command


def register(sub) -> None:
    hint = add_command(sub, "hint", "cli.help.hint")
    hint.set_defaults(func=cmd_hint)


def cmd_hint(args, kaart, out) -> int:
    try:
        show_hint(kaart, out)
    except Exception:  # a shell start must never break: nothing to show, then
        pass
    return 0


def show_hint(kaart, out) -> None:
    """The one line, when today's card was not shown yet."""
    from tui.i18n import t

    card = kaart.hint_card()
    if card is None:
        return
    deck = kaart.library.get(card.deck)
    out.line(t("cli.hint.line", deck=" ".join((deck.title if deck else card.deck).split()),
               text=" ".join(card.text.split())))
