"""Writing entries: add, edit (keeping the previous version), outcomes, trash, import."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime

from tui.journal.base import StoreBase, clean_card
from tui.journal.model import KINDS, CardRef, Entry, all_tags, clean_tags, local_day, to_micros
from tui.journal.rows import SELECT, card_id, entry_from_row, new_uid, uid_bytes, uid_text
from tui.textclean import one_line, strip_controls


def _discard_drafts(conn, draft_id: int | None, context: str | None) -> None:
    """Inside a save's transaction: its own draft, and every draft of ``context``."""
    if draft_id is not None:
        conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
    if context:
        conn.execute("DELETE FROM drafts WHERE context = ?", (context,))


class EntriesMixin(StoreBase):
    def add_entry(self, kind: str, body: str, *, title: str = "", card: CardRef | None = None,
                  tags: Iterable[str] = (), created: datetime | None = None,
                  starred: bool = False, link: str = "", look_back: date | None = None,
                  discard_draft: int | None = None,
                  discard_context: str | None = None) -> Entry:
        """Save a new entry; with ``discard_draft``, that draft goes in the same transaction.

        So a crash can never leave both the entry and its draft (offered back
        as if unsaved), nor neither. ``discard_context`` discards every draft of
        that context with it (a review: every draft of its period).
        """
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        body = strip_controls(body or "").rstrip()
        title = one_line(title or "")
        if not body and not title:
            raise ValueError("an entry needs a title or a body")
        now, _ = self._times()
        created = created or now
        entry = Entry(new_uid(), kind, created.astimezone(UTC), created.astimezone(UTC),
                      title, body, (), clean_card(card), starred=bool(starred),
                      link=one_line(link or ""),
                      look_back=look_back if kind == "decision" else None)
        with self._write() as conn:
            self._insert(conn, entry, clean_tags(tags))
            _discard_drafts(conn, discard_draft, discard_context)
        self.after_first_save()
        return self._reload(entry.uid)

    def _insert(self, conn, entry: Entry, explicit: list[str]) -> int:
        card = entry.card
        cursor = conn.execute(
            "INSERT INTO entries (uid, kind, created, updated, day, title, body, tags, card_id, "
            "card_text, outcome, outcome_at, starred, link, look_back) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uid_bytes(entry.uid), entry.kind, to_micros(entry.created), to_micros(entry.updated),
             local_day(entry.created), entry.title, entry.body, " ".join(explicit),
             card_id(conn, card.deck, card.card) if card else None,
             card.text if card else None, entry.outcome,
             to_micros(entry.outcome_at) if entry.outcome_at else None,
             1 if entry.starred else 0, entry.link,
             entry.look_back.toordinal() if entry.look_back else None))
        self._set_tags(conn, cursor.lastrowid, all_tags(explicit, entry.title, entry.body))
        return cursor.lastrowid

    @staticmethod
    def _set_tags(conn, entry_id: int, tags: Iterable[str]) -> None:
        conn.execute("DELETE FROM entry_tags WHERE entry = ?", (entry_id,))
        conn.executemany("INSERT OR IGNORE INTO entry_tags (tag, entry) VALUES (?, ?)",
                         [(tag, entry_id) for tag in tags])

    def _row(self, conn, uid: str):
        try:
            key = uid_bytes(uid)
        except ValueError:
            return None
        return conn.execute(f"{SELECT} WHERE e.uid = ?", (key,)).fetchone()

    def _reload(self, uid: str) -> Entry:
        entry = self.get_entry(uid)
        if entry is None:
            raise KeyError(uid)
        return entry

    def get_entry(self, uid: str) -> Entry | None:
        with self._read() as conn:
            row = self._row(conn, uid)
        return entry_from_row(row) if row else None

    def update_entry(self, uid: str, *, body: str | None = None, title: str | None = None,
                     tags: Iterable[str] | None = None,
                     discard_draft: int | None = None,
                     discard_context: str | None = None) -> Entry:
        """Change an entry; the previous version is kept (see :meth:`history`).

        ``discard_draft`` (a draft's id) and ``discard_context`` (every draft of
        that context) are discarded in the same transaction.
        """
        with self._write() as conn:
            row = self._existing(conn, uid)
            old_title, old_body, old_tags = row[5], row[6], row[7]
            new_body = old_body if body is None else strip_controls(body).rstrip()
            new_title = old_title if title is None else one_line(title)
            new_tags = old_tags if tags is None else " ".join(clean_tags(tags))
            _discard_drafts(conn, discard_draft, discard_context)
            if (new_body, new_title, new_tags) == (old_body, old_title, old_tags):
                return entry_from_row(row)
            if not new_body and not new_title:
                raise ValueError("an entry needs a title or a body")
            _, stamp = self._times()
            self._keep_version(conn, row, stamp)
            conn.execute("UPDATE entries SET title = ?, body = ?, tags = ?, updated = ? "
                         "WHERE id = ?", (new_title, new_body, new_tags, stamp, row[0]))
            self._set_tags(conn, row[0], all_tags(new_tags.split(), new_title, new_body))
        return self._reload(uid)

    def set_outcome(self, uid: str, outcome: str, *, discard_draft: int | None = None) -> Entry:
        """How a decision turned out ("" clears it).

        Recording the outcome is not an edit of the decision: ``updated`` stays.
        Changing an outcome given before keeps the previous version.
        """
        outcome = strip_controls(outcome or "").strip()
        with self._write() as conn:
            row = self._existing(conn, uid)
            if row[2] != "decision":
                raise ValueError("only a decision has an outcome")
            if discard_draft is not None:
                conn.execute("DELETE FROM drafts WHERE id = ?", (discard_draft,))
            if outcome == row[11]:
                return entry_from_row(row)
            _, stamp = self._times()
            if row[11]:
                self._keep_version(conn, row, stamp)
            conn.execute("UPDATE entries SET outcome = ?, outcome_at = ? WHERE id = ?",
                         (outcome, stamp if outcome else None, row[0]))
        return self._reload(uid)

    def set_starred(self, uid: str, starred: bool) -> Entry:
        with self._write() as conn:
            row = self._existing(conn, uid)
            conn.execute("UPDATE entries SET starred = ? WHERE id = ?", (1 if starred else 0, row[0]))
        return self._reload(uid)

    def set_look_back(self, uid: str, day: date | None) -> Entry:
        """The day to look back on a decision (``None``: no reminder)."""
        with self._write() as conn:
            row = self._existing(conn, uid)
            if row[2] != "decision":
                raise ValueError("only a decision has a day to look back")
            conn.execute("UPDATE entries SET look_back = ? WHERE id = ?",
                         (day.toordinal() if day else None, row[0]))
        return self._reload(uid)

    def _existing(self, conn, uid: str):
        row = self._row(conn, uid)
        if row is None:
            raise KeyError(uid)
        return row

    @staticmethod
    def _keep_version(conn, row, stamp: int) -> None:
        conn.execute("INSERT INTO versions (entry, saved, updated, title, body, tags, outcome, "
                     "outcome_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (row[0], stamp, row[4], row[5], row[6], row[7], row[11], row[12]))

    def history(self, uid: str) -> list[Entry]:
        """Earlier versions of an entry, newest first."""
        with self._read() as conn:
            row = self._row(conn, uid)
            if row is None:
                return []
            versions = conn.execute("SELECT updated, title, body, tags, outcome, outcome_at "
                                    "FROM versions WHERE entry = ? ORDER BY id DESC", (row[0],))
            current = list(row)
            found = []
            for updated, title, body, tags, outcome, outcome_at in versions:
                current[4:8] = [updated, title, body, tags]
                current[11:13] = [outcome, outcome_at]
                found.append(entry_from_row(current))
        return found

    def delete_entry(self, uid: str) -> None:
        """Move an entry to the trash (it leaves the search index)."""
        _, stamp = self._times()
        with self._write() as conn:
            row = self._existing(conn, uid)
            conn.execute("UPDATE entries SET deleted = ? WHERE id = ? AND deleted IS NULL",
                         (stamp, row[0]))

    def restore_entry(self, uid: str) -> None:
        with self._write() as conn:
            row = self._existing(conn, uid)
            conn.execute("UPDATE entries SET deleted = NULL WHERE id = ?", (row[0],))

    def trash(self) -> list[Entry]:
        with self._read() as conn:
            rows = conn.execute(f"{SELECT} WHERE e.deleted IS NOT NULL "
                                "ORDER BY e.deleted DESC, e.uid").fetchall()
        return [entry_from_row(row) for row in rows]

    def empty_trash(self) -> int:
        """Erase the entries in the trash for good, with their versions and drafts.

        ``secure_delete`` zeroes the freed pages, ``optimize`` rewrites the
        full-text index without them, and a checkpoint empties the -wal file.
        """
        with self._write() as conn:
            uids = [row[0] for row in conn.execute(
                "SELECT uid FROM entries WHERE deleted IS NOT NULL")]
            if not uids:
                return 0
            conn.execute("DELETE FROM entries WHERE deleted IS NOT NULL")
            conn.executemany("DELETE FROM drafts WHERE context IN (?, ?)",
                             [(f"entry:{uid_text(uid)}", f"outcome:{uid_text(uid)}")
                              for uid in uids])
        self._erase_traces()
        return len(uids)

    def _erase_traces(self) -> None:
        with self._write() as conn:
            conn.execute("INSERT INTO entries_fts (entries_fts) VALUES ('optimize')")
        with self._read() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def import_entries(self, entries: Iterable[Entry], draws: Iterable[dict] = (),
                       ladder: dict | None = None) -> tuple[int, int, int]:
        """Add entries as they are (uid, times, explicit tags, star, link); one transaction.

        An entry whose uid is known is not added again: counted as ``same``
        when it holds the same text, as ``differs`` when the journal's version
        has other text (the journal's version is kept, with its ladder state).
        ``ladder`` maps the uid of an added entry to its ladder state
        (:class:`tui.journal.resurface.LadderState`). Draws already present
        are skipped. Returns ``(added, same, differs)``.
        """
        from tui.journal.resurface import put_state

        ladder = ladder or {}
        added = same = differs = 0
        with self._write() as conn:
            for entry in entries:
                row = conn.execute(f"{SELECT} WHERE e.uid = ?", (uid_bytes(entry.uid),)).fetchone()
                if row is not None:
                    ours = entry_from_row(row)
                    if (ours.kind, ours.title, ours.body, ours.outcome) == (
                            entry.kind, entry.title, entry.body, entry.outcome):
                        same += 1
                    else:
                        differs += 1
                    continue
                entry_id = self._insert(conn, entry._replace(card=clean_card(entry.card)),
                                        list(entry.tags))
                if entry.uid in ladder:
                    put_state(conn, entry_id, ladder[entry.uid])
                added += 1
            for draw in draws:
                at = draw["at"]
                conn.execute("INSERT OR IGNORE INTO draws (at, day, card_id, purpose) "
                             "VALUES (?, ?, ?, ?)", (to_micros(at), local_day(at),
                                                     card_id(conn, draw["deck"], draw["card"]),
                                                     draw["purpose"]))
        if added:
            self.after_first_save()
        return added, same, differs
