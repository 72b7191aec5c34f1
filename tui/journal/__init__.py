"""The journal: entries, notes on cards, decisions, draws and drafts in one SQLite file.

Plain Python (``sqlite3`` from the standard library); nothing here imports
Textual. ``tui.journal.store.open_store()`` is the way in.

- ``store``: ``open_store``, ``JournalStore`` (put together from ``base``,
  ``entries``, ``reading`` and ``keeping``), ``restore_backup``
- ``schema``: the migrations; ``connection``: opening files safely, errors
- ``model``, ``rows``: entries and how they are stored; ``search``: FTS5 queries
- ``stats``, ``backup``, ``export``, ``importer`` (Kaart and jrnl JSON), ``bsn``
- ``review`` (a week's or a month's entries, draws and decisions), ``resurface`` (the ladder
  on which earlier entries come back)
"""
