"""One journal entry in full: when, kind, card, tags, text, outcome, and its earlier versions."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Static

from tui.dates import format_date, format_datetime
from tui.i18n import get_language, t
from tui.screens.base import KaartScreen
from tui.widgets.entry_row import card_text
from tui.widgets.header import KaartHeader
from tui.widgets.plain import plain, plain_line


def entry_content(entry: Any, deck_title: str = "", card_text: str = "", *,
                  today: date | None = None) -> Content:
    """The whole entry as plain content (``deck_title``: the title of the card's deck;
    ``card_text``: the card's text in the current language, else the text kept with it)."""
    lang = get_language()
    head = [Content.assemble((format_datetime(entry.created, lang), "$text-muted"), "  ",
                             (t("app.entry_kind." + entry.kind), "bold $text-accent"))]
    if entry.starred:
        head.append(Content.styled(t("app.entry.star_mark"), "bold $text-warning"))
    if entry.updated and entry.updated != entry.created:
        head.append(Content.styled(t("app.entry.updated",
                                     when=format_datetime(entry.updated, lang)), "$text-muted"))
    parts = [Content("  ").join(head)]
    if entry.title:
        parts.append(plain(entry.title, "bold"))
    if entry.card is not None:
        parts.append(Content.assemble((t("app.entry.card") + " ", "$text-muted"),
                                      plain(card_text or entry.card.text, "italic"), "  ",
                                      plain_line(f"({deck_title or entry.card.deck})",
                                                 "$text-muted")))
    if entry.tags:
        parts.append(plain_line(" ".join(f"#{tag}" for tag in entry.tags), "$text-secondary"))
    parts.append(plain(entry.body) if entry.body else Content.styled(t("app.entry.empty"),
                                                                     "italic $text-muted"))
    if entry.kind == "decision":
        if entry.outcome:
            when = format_datetime(entry.outcome_at, lang) if entry.outcome_at else ""
            parts.append(Content.assemble((t("app.entry.outcome") + f" {when}", "bold")))
            parts.append(plain(entry.outcome))
        else:
            parts.append(Content.styled(t("app.entry.no_outcome"), "italic $text-warning"))
            if entry.look_back is not None:
                # its day come (or gone): home asks now; still ahead: the day it will
                key = ("app.entry.look_back_due" if today is not None and entry.look_back <= today
                       else "app.entry.look_back")
                parts.append(Content.styled(t(key, when=format_date(entry.look_back, lang)),
                                            "$text-muted"))
            else:
                parts.append(Content.styled(t("app.entry.no_look_back"), "$text-muted"))
    return Content("\n\n").join(parts)


class EntryScreen(KaartScreen):
    """Read an entry; ``e`` edits it (the old version is kept), ``delete`` moves it to the trash."""

    TITLE_KEY = "app.entry.title"
    BINDINGS = [
        Binding("e", "edit", "app.key.edit"),
        Binding("delete,x", "delete", "app.key.delete", key_display="del"),
        Binding("c", "open_card", "app.key.open_card"),
        Binding("o", "outcome", "app.key.outcome"),
        Binding("v", "versions", "app.key.versions"),
        Binding("r", "restore_version", "app.key.restore_version"),
        Binding("s", "star", "app.key.star"),
        Binding("escape", "back", "app.key.back"),
    ]

    def __init__(self, uid: str) -> None:
        super().__init__(id="entry")
        self.uid = uid
        self.entry: Any = None
        self.show_versions = False

    def compose(self) -> ComposeResult:
        yield KaartHeader()
        with VerticalScroll(id="entry-body"):
            yield Static(Content(t("app.loading")), id="entry-text")
            yield Static(Content(""), id="entry-versions")
        with Horizontal(classes="form-buttons", id="entry-buttons"):
            yield Button(Content(t("app.entry.edit")), id="edit", action="screen.edit",
                         compact=True)
            yield Button(Content(t("app.entry.delete")), id="delete", action="screen.delete",
                         compact=True, variant="error")
            yield Button(Content(t("app.entry.open_card")), id="open-card", action="screen.open_card",
                         compact=True)
            yield Button(Content(t("app.entry.set_outcome")), id="outcome", action="screen.outcome",
                         compact=True)
        yield Footer(compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        entry = self.entry
        if action == "open_card":
            return entry is not None and entry.card is not None
        if action == "outcome":
            return entry is not None and entry.kind == "decision"
        if action == "restore_version":
            return self.show_versions  # offered once the earlier versions are shown
        return True

    def reload(self) -> None:
        self._load()

    def on_screen_resume(self) -> None:
        if self.entry is not None:
            self._load()

    @work(exclusive=True, group="load", exit_on_error=False)
    async def _load(self) -> None:
        uid = self.uid
        want_versions = self.show_versions
        entry, versions = await self.call(
            lambda core: (core.entry(uid), core.history(uid) if want_versions else []))
        self.entry = entry
        if entry is None:
            self.query_one("#entry-text", Static).update(Content(t("app.entry.gone")))
            return
        library = self.core.library
        deck = library.get(entry.card.deck) if entry.card is not None else None
        text = card_text(entry.card, library) if entry.card is not None else ""
        self.query_one("#entry-text", Static).update(
            entry_content(entry, deck.title if deck else "", text, today=self.core.today()))
        self.query_one("#open-card").display = entry.card is not None
        self.query_one("#outcome").display = entry.kind == "decision"
        self._show_versions(versions)
        self.refresh_bindings()

    def _show_versions(self, versions: list) -> None:
        widget = self.query_one("#entry-versions", Static)
        if not self.show_versions:
            widget.update(Content(""))
            return
        if not versions:
            widget.update(Content.styled(t("app.entry.no_versions"), "italic $text-muted"))
            return
        lang = get_language()
        parts = [Content.styled(t("app.entry.versions", count=len(versions)), "bold")]
        for version in versions:
            parts.append(Content.assemble(  # a list of versions: the short date
                (format_datetime(version.updated, lang, short=True), "$text-muted"), "  ",
                plain_line(version.title, "bold"), "\n", plain(version.body)))
        widget.update(Content("\n\n").join(parts))

    # -- actions -----------------------------------------------------------------------------
    def action_edit(self) -> None:
        if self.entry is not None:
            self.app.edit_entry(self.entry)

    def action_delete(self) -> None:
        if self.entry is not None:
            self._delete()

    @work(exclusive=True, group="delete", exit_on_error=False)
    async def _delete(self) -> None:
        uid = self.uid
        await self.call(lambda core: core.delete(uid))
        self.app.refresh_bindings()
        self.show_info(t("app.entry.deleted"), timeout=8)
        self.dismiss(uid)

    def action_open_card(self) -> None:
        entry = self.entry
        if entry is not None and entry.card is not None:
            self.app.open_card_in_deck(entry.card.deck, entry.card.card)

    def action_outcome(self) -> None:
        entry = self.entry
        if entry is not None and entry.kind == "decision":
            self.app.open_outcome(entry.uid)

    def action_versions(self) -> None:
        self.show_versions = not self.show_versions
        self.refresh_bindings()
        self._load()

    def action_restore_version(self) -> None:
        if self.entry is not None:
            self._restore_version()

    @work(exclusive=True, group="versions", exit_on_error=False)
    async def _restore_version(self) -> None:
        """Choose an earlier version and make it the current one (the current is kept too)."""
        from tui.screens.dialogs.choice import ChoiceDialog

        uid = self.uid
        versions = await self.call(lambda core: core.history(uid))
        if not versions:
            self.show_info(t("app.entry.no_versions"))
            return
        lang = get_language()
        options = [Content.assemble((format_datetime(version.updated, lang, short=True),
                                     "$text-muted"), "  ",
                                    plain_line((version.title or version.body)[:120]))
                   for version in versions]
        chosen = await self.app.push_screen_wait(ChoiceDialog(t("app.entry.pick_version"),
                                                              options))
        if chosen is None:
            return
        version = versions[chosen]
        await self.call(lambda core: core.update_entry(uid, body=version.body, title=version.title,
                                                       tags=version.tags))
        self.show_info(t("app.entry.version_restored"))
        self._load()

    def action_star(self) -> None:
        if self.entry is not None:
            self._star()

    @work(exclusive=True, group="star", exit_on_error=False)
    async def _star(self) -> None:
        uid, starred = self.uid, not self.entry.starred
        await self.call(lambda core: core.set_starred(uid, starred))
        self.show_info(t("app.entry.starred" if starred else "app.entry.unstarred"), timeout=2)
        self._load()

    def action_back(self) -> None:
        self.dismiss(None)
