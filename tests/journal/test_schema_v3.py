"""A journal from before issue 13 (schema 3) migrates forward with everything in it."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from tui.journal import schema
from tui.journal.store import open_store

UID = "00112233-4455-6677-8899-aabbccddeeff"
DECISION = "ffeeddcc-bbaa-9988-7766-554433221100"
DAY = date(2026, 11, 2).toordinal()
MICROS = 1_793_610_000_000_000  # 2026-11-02 around 09:00 UTC


def _version_3(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(db_path), isolation_level=None)
    conn.execute("BEGIN")
    schema.migrate(conn, 0, target=3)
    conn.execute("INSERT INTO cards (deck, card) VALUES ('volgende-stap', 'vraag-terug')")
    conn.execute("INSERT INTO entries (uid, kind, created, updated, day, title, body, tags, "
                 "card_id, card_text) VALUES (x'00112233445566778899aabbccddeeff', 'note', ?, ?, "
                 "?, '', 'uit versie 3 #oud', 'wmo', 1, 'Wat vraag je terug?')",
                 (MICROS, MICROS, DAY))
    conn.execute("INSERT INTO entries (uid, kind, created, updated, day, title, body) VALUES "
                 "(x'ffeeddccbbaa99887766554433221100', 'decision', ?, ?, ?, 'Besluit', 'zo')",
                 (MICROS + 1, MICROS + 1, DAY))
    conn.execute("INSERT INTO entry_tags (tag, entry) VALUES ('wmo', 1), ('oud', 1)")
    conn.execute("INSERT INTO draws (at, day, card_id, purpose) VALUES (?, ?, 1, 'daily')",
                 (MICROS, DAY))
    conn.execute("INSERT INTO drafts (context, text, saved) VALUES ('journal:new', 'half', ?)",
                 (MICROS,))
    conn.execute("INSERT INTO meta (key, value) VALUES ('maintained', '1')")
    conn.execute("COMMIT")
    conn.close()


def test_a_schema_3_journal_migrates_forward(db_path, clock):
    _version_3(db_path)
    with open_store(db_path, now=clock) as store:
        note = store.get_entry(UID)
        assert (note.kind, note.body, note.tags) == ("note", "uit versie 3 #oud", ("oud", "wmo"))
        assert note.card.ref == "volgende-stap/vraag-terug" and note.card.text
        assert (note.starred, note.link, note.look_back) == (False, "", None)
        decision = store.get_entry(DECISION)
        assert decision.look_back is None and store.due_decisions(date(2030, 1, 1)) == []
        assert [e.uid for e in store.pending_decisions()] == [DECISION]
        assert [h.entry.uid for h in store.search("versie")] == [UID]
        assert [d["purpose"] for d in store.draws()] == ["daily"]
        [draft] = store.drafts()
        assert (draft.context, draft.fields) == ("journal:new", {"body": "half"})
        # what this issue adds works on the migrated journal
        review = store.add_entry("review", "terug", link="week:2026-10-26")
        assert store.get_entry(review.uid).kind == "review"
        found = store.resurfaced(date(2026, 11, 9))
        assert found.entry.uid == UID and found.age == 7
        assert store.ladder_states()[UID].step == 1
        assert store.last_on_card("volgende-stap", "vraag-terug")[0] == 1
    conn = sqlite3.connect(str(db_path))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    backups = list((db_path.parent / "backups").glob(f"pre-v{schema.SCHEMA_VERSION}-*.sqlite3"))
    assert len(backups) == 1
