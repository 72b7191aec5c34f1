"""argparse's own words ("usage:", "options:", "unrecognized arguments") in the user's language.

argparse looks its messages up through ``gettext`` at the moment it shows
them; :func:`translate_argparse` points those look-ups at this table, so a
Dutch user never meets an English line from the command line parser. The
keys are argparse's own message ids (Python 3.11 to 3.13); an id missing
here is shown as argparse wrote it.
"""

from __future__ import annotations

from tui.i18n import get_language

NL = {
    "usage: ": "gebruik: ",
    "options": "opties",
    "positional arguments": "argumenten",
    "subcommands": "opdrachten",
    "%(heading)s:": "%(heading)s:",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    " (default: %(default)s)": " (standaard: %(default)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: waarschuwing: %(message)s\n",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "the following arguments are required: %s": "deze argumenten zijn nodig: %s",
    "one of the arguments %s is required": "een van deze argumenten is nodig: %s",
    "not allowed with argument %s": "kan niet samen met argument %s",
    "ignored explicit argument %r": "argument %r genegeerd",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "ambiguous option: %(option)s could match %(matches)s":
        "onduidelijke optie: %(option)s kan %(matches)s zijn",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "unexpected option string: %s": "onverwachte optie: %s",
    "argument '%(argument_name)s' is deprecated": "argument '%(argument_name)s' verdwijnt",
    "option '%(option)s' is deprecated": "optie '%(option)s' verdwijnt",
    "command '%(parser_name)s' is deprecated": "opdracht '%(parser_name)s' verdwijnt",
}
NL_PLURAL = {
    ("expected %s argument", "expected %s arguments"): ("verwacht %s waarde", "verwacht %s waarden"),
    ("conflicting option string: %s", "conflicting option strings: %s"):
        ("optie bestaat al: %s", "opties bestaan al: %s"),
}


def gettext(message: str) -> str:
    if get_language() == "nl":
        return NL.get(message, message)
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    if get_language() == "nl" and (singular, plural) in NL_PLURAL:
        one, many = NL_PLURAL[(singular, plural)]
        return one if count == 1 else many
    return singular if count == 1 else plural


def translate_argparse() -> None:
    """Make argparse ask this module for its words (safe to call more than once)."""
    import argparse

    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
