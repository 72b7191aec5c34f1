"""The footer's keys, fitted to the width: never a word cut off, never a stray letter.

Textual's footer draws every shown key in a row and lets the row run on under
the palette key docked at its right end, so a narrow terminal shows "? H" or
the letter of a key half hidden behind "▏^p Acties". :func:`fit_bindings`
leaves keys out of the footer (``show=False``; they still work, and help and
the palette list them) until the rest fits before the palette key, in this
order: undo, quit, then the screen's own keys from its last to its first
(a screen lists its keys most important first), then going back and saving.
Help (``?``) always stays.
"""

from __future__ import annotations

import dataclasses

from rich.cells import cell_len
from textual.binding import ActiveBinding, Binding

KEEP = ("help",)  # never left out
LAST_KEYS = ("escape", "ctrl+s")  # left out last: how to leave a screen, or save what it holds
APP_FIRST = ("undo_delete", "quit")  # the app's keys that go first, in this order


def key_width(app, binding: Binding) -> int:
    """Columns one key takes in the compact footer: key, space, description."""
    description = binding.description
    width = cell_len(app.get_key_display(binding))
    return width + 1 + cell_len(description) if description else width


def fit_bindings(bindings: dict[str, ActiveBinding], width: int, app,
                 palette_key: str = "ctrl+p") -> dict[str, ActiveBinding]:
    """``bindings`` (a screen's active bindings) with the keys that do not fit in ``width``
    columns marked ``show=False``; unchanged when everything fits."""
    if width <= 0:
        return bindings
    shown: dict[str, ActiveBinding] = {}  # one key per action, as the footer shows them
    for active in bindings.values():
        if active.binding.show and active.binding.action not in shown:
            shown[active.binding.action] = active
    room = width
    palette = bindings.get(palette_key)
    if palette is not None and getattr(app, "ENABLE_COMMAND_PALETTE", False):
        room -= key_width(app, palette.binding) + 2  # its border on the left, a space after it
    widths = {action: key_width(app, active.binding) + 1 for action, active in shown.items()}
    used = sum(widths.values())
    if used <= room:
        return bindings
    drop: list[str] = []
    for action in APP_FIRST:
        if action in shown and shown[action].node is app:
            drop.append(action)
    last = {action for action, active in shown.items()
            if set(active.binding.key.split(",")) & set(LAST_KEYS)}
    own = [action for action, active in shown.items() if active.node is not app
           and action not in last and action not in KEEP]
    drop += reversed(own)
    drop += [action for action in reversed(shown) if action not in drop and action not in KEEP
             and shown[action].node is app]
    drop += [action for action in reversed(shown) if action not in drop and action not in KEEP]
    hidden: set[str] = set()
    for action in drop:
        if used <= room:
            break
        hidden.add(action)
        used -= widths[action]
    if not hidden:
        return bindings
    fitted: dict[str, ActiveBinding] = {}
    for key, active in bindings.items():
        if active.binding.action in hidden and active.binding.show:
            active = active._replace(binding=_hidden(active.binding))
        fitted[key] = active
    return fitted


def _hidden(binding: Binding) -> Binding:
    copy = dataclasses.replace(binding, show=False)
    for name, value in vars(binding).items():  # what translate_bindings added (_kaart_key)
        if name.startswith("_kaart"):
            object.__setattr__(copy, name, value)
    return copy
