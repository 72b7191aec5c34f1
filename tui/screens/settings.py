"""Settings: language (at once), theme, default deck, where the data lives, backup and export."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Footer, Select, Static

from tui import paths
from tui.errors import KaartError
from tui.i18n import t
from tui.screens.base import KaartScreen
from tui.widgets.header import KaartHeader
from tui.widgets.panel import Panel
from tui.widgets.plain import plain_line
from tui.widgets.plain_input import PlainInput

LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
EXPORT_FORMATS = ("markdown", "json")


# Textual's own themes, ours to name; the others keep their makers' names.
OWN_THEMES = {"textual-dark": "app.settings.theme_default_dark",
              "textual-light": "app.settings.theme_default_light",
              "ansi-dark": "app.settings.theme_ansi_dark",
              "ansi-light": "app.settings.theme_ansi_light"}


def theme_options(themes: dict) -> list[tuple[Content, str]]:
    """Every theme by a readable name in the user's language, saying whether it is light or
    dark once: "Donker", "Solarized (donker)", "De kleuren van je terminal (licht)"."""
    options = []
    own = list(OWN_THEMES)
    for name in sorted(themes, key=lambda n: (own.index(n) if n in own else len(own),
                                              not themes[n].dark, n)):
        if name in OWN_THEMES:
            label = t(OWN_THEMES[name])
        else:
            words = [word for word in name.split("-") if word not in ("dark", "light")]
            pretty = " ".join(word.capitalize() for word in words) or name
            label = t("app.settings.theme_dark" if themes[name].dark
                      else "app.settings.theme_light", name=pretty)
        options.append((Content(label), name))
    return options


class SettingsScreen(KaartScreen):
    TITLE_KEY = "app.settings.title"
    BINDINGS = [Binding("escape", "back", "app.key.back")]

    def compose(self) -> ComposeResult:
        core = self.core
        settings = core.settings
        library = core.library
        yield KaartHeader()
        with Panel(id="settings-body", classes="form"):
            yield Static(Content(t("app.settings.language")), classes="field-label")
            yield Select([(Content(name), code) for code, name in LANGUAGE_NAMES.items()],
                         value=core.language, allow_blank=False, id="language")
            yield Static(Content(t("app.settings.theme")), classes="field-label")
            yield Select(theme_options(self.app.available_themes), value=self.app.theme,
                         allow_blank=False, id="theme")
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
        return Path.home() / f"kaart-{self.core.today().isoformat()}{suffix}"

    # -- changes ----------------------------------------------------------------------------
    @on(Select.Changed, "#language")
    async def _language(self, event: Select.Changed) -> None:
        value = str(event.value)
        if value != self.core.language:
            try:
                await self.app.switch_language(value)  # type: ignore[attr-defined]
            except KaartError as error:
                self.show_error(error.message)

    @on(Select.Changed, "#theme")
    def _theme(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL and event.value != self.app.theme:
            self.app.theme = str(event.value)

    @on(Select.Changed, "#default-deck")
    def _default_deck(self, event: Select.Changed) -> None:
        value = "" if event.value is Select.NULL else str(event.value)
        settings = self.core.settings
        if value == settings.default_deck:
            return
        settings.default_deck = value
        try:
            self.core.save_settings()
        except KaartError as error:
            self.show_error(error.message)
            return
        self.show_info(t("app.settings.saved"))

    @on(Button.Pressed, "#backup")
    def _backup(self) -> None:
        self.backup()

    @work(exclusive=True, group="backup", exit_on_error=False)
    async def backup(self) -> None:
        path = await self.call(lambda core: core.backup())
        self.show_info(t("app.settings.backup_done", path=path), timeout=8)

    @on(Button.Pressed, "#export-markdown")
    def _export_markdown(self) -> None:
        self.export("markdown")

    @on(Button.Pressed, "#export-json")
    def _export_json(self) -> None:
        self.export("json")

    @work(exclusive=True, group="export", exit_on_error=False)
    async def export(self, fmt: str) -> None:
        field = self.query_one("#export-path", PlainInput)
        target = Path(field.value.strip() or str(self._export_path(fmt))).expanduser()
        suffixes = (".md", ".markdown") if fmt == "markdown" else (".json",)
        if target.suffix.lower() not in suffixes:
            target = target.with_suffix(suffixes[0])
        replace = False
        if target.exists():
            replace = await self.app.confirm(t("app.settings.export_exists", path=target),
                                             yes=t("app.settings.replace"), no=t("app.no"),
                                             danger=True)
            if not replace:
                return

        def job(core):
            exported = core.export("json" if fmt == "json" else "md")
            core.write_output(target, exported.text, force=replace)
            return exported

        exported = await self.call(job)
        field.value = str(target)
        self.show_info(t("app.settings.export_done", count=exported.entries, path=target),
                       timeout=8)
        if exported.with_bsn:
            self.app.notify(t("app.settings.export_bsn", count=exported.with_bsn),
                            severity="warning", markup=False, timeout=10)

    def action_back(self) -> None:
        self.dismiss(None)
