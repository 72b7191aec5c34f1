"""Settings: language (at once), theme, default deck, where the data lives, backup and export."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Select, Static

from tui import paths
from tui.i18n import t
from tui.screens.base import KaartScreen
from tui.widgets.plain import plain_line
from tui.widgets.plain_input import PlainInput

LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
EXPORT_FORMATS = ("markdown", "json")


class SettingsScreen(KaartScreen):
    TITLE_KEY = "app.settings.title"
    BINDINGS = [Binding("escape", "back", "app.key.back")]

    def compose(self) -> ComposeResult:
        session = self.session
        settings = session.settings
        library = session.library
        yield Header(icon="◆")
        with VerticalScroll(id="settings-body", classes="form"):
            yield Static(Content(t("app.settings.language")), classes="field-label")
            yield Select([(Content(name), code) for code, name in LANGUAGE_NAMES.items()],
                         value=session.language, allow_blank=False, id="language")
            yield Static(Content(t("app.settings.theme")), classes="field-label")
            yield Select([(Content(name), name) for name in sorted(self.app.available_themes)],
                         value=self.app.theme, allow_blank=False, id="theme")
            yield Static(Content(t("app.settings.default_deck")), classes="field-label")
            yield Select([(plain_line(deck.title), deck.id) for deck in library.decks],
                         prompt=t("app.settings.all_decks"), id="default-deck",
                         value=settings.default_deck if library.get(settings.default_deck)
                         else Select.NULL)
            yield Static(Content(t("app.settings.data")), classes="section-title")
            yield Static(self._where(), id="where")
            with Horizontal(classes="form-buttons"):
                yield Button(Content(t("app.settings.backup")), id="backup")
            yield Static(Content(t("app.settings.export")), classes="section-title")
            yield PlainInput(str(self._export_path("markdown")), id="export-path")
            with Horizontal(classes="form-buttons"):
                yield Button(Content(t("app.settings.export_markdown")), id="export-markdown")
                yield Button(Content(t("app.settings.export_json")), id="export-json")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#language", Select).focus()

    def _where(self) -> Content:
        rows = [("app.settings.where_journal", paths.database_path(create_dir=False)),
                ("app.settings.where_settings", paths.settings_path(create_dir=False)),
                ("app.settings.where_decks", paths.own_decks_dir(create=False)),
                ("app.settings.where_backups", paths.backups_dir(create=False))]
        lines = [Content.assemble((f"{t(key)}: ", "$text-muted"), plain_line(str(path)))
                 for key, path in rows]
        return Content("\n").join(lines)

    def _export_path(self, fmt: str) -> Path:
        suffix = ".md" if fmt == "markdown" else ".json"
        return Path.home() / f"kaart-{self.session.today().isoformat()}{suffix}"

    # -- changes ----------------------------------------------------------------------------
    @on(Select.Changed, "#language")
    async def _language(self, event: Select.Changed) -> None:
        value = str(event.value)
        if value != self.session.language:
            try:
                await self.app.switch_language(value)  # type: ignore[attr-defined]
            except OSError as error:
                self.show_error(t("app.settings.not_saved", error=error.strerror or error))

    @on(Select.Changed, "#theme")
    def _theme(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL and event.value != self.app.theme:
            self.app.theme = str(event.value)

    @on(Select.Changed, "#default-deck")
    def _default_deck(self, event: Select.Changed) -> None:
        value = "" if event.value is Select.NULL else str(event.value)
        settings = self.session.settings
        if value == settings.default_deck:
            return
        settings.default_deck = value
        try:
            self.session.save_settings()
        except OSError as error:
            self.show_error(t("app.settings.not_saved", error=error.strerror or error))
            return
        self.show_info(t("app.settings.saved"))

    @on(Button.Pressed, "#backup")
    def _backup(self) -> None:
        self.backup()

    @work(exclusive=True, group="backup", exit_on_error=False)
    async def backup(self) -> None:
        from tui.journal.errors import StoreError

        try:
            path = await self.db(lambda store: store.backup())
        except StoreError as error:
            self.show_error(error.message)
            return
        self.show_info(t("app.settings.backup_done", path=path), timeout=8)

    @on(Button.Pressed, "#export-markdown")
    def _export_markdown(self) -> None:
        self.export("markdown")

    @on(Button.Pressed, "#export-json")
    def _export_json(self) -> None:
        self.export("json")

    @work(exclusive=True, group="export", exit_on_error=False)
    async def export(self, fmt: str) -> None:
        from tui.journal.errors import StoreError
        from tui.screens.confirm import ConfirmScreen

        field = self.query_one("#export-path", PlainInput)
        target = Path(field.value.strip() or str(self._export_path(fmt))).expanduser()
        suffixes = (".md", ".markdown") if fmt == "markdown" else (".json",)
        if target.suffix.lower() not in suffixes:
            target = target.with_suffix(suffixes[0])
        if target.exists():
            replace = await self.app.push_screen_wait(ConfirmScreen(
                t("app.settings.export_exists", path=target), yes=t("app.settings.replace"),
                no=t("app.no"), danger=True))
            if not replace:
                return
        from tui.fileio import atomic_write
        from tui.journal import export as exporting

        lang = self.session.language

        def job(store):
            entries = store.entries()
            if fmt == "json":
                text = exporting.to_json(entries, store.draws())
            else:
                text = exporting.to_markdown(entries, lang=lang)
            atomic_write(target, text)  # 0600: the journal is private
            return len(entries), sum(1 for entry in entries if exporting.has_bsn(entry))

        try:
            count, with_bsn = await self.db(job)
        except StoreError as error:
            self.show_error(error.message)
            return
        except OSError as error:
            self.show_error(t("app.settings.export_failed", path=target,
                              error=error.strerror or error))
            return
        field.value = str(target)
        self.show_info(t("app.settings.export_done", count=count, path=target), timeout=8)
        if with_bsn:
            self.app.notify(t("app.settings.export_bsn", count=with_bsn), severity="warning",
                            markup=False, timeout=10)

    def action_back(self) -> None:
        self.dismiss(None)
