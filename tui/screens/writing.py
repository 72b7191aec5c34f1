"""What every screen that writes to the journal shares: drafts, the BSN check, safe saving.

Drafts. Each writing session has its own draft (a row with its own id), so
two editors on one card, or an editor opened again after ``escape``, never
overwrite a draft someone kept. The draft holds every field of the form
(:meth:`WritingScreen.draft_fields`), so it comes back complete, in the form
it came from. It is queued on the journal thread a moment after the user
stops typing and at least every few seconds while they type; the queue is
worked off before the journal closes, also when the app quits.

Saving checks every field for BSNs first; the entry is saved and its draft
discarded in one transaction; a failed save (disk full, read-only folder)
is one notification that leaves the text where it is.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from textual import work
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Button

from tui.core.drafts import DraftContext
from tui.i18n import t
from tui.screens.base import KaartScreen

if TYPE_CHECKING:
    from textual.widget import Widget

    from tui.core.kaart import Kaart
    from tui.journal.model import Draft

DRAFT_IDLE = 1.5  # seconds after the last change
DRAFT_EVERY = 5.0  # seconds, at most, between drafts while typing


class DraftSlot:
    """The id of this writing session's draft, set on the journal thread by the first save.

    Every job that touches it runs on that one thread, in order, so a second
    save sees the id the first one got: no draft is ever written twice.
    """

    __slots__ = ("id",)

    def __init__(self, draft_id: int | None = None) -> None:
        self.id = draft_id


class WritingScreen(KaartScreen):
    """A screen with text to save. Subclasses give ``draft_fields``, ``bsn_texts`` and ``store``."""

    BINDINGS = [
        Binding("ctrl+s", "save", "app.key.save", priority=True),
        Binding("escape", "cancel", "app.key.cancel", priority=True),
    ]

    def __init__(self, context: DraftContext, *, draft: Draft | None = None,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.context = context
        self.slot = DraftSlot(draft.id if draft is not None else None)
        self.dirty = draft is not None
        self._draft_due = False
        self._idle: Timer | None = None

    # -- for subclasses ----------------------------------------------------------
    def draft_fields(self) -> dict:
        """Every field of the form, as a draft keeps them."""
        raise NotImplementedError

    def bsn_texts(self) -> list[str]:
        """Every text to check for BSNs before saving (title, body, tags, answers...)."""
        fields = self.draft_fields()
        texts = [str(fields.get(key) or "") for key in ("title", "body", "outcome")]
        texts += [str(item) for key in ("tags", "answers") for item in fields.get(key) or []]
        return texts

    def has_text(self) -> bool:
        fields = self.draft_fields()
        return any(str(value).strip() for key, value in fields.items()
                   if key in ("title", "body", "outcome")) or any(
            str(item).strip() for item in fields.get("answers") or [])

    def missing(self) -> str:
        """A message when something required is empty, else ``""``."""
        return "" if self.has_text() else t("app.write.empty")

    def store(self, core: Kaart, draft: int | None) -> Any:
        """Save (runs on the journal thread); discard ``draft`` in the same transaction."""
        raise NotImplementedError

    def take(self, field: Widget) -> None:
        """Read one field's value (a ``TextArea`` or an ``Input``) into the form's state, and
        call :meth:`text_changed` when it changed. Every ``Changed`` handler and
        :meth:`read_form` go through here."""

    def read_form(self) -> None:
        """Bring the form's state up to what its fields hold now. A key typed just before
        ``ctrl+s`` or ``escape`` (over a slow link they arrive together) is in its field
        before its ``Changed`` message is handled: what is saved is what is on the screen."""
        for field in self.query("TextArea, Input"):
            self.take(field)

    def after_keys(self, callback) -> None:
        """Run ``callback`` once the focused field has handled the keys that came before: a
        burst of text and ``ctrl+s`` arrives at the app at once, but the text is still in
        the field's queue when the app sees ``ctrl+s``."""
        focused = self.focused
        if focused is not None:
            focused.call_later(callback)
        else:
            callback()

    def saved_text(self, entry: Any) -> str:
        """What the user is told once it is saved."""
        return t("app.write.saved")

    def saved(self, entry: Any) -> None:
        """After a successful save: by default close the screen with the entry."""
        self.dismiss(entry)

    # -- drafts ---------------------------------------------------------------------
    def on_mount(self) -> None:
        self.set_interval(DRAFT_EVERY, self.flush_draft)

    def text_changed(self) -> None:
        """Call on every change of the text."""
        self.dirty = True
        self._draft_due = True
        if self._idle is not None:
            self._idle.stop()
        self._idle = self.set_timer(DRAFT_IDLE, self.flush_draft)

    def flush_draft(self) -> None:
        """Keep the draft now if the text changed since the last one."""
        if not self._draft_due:
            return
        self._draft_due = False
        self.keep_draft()

    def keep_draft(self, *, report: bool = True) -> None:
        """Queue the draft on the journal thread now (it is written before the journal closes)."""
        context, fields, slot = self.context, self.draft_fields(), self.slot

        def job(core: Kaart) -> None:
            slot.id = core.save_draft(context, fields, slot.id)

        future = self.app.runner.submit(job)  # type: ignore[attr-defined]
        if report:
            self._report_draft(future)

    def on_unmount(self) -> None:
        """However the screen goes (the app quits, the terminal closes), unsaved text is kept."""
        self.read_form()
        if self.has_unsaved_text():
            self.keep_draft(report=False)

    @work(group="draft", exit_on_error=False)
    async def _report_draft(self, future) -> None:
        """Wait for a queued draft; a failure becomes a notification (via the worker handler)."""
        await asyncio.wrap_future(future)

    def discard_draft(self) -> None:
        slot = self.slot

        def job(core: Kaart) -> None:
            if slot.id is not None:
                core.discard_draft(slot.id)
                slot.id = None

        self._report_draft(self.app.runner.submit(job))  # type: ignore[attr-defined]

    def has_unsaved_text(self) -> bool:
        self.read_form()
        return self.dirty and self.has_text()

    def form_buttons(self, *extra) -> Horizontal:
        """Save and Cancel (and ``extra`` widgets after them), for the bottom of the form."""
        return Horizontal(
            Button(Content(t("app.editor.save")), id="save", action="screen.save",
                   variant="primary", compact=True),
            Button(Content(t("app.editor.cancel")), id="cancel", action="screen.cancel",
                   compact=True),
            *extra, classes="form-buttons")

    # -- saving ------------------------------------------------------------------------
    def action_save(self) -> None:
        self.after_keys(self._save)

    @work(exclusive=True, group="save", exit_on_error=False)
    async def _save(self) -> None:
        self.read_form()
        problem = self.missing()
        if problem:
            self.show_missing(problem)
            return
        from tui.journal.bsn import find_bsns

        found = [number for text in self.bsn_texts() for number in find_bsns(text)]
        if found:
            ok = await self.app.confirm(  # type: ignore[attr-defined]
                t("app.write.bsn_question", count=len(found)),
                detail=t("app.write.bsn_detail", numbers=", ".join(found)),
                yes=t("app.write.save_anyway"), no=t("app.write.keep_editing"), danger=True)
            if not ok:
                return
        slot = self.slot

        def job(core: Kaart):
            entry = self.store(core, slot.id)
            slot.id = None
            return entry

        entry = await self.call(job)
        self.dirty = False
        self._draft_due = False
        self.show_info(self.saved_text(entry))
        self.saved(entry)

    def action_cancel(self) -> None:
        self.after_keys(self._cancel)

    @work(exclusive=True, group="cancel", exit_on_error=False)
    async def _cancel(self) -> None:
        self.read_form()
        if not self.has_unsaved_text():
            if self.dirty:
                self.discard_draft()  # the text was emptied: nothing worth keeping
            self.dismiss(None)
            return
        choice = await self.app.ask_close()  # type: ignore[attr-defined]
        if choice == "save":
            self.action_save()
        elif choice == "keep":
            self.keep_draft()
            self.dirty = False
            self.dismiss(None)
        elif choice == "discard":
            self.discard_draft()
            self.dirty = False
            self.dismiss(None)
