"""Past reflections come back: one earlier entry a day ("from your past"), and the answer to it.

The ladder itself (which entry, when) is :mod:`tui.journal.resurface`. Here:
today's entry for both faces, and what an answer does. ``still`` (still
true) and ``changed`` keep the entry on the ladder, to come back at its next
step; ``changed`` also returns what the new note linked to it needs (kind,
card, link), which the face saves with :meth:`save_entry` once it is
written; ``never`` takes it off the ladder for good.
"""

from __future__ import annotations

from collections import namedtuple

from tui.errors import NotFound, StoreError, UsageError
from tui.i18n import t
from tui.vocabulary import ANSWERS, Answer, EntryKind

TYPE_CHECKING = False  # typing costs a few ms to import on every command; annotations only
if TYPE_CHECKING:
    from tui.journal.resurface import Resurfaced


class ChangedNote(namedtuple("ChangedNote", "kind card link earlier")):
    """What a note saying how an earlier entry changed needs: its ``kind`` (a note when the
    earlier entry's card is still in the decks, else a journal entry), that ``card`` (a deck
    card or ``None``), its ``link`` (``"entry:<uid>"``) and the ``earlier`` entry itself."""

    __slots__ = ()


class ResurfaceMixin:
    def resurfaced(self, *, waiting: bool = False) -> Resurfaced | None:
        """Today's entry from the past (the same all day), or ``None`` when nothing comes back.

        ``waiting``: only while it waits for an answer (the app's home): once it
        has one today, whichever, it is not shown again today, and an entry
        taken off the ladder (``never``) is never shown again.
        A journal that cannot be written just now still shows one (not kept; a notice says why).
        """
        store = self.store
        try:
            found = store.resurfaced(self.today())
        except StoreError as error:
            self.notice(error.message)
            found = store.resurfaced(self.today(), keep=False)
        if waiting and found is not None and (found.state.answer or found.state.retired):
            return None
        return found

    def answer_resurfaced(self, answer: str, uid: str | None = None) -> ChangedNote | None:
        """Answer today's entry from the past (or the one ``uid`` names, which came back before).

        Returns a :class:`ChangedNote` for ``changed``, else ``None``.
        """
        if answer not in ANSWERS:
            raise UsageError(t("resurface.bad_answer", answer=answer, known=", ".join(ANSWERS)))
        if uid is None:
            today = self.resurfaced()
            if today is None:
                raise NotFound(t("resurface.nothing_to_answer"))
            entry = today.entry
        else:
            entry = self.resolve(uid)
        try:
            self.store.answer_resurfaced(entry.uid, answer)
        except KeyError:
            raise NotFound(t("resurface.never_shown", uid=entry.short_uid)) from None
        if answer != Answer.CHANGED:
            return None
        card = None
        if entry.card is not None:
            card = self.library.card(entry.card.deck, entry.card.card)
        kind = EntryKind.NOTE if card is not None else EntryKind.JOURNAL
        return ChangedNote(kind, card, f"entry:{entry.uid}", entry)
