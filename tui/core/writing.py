"""Writing: entries, notes on cards, decisions and their outcomes, drafts, text that must not be lost.

Every save is one transaction that also discards the draft it came from, so
after a crash there is either the entry or the draft, never both and never
neither. When the journal cannot take a text at all, :meth:`keep_unsaved`
puts it somewhere safe and says where.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tui.core.drafts import DraftContext
from tui.errors import KaartError, NotFound, StoreError
from tui.i18n import t
from tui.vocabulary import EntryKind

TYPE_CHECKING = False  # typing costs a few ms to import on every command; annotations only
if TYPE_CHECKING:
    from tui.decks.model import Card
    from tui.journal.model import Draft, Entry

LOOK_BACK_DAYS = 14  # a decision asks for its outcome after two weeks, unless the user says otherwise


class EmptyEntry(KaartError):
    """A save with nothing in it."""


class WritingMixin:
    # -- entries ------------------------------------------------------------------
    def save_entry(self, kind: str, body: str, *, title: str = "", card: Card | None = None,
                   tags=(), draft: int | None = None, look_back: date | None = None,
                   link: str = "", discard_context: DraftContext | None = None) -> Entry:
        """A new journal entry, note on ``card``, or decision; ``draft`` is discarded with it
        (and every draft of ``discard_context``, in the same transaction)."""
        from tui.journal.model import CardRef

        try:
            return self.store.add_entry(kind, body, title=title,
                                        card=CardRef.of(card) if card is not None else None,
                                        tags=tags, discard_draft=draft, look_back=look_back,
                                        link=link, discard_context=_context(discard_context))
        except ValueError:
            raise EmptyEntry(t("cli.journal.write.empty")) from None

    def update_entry(self, uid: str, *, body: str | None = None, title: str | None = None,
                     tags=None, draft: int | None = None,
                     discard_context: DraftContext | None = None) -> Entry:
        """Change an entry (the earlier version is kept); ``draft`` and every draft of
        ``discard_context`` are discarded in the same transaction."""
        try:
            return self.store.update_entry(uid, body=body, title=title, tags=tags,
                                           discard_draft=draft,
                                           discard_context=_context(discard_context))
        except KeyError:
            raise NotFound(t("cli.journal.no_entry", uid=uid[:8])) from None
        except ValueError:
            raise EmptyEntry(t("cli.journal.write.empty")) from None

    def default_look_back(self) -> date:
        return self.today() + timedelta(days=LOOK_BACK_DAYS)

    def record_decision(self, decision: str, reflection: str, *, card: Card | None,
                        draft: int | None = None, look_back: date | None | bool = True,
                        tags=()) -> Entry:
        """Before a decision: the decision (its one line), the card drawn, the reflection.

        ``look_back``: a day to ask how it turned out; ``True`` for the default
        (two weeks from today); ``None`` or ``False`` for no reminder.
        """
        if not decision.strip():
            raise EmptyEntry(t("app.decision.need_decision"))
        day = self.default_look_back() if look_back is True else (look_back or None)
        return self.save_entry(EntryKind.DECISION, reflection, title=decision, card=card,
                               tags=tags, draft=draft, look_back=day)

    def set_outcome(self, uid: str, outcome: str, *, draft: int | None = None) -> Entry:
        try:
            return self.store.set_outcome(uid, outcome, discard_draft=draft)
        except KeyError:
            raise NotFound(t("cli.journal.no_entry", uid=uid[:8])) from None
        except ValueError:
            raise KaartError(t("cli.journal.outcome.not_a_decision", uid=uid[:8])) from None

    def set_look_back(self, uid: str, day: date | None) -> Entry:
        try:
            return self.store.set_look_back(uid, day)
        except KeyError:
            raise NotFound(t("cli.journal.no_entry", uid=uid[:8])) from None
        except ValueError:
            raise KaartError(t("cli.journal.outcome.not_a_decision", uid=uid[:8])) from None

    def set_starred(self, uid: str, starred: bool) -> Entry:
        try:
            return self.store.set_starred(uid, starred)
        except KeyError:
            raise NotFound(t("cli.journal.no_entry", uid=uid[:8])) from None

    # -- drafts -------------------------------------------------------------------------
    def save_draft(self, context: DraftContext, fields: dict, draft: int | None = None) -> int | None:
        """Keep what is being typed; returns the draft's id (``None`` when nothing is left)."""
        return self.store.save_draft(str(context), fields, draft)

    def drafts(self, context: DraftContext | None = None) -> list[Draft]:
        return self.store.drafts(str(context) if context is not None else None)

    def draft(self, key: str) -> Draft:
        """A draft by its number, or by its context when only one draft has it."""
        store = self.store
        if key.isdigit():
            found = store.get_draft(int(key))
            if found is not None:
                return found
        else:
            matching = store.drafts(str(DraftContext.parse(key)))
            if len(matching) == 1:
                return matching[0]
            if len(matching) > 1:
                raise NotFound(t("cli.journal.drafts.ambiguous", context=key,
                                 count=len(matching)))
        raise NotFound(t("cli.journal.drafts.missing", context=key))

    def discard_draft(self, draft_id: int) -> None:
        self.store.discard_draft(draft_id)

    # -- when the journal cannot take it ------------------------------------------------
    def keep_unsaved(self, context: DraftContext, fields: dict, error: StoreError | None,
                     *, raw: bytes | None = None) -> tuple[str, str]:
        """Put text that could not be saved somewhere safe: ``(how, where)``.

        ``how`` is ``"draft"`` (the journal took it as a draft), ``"file"`` (a
        private file beside the journal) or ``"print"`` (nowhere on this disk:
        the caller must show it). ``raw`` is kept byte for byte in the file
        (text that is not UTF-8 cannot go into the journal at all).
        """
        if raw is None and (error is None or error.reason not in (
                "locked", "read_only", "newer", "replaced", "in_use", "link")):
            try:
                draft_id = self.save_draft(context, fields)
                return "draft", str(draft_id)
            except KaartError:
                pass  # the database cannot take it either: try a file
        payload = raw if raw is not None else _fields_text(fields).encode("utf-8")
        try:
            return "file", str(_unsaved_file(payload, self.now()))
        except (OSError, KaartError):
            return "print", ""  # no room anywhere on this disk: the terminal is the last safe place


def _context(context: DraftContext | None) -> str | None:
    return str(context) if context is not None else None


def _fields_text(fields: dict) -> str:
    parts = [fields.get("title") or "", fields.get("body") or ""]
    parts += [answer for answer in fields.get("answers") or [] if answer]
    return "\n\n".join(part for part in parts if part).rstrip() + "\n"


def _unsaved_file(payload: bytes, moment) -> Path:
    from tui import paths
    from tui.fileio import atomic_write

    target = paths.data_dir() / f"unsaved-{moment:%Y%m%d-%H%M%S-%f}.txt"
    atomic_write(target, payload, overwrite=False)
    return target
