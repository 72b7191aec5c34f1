"""Keeping the journal: delete and undo, the trash, export, import, backup and restore.

Every file this writes for the user (``-o FILE``, the app's export) goes
through :func:`tui.fileio.write_output_file`: atomically, never over an
existing file without ``force``, and never onto the journal, its companions,
the backups, the settings or the deck cache, whatever the name or link.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date
from pathlib import Path

from tui.errors import KaartError, NotFound, OutputError
from tui.i18n import t

TYPE_CHECKING = False  # typing costs a few ms to import on every command; annotations only
if TYPE_CHECKING:
    from tui.journal.importer import ImportResult
    from tui.journal.model import Entry


# the text, how many entries, and how many hold a number that passes the BSN test (0 when masked)
Exported = namedtuple("Exported", "text entries with_bsn")


class KeepingMixin:
    # -- finding entries --------------------------------------------------------------
    def resolve(self, prefix: str, *, in_trash: bool = False) -> Entry:
        """The one entry whose id starts with ``prefix``."""
        found = self.store.find(prefix, in_trash=in_trash)
        if not found:
            key = "cli.journal.not_in_trash" if in_trash else "cli.journal.no_entry"
            raise NotFound(t(key, uid=prefix))
        if len(found) > 1:
            raise NotFound(t("cli.journal.ambiguous", uid=prefix))
        return found[0]

    # -- delete, undo, trash ----------------------------------------------------------
    def delete(self, uid: str) -> None:
        """Move an entry to the trash; :meth:`undo_delete` brings the last one back."""
        try:
            self.store.delete_entry(uid)
        except KeyError:
            raise NotFound(t("cli.journal.no_entry", uid=uid[:8])) from None
        self.last_deleted = uid

    @property
    def can_undo(self) -> bool:
        return self.last_deleted is not None

    def undo_delete(self) -> str | None:
        """Bring back the entry deleted last (this run); its uid, or ``None``."""
        uid = self.last_deleted
        if uid is None:
            return None
        self.restore_from_trash(uid)
        return uid

    def restore_from_trash(self, uid: str) -> None:
        try:
            self.store.restore_entry(uid)
        except KeyError:
            raise NotFound(t("cli.journal.not_in_trash", uid=uid[:8])) from None
        if self.last_deleted == uid:
            self.last_deleted = None

    def empty_trash(self) -> int:
        removed = self.store.empty_trash()
        self.last_deleted = None
        return removed

    # -- export -------------------------------------------------------------------------
    def export(self, fmt: str, *, date_from: date | None = None, date_to: date | None = None,
               mask: bool = False) -> Exported:
        """The journal as Markdown (``md``) or JSON, with the draws and the ladder of past
        reflections (JSON only)."""
        from tui.journal import export

        store = self.store
        entries = store.entries(date_from, date_to)
        if fmt == "json":
            text = export.to_json(entries, store.draws(date_from, date_to), mask=mask,
                                  ladder=store.ladder_states())
        else:
            text = export.to_markdown(entries, lang=self.language, mask=mask)
        with_bsn = 0 if mask else sum(1 for entry in entries if export.has_bsn(entry))
        return Exported(text, len(entries), with_bsn)

    def write_output(self, target: Path, data: str | bytes, *, force: bool = False,
                     mode: int = 0o600) -> Path:
        """Write a user's output file safely (see the module docstring)."""
        from tui import paths
        from tui.fileio import write_output_file

        write_output_file(target, data, force=force, mode=mode,
                          protected_folders=paths.protected_folders(),
                          protected_files=paths.protected_files())
        return target

    # -- import -------------------------------------------------------------------------
    def import_file(self, path: Path) -> ImportResult:
        """Import a Kaart or jrnl JSON export (all or nothing), then back the journal up."""
        from tui.journal.importer import import_file

        result = import_file(self.store, path)
        if result.added:
            self._backup_after_import()
        return result

    def _backup_after_import(self) -> None:
        from tui.journal import backup as backups

        try:
            self.store.backup(prefix="auto")
            backups.prune(backups.backups_dir(self.store.path), "auto",
                          self.settings.backups_keep)
        except KaartError as error:
            self.notice(error.message)

    # -- backup and restore ---------------------------------------------------------------
    def backup(self, output: Path | None = None, *, force: bool = False) -> Path:
        """A backup now: in the backups folder, or at ``output`` (never onto Kaart's own files).

        An existing ``output`` is replaced only with ``force``, and only once
        the new copy is complete: a full disk never costs the old file.
        """
        import os

        if output is None:
            return self.store.backup()
        from tui import paths
        from tui.fileio import check_output

        check_output(output, paths.protected_folders(), paths.protected_files())
        if os.path.lexists(output) and not force:
            raise OutputError(t("cli.file_exists", path=output))
        if os.path.isdir(output):
            raise OutputError(t("output.is_folder", path=output))
        return self.store.backup(output, overwrite=True)

    def restore(self, file: Path) -> Path:
        """Swap a checked backup in; returns where the current journal was set aside.

        This Kaart's own journal is closed first; while another Kaart has it
        open the restore refuses (``StoreError('in_use')``).
        """
        from tui import paths
        from tui.journal.store import restore_backup

        self.close()
        return restore_backup(Path(file), paths.database_path())
