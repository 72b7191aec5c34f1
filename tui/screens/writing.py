"""What every screen that writes to the journal shares: drafts, the BSN check, safe saving.

A draft is saved a moment after the user stops typing and at least every few
seconds while they type, under a context such as ``note:deck/card``; the
next start offers it back after a crash or a closed terminal. Saving checks
for BSNs first, and a failed save (disk full, read-only folder) is a
notification that leaves the text where it is.
"""

from __future__ import annotations

import re
from typing import Any

from textual import on, work
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Button

from tui.i18n import t
from tui.screens.base import KaartScreen
from tui.textclean import strip_controls

DRAFT_IDLE = 1.5  # seconds after the last change
DRAFT_EVERY = 5.0  # seconds, at most, between drafts while typing


def parse_tags(text: str) -> list[str]:
    """``"#team, buurt  wmo"`` -> ``["team", "buurt", "wmo"]`` (order kept, no repeats)."""
    tags: list[str] = []
    for word in re.split(r"[,\s]+", strip_controls(text)):
        word = word.strip().lstrip("#")
        if word and word not in tags:
            tags.append(word)
    return tags


class WritingScreen(KaartScreen):
    """A screen with text to save. Subclasses give ``draft_text`` and ``store_entry``."""

    BINDINGS = [
        Binding("ctrl+s", "save", "app.key.save", priority=True),
        Binding("escape", "cancel", "app.key.cancel", priority=True),
    ]

    def __init__(self, draft_context: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.draft_context = draft_context
        self.dirty = False
        self._draft_due = False
        self._idle: Timer | None = None

    # -- for subclasses ----------------------------------------------------------
    def draft_text(self) -> str:
        """Everything typed, as one text (what a draft keeps)."""
        raise NotImplementedError

    def bsn_text(self) -> str:
        """The text to check for BSNs before saving."""
        return self.draft_text()

    def missing(self) -> str:
        """A message when something required is empty, else ``""``."""
        return "" if self.draft_text().strip() else t("app.write.empty")

    def store_entry(self, store: Any) -> Any:
        """Save to the journal (runs on the journal thread); returns the entry."""
        raise NotImplementedError

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
        """Save the draft now if the text changed since the last one."""
        if not self._draft_due:
            return
        self._draft_due = False
        self.keep_draft()

    def keep_draft(self) -> None:
        """Queue the draft on the journal thread (it is written before the app closes)."""
        context, text = self.draft_context, self.draft_text()
        future = self.session.db(lambda store: store.save_draft(context, text))
        future.add_done_callback(self._draft_done)

    def _draft_done(self, future) -> None:
        error = future.exception()
        if error is not None:
            message = t("app.write.draft_failed", error=getattr(error, "message", error))
            try:
                self.app.call_from_thread(self.show_error, message)
            except RuntimeError:  # already on the app's thread (the job had finished)
                self.show_error(message)

    def has_unsaved_text(self) -> bool:
        return self.dirty and bool(self.draft_text().strip())

    def form_buttons(self, *extra) -> Horizontal:
        """Save and Cancel (and ``extra`` widgets after them), for the bottom of the form."""
        return Horizontal(
            Button(Content(t("app.editor.save")), id="save", variant="primary", compact=True),
            Button(Content(t("app.editor.cancel")), id="cancel", compact=True),
            *extra, classes="form-buttons")

    # -- saving ------------------------------------------------------------------------
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self._save()

    @work(exclusive=True, group="save", exit_on_error=False)
    async def _save(self) -> None:
        problem = self.missing()
        if problem:
            self.show_error(problem)
            return
        from tui.journal.bsn import find_bsns

        found = find_bsns(self.bsn_text())
        if found:
            from tui.screens.confirm import ConfirmScreen

            ok = await self.app.push_screen_wait(ConfirmScreen(
                t("app.write.bsn_question", count=len(found)),
                detail=t("app.write.bsn_detail", numbers=", ".join(found)),
                yes=t("app.write.save_anyway"), no=t("app.write.keep_editing"), danger=True))
            if not ok:
                return
        from tui.journal.errors import StoreError

        context = self.draft_context

        def job(store):
            entry = self.store_entry(store)
            store.discard_draft(context)
            return entry

        try:
            entry = await self.db(job)
        except StoreError as error:
            self.show_error(t("app.write.not_saved", error=error.message))
            return
        except OSError as error:
            self.show_error(t("app.write.not_saved", error=error.strerror or error))
            return
        self.dirty = False
        self._draft_due = False
        self.show_info(t("app.write.saved"))
        self.saved(entry)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self.has_unsaved_text():
            if self.dirty:
                self.keep_draft()  # the text was emptied: an empty draft is removed
            self.dismiss(None)
            return
        from tui.screens.confirm import ConfirmScreen

        def answered(close: bool | None) -> None:
            if close:
                self.keep_draft()
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen(t("app.write.close_question"),
                                           detail=t("app.draft_kept"),
                                           yes=t("app.write.close"),
                                           no=t("app.keep_writing")), answered)
