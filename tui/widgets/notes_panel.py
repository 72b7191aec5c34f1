"""Every note written on one card, newest first; a click on a note opens it."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from tui.dates import format_datetime
from tui.i18n import get_language, t
from tui.widgets.plain import plain, plain_line


class NoteItem(Static, can_focus=True):
    """One note: when, its title or tags, and the text."""

    def __init__(self, entry) -> None:
        lang = get_language()
        # a list of notes: the short date, as in every list
        head = Content.assemble((format_datetime(entry.created, lang, short=True),
                                 "bold $text-accent"))
        if entry.title:
            head = head.append("  ").append(plain_line(entry.title, "bold"))
        if entry.tags:
            head = head.append(Content.styled("  " + " ".join(f"#{tag}" for tag in entry.tags),
                                              "$text-muted"))
        body = plain(entry.body)
        if entry.outcome:
            body = body.append("\n").append(Content.styled(t("app.entry.outcome") + ": ", "bold"))
            body = body.append(plain(entry.outcome))
        super().__init__(Content("\n").join([head, body]), classes="note")
        self.uid = entry.uid

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(NotesPanel.Opened(self.uid))

    def key_enter(self) -> None:
        self.post_message(NotesPanel.Opened(self.uid))


class NotesPanel(VerticalScroll):
    """The notes on a card; ``set_notes`` replaces them."""

    @dataclass
    class Opened(Message):
        """A note was chosen (click or enter)."""

        uid: str

    def set_notes(self, entries: list) -> None:
        self.remove_children()
        if not entries:
            self.mount(Static(Content(t("app.card.no_notes")), classes="hint"))
            return
        self.mount_all([NoteItem(entry) for entry in entries])
