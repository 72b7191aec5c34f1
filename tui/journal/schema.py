"""The database schema, as numbered forward migrations (``PRAGMA user_version``).

A new database runs every step; an older one runs the steps it misses. The
store runs them inside one ``BEGIN IMMEDIATE`` transaction, after a backup,
so a migration either happens completely or not at all. Never edit a step
that has shipped: add the next one.

Layout notes, because the journal must stay small and fast at 100,000 entries:
``uid`` is the 16 bytes of the UUID, times are integer microseconds (UTC),
``day`` is the local calendar day the entry was written (``date.toordinal()``),
and a card reference is a row in ``cards`` (deck id, card id), so the strings
are stored once however many notes and draws point at the card. The full-text index
(FTS5, external content) holds only entries that are not in the trash, so a
search never has to skip them; triggers keep it in step.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: dict[int, str] = {
    1: """
        CREATE TABLE cards (
            id INTEGER PRIMARY KEY,
            deck TEXT NOT NULL,
            card TEXT NOT NULL,
            UNIQUE (deck, card)
        );

        CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            uid BLOB NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('journal', 'note', 'decision')),
            created INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            day INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '',
            card_id INTEGER REFERENCES cards (id),
            card_text TEXT,
            outcome TEXT NOT NULL DEFAULT '',
            outcome_at INTEGER,
            deleted INTEGER
        );
        CREATE INDEX entries_by_time ON entries (created) WHERE deleted IS NULL;
        CREATE INDEX entries_by_day ON entries (day) WHERE deleted IS NULL;
        CREATE INDEX entries_by_card ON entries (card_id, created) WHERE card_id IS NOT NULL;
        CREATE INDEX entries_in_trash ON entries (deleted) WHERE deleted IS NOT NULL;

        CREATE TABLE entry_tags (
            tag TEXT NOT NULL,
            entry INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            PRIMARY KEY (tag, entry)
        ) WITHOUT ROWID;
        CREATE INDEX entry_tags_by_entry ON entry_tags (entry);

        CREATE TABLE versions (
            id INTEGER PRIMARY KEY,
            entry INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            saved INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            tags TEXT NOT NULL,
            outcome TEXT NOT NULL,
            outcome_at INTEGER
        );
        CREATE INDEX versions_by_entry ON versions (entry);

        CREATE VIRTUAL TABLE entries_fts USING fts5 (
            title, body, content='entries', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        INSERT INTO entries_fts (entries_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0)');

        CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries
        WHEN new.deleted IS NULL BEGIN
            INSERT INTO entries_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
        END;
        CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries
        WHEN old.deleted IS NULL BEGIN
            INSERT INTO entries_fts (entries_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
        END;
        CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, body, deleted ON entries BEGIN
            INSERT INTO entries_fts (entries_fts, rowid, title, body)
            SELECT 'delete', old.id, old.title, old.body WHERE old.deleted IS NULL;
            INSERT INTO entries_fts (rowid, title, body)
            SELECT new.id, new.title, new.body WHERE new.deleted IS NULL;
        END;
    """,
    2: """
        CREATE TABLE draws (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            day INTEGER NOT NULL,
            card_id INTEGER NOT NULL REFERENCES cards (id),
            purpose TEXT NOT NULL CHECK (purpose IN ('daily', 'decision', 'random'))
        );
        CREATE UNIQUE INDEX draws_once ON draws (at, card_id, purpose);
        CREATE UNIQUE INDEX draws_daily ON draws (day, card_id) WHERE purpose = 'daily';

        CREATE TABLE bags (
            key TEXT PRIMARY KEY,
            remaining TEXT NOT NULL,
            last TEXT,
            updated INTEGER NOT NULL
        );

        CREATE TABLE drafts (
            context TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            saved INTEGER NOT NULL
        );

        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
    """,
    # The home screen asks for open decisions on every start: without this index
    # that read walks the whole table (and fills the page cache) in a large journal.
    3: """
        CREATE INDEX entries_pending ON entries (created, uid)
            WHERE kind = 'decision' AND outcome = '' AND deleted IS NULL;
    """,
    # Version 4 (Kaart 0.2): the file says it is a Kaart journal (application_id), drafts keep
    # every field of their form and are never overwritten (several per context), entries get a
    # star, a link (a review's period, the entry a new note answers), a day to look back on a
    # decision, and a fourth kind, the review; the past-reflections ladder gets its table.
    # The entries table is rebuilt for the new kind; the caller turns foreign keys off around
    # it, so rebuilding does not cascade into tags and versions.
    4: """
        PRAGMA application_id = 1262572116;

        CREATE TABLE drafts_v4 (
            id INTEGER PRIMARY KEY,
            context TEXT NOT NULL,
            fields TEXT NOT NULL,
            created INTEGER NOT NULL,
            saved INTEGER NOT NULL
        );
        INSERT INTO drafts_v4 (context, fields, created, saved)
            SELECT context, json_object('body', text), saved, saved FROM drafts;
        DROP TABLE drafts;
        ALTER TABLE drafts_v4 RENAME TO drafts;
        CREATE INDEX drafts_by_context ON drafts (context, saved);

        DROP TRIGGER entries_fts_insert;
        DROP TRIGGER entries_fts_delete;
        DROP TRIGGER entries_fts_update;
        CREATE TABLE entries_v4 (
            id INTEGER PRIMARY KEY,
            uid BLOB NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('journal', 'note', 'decision', 'review')),
            created INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            day INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '',
            card_id INTEGER REFERENCES cards (id),
            card_text TEXT,
            outcome TEXT NOT NULL DEFAULT '',
            outcome_at INTEGER,
            deleted INTEGER,
            starred INTEGER NOT NULL DEFAULT 0,
            link TEXT NOT NULL DEFAULT '',
            look_back INTEGER
        );
        INSERT INTO entries_v4 (id, uid, kind, created, updated, day, title, body, tags, card_id,
                                card_text, outcome, outcome_at, deleted)
            SELECT id, uid, kind, created, updated, day, title, body, tags, card_id, card_text,
                   outcome, outcome_at, deleted FROM entries;
        DROP TABLE entries;
        ALTER TABLE entries_v4 RENAME TO entries;
        CREATE INDEX entries_by_time ON entries (created) WHERE deleted IS NULL;
        CREATE INDEX entries_by_day ON entries (day) WHERE deleted IS NULL;
        CREATE INDEX entries_by_card ON entries (card_id, created) WHERE card_id IS NOT NULL;
        CREATE INDEX entries_in_trash ON entries (deleted) WHERE deleted IS NOT NULL;
        CREATE INDEX entries_pending ON entries (created, uid)
            WHERE kind = 'decision' AND outcome = '' AND deleted IS NULL;
        CREATE INDEX entries_starred ON entries (created) WHERE starred = 1 AND deleted IS NULL;
        CREATE INDEX entries_by_link ON entries (link) WHERE link != '';

        CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries
        WHEN new.deleted IS NULL BEGIN
            INSERT INTO entries_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
        END;
        CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries
        WHEN old.deleted IS NULL BEGIN
            INSERT INTO entries_fts (entries_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
        END;
        CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, body, deleted ON entries BEGIN
            INSERT INTO entries_fts (entries_fts, rowid, title, body)
            SELECT 'delete', old.id, old.title, old.body WHERE old.deleted IS NULL;
            INSERT INTO entries_fts (rowid, title, body)
            SELECT new.id, new.title, new.body WHERE new.deleted IS NULL;
        END;

        CREATE TABLE resurface (
            entry INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
            step INTEGER NOT NULL DEFAULT 0,
            shown INTEGER,
            answer TEXT NOT NULL DEFAULT '',
            retired INTEGER NOT NULL DEFAULT 0
        );
    """,
}

APPLICATION_ID = 1262572116  # "KART" as a 32-bit number: what `PRAGMA application_id` holds

SCHEMA_VERSION = max(MIGRATIONS)


def statements(script: str) -> list[str]:
    """Split a script into statements (triggers hold ``;`` inside ``BEGIN ... END``)."""
    found, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                found.append(current.strip())
            current = ""
    if current.strip():
        found.append(current.strip())
    return found


def migrate(conn: sqlite3.Connection, current: int, target: int = SCHEMA_VERSION) -> None:
    """Run the steps after ``current`` up to ``target``. The caller holds the transaction.

    ``executescript`` is not used on purpose: it commits first, which would
    split a migration over several transactions. Foreign keys must be off
    (``PRAGMA foreign_keys`` cannot change inside a transaction): step 4
    rebuilds the entries table, and dropping it would cascade otherwise.
    """
    for version in range(current + 1, target + 1):
        for statement in statements(MIGRATIONS[version]):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {int(target)}")
