"""Past reflections come back: one earlier entry a day, on a spaced ladder.

The rungs are :data:`STEPS` days after an entry was written (about a week, a
month, three months, a year). An entry's ladder state (table ``resurface``)
holds ``step``, how many rungs it has passed; ``shown``, the day it last came
back; ``answer``, what the user said then (``still``, ``changed``, ``never``);
and ``retired`` (``never``: not again). Entries without a row have passed no
rung.

The choice of a day (:func:`choose`): among the entries outside the trash that
are not reviews, not retired, and not shown yesterday or today, those that
have reached a rung they have not passed; the one that reached its rung most
recently comes first (a week-old entry comes back after a week, not whenever
a backlog allows), then the oldest entry, then the first saved. Coming back
passes every rung its age has reached, so an entry a year old that never came
back comes back once, not four days running, and one that is skipped gets a
fresh chance at its next rung. An answer keeps it on the ladder (``still``,
``changed``) or takes it off (``never``).

The choice is made once a day, on the first ask, and kept (``meta`` key
``resurface.day``), so it is the same all day however often it is asked.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date

from tui.journal.base import StoreBase
from tui.journal.rows import SELECT, entry_from_row, uid_bytes, uid_text
from tui.vocabulary import Answer

STEPS = (7, 30, 90, 365)
TODAY_KEY = "resurface.day"


class LadderState(namedtuple("LadderState", "step shown answer retired",
                             defaults=(0, None, "", False))):
    """``step`` (rungs passed, 0 to ``len(STEPS)``), ``shown`` (a date or ``None``),
    ``answer`` ("" or an :class:`tui.vocabulary.Answer`) and ``retired``."""

    __slots__ = ()

    def to_json(self) -> dict:
        """The shape of an export's ``"resurface"`` (per entry, only where there is a state)."""
        return {"step": self.step, "shown": self.shown.isoformat() if self.shown else None,
                "answer": self.answer, "retired": self.retired}


# Today's entry from the past: the ``entry``, its ladder ``state`` after coming back, the ``day``
# it came back and its ``age`` in days on that day.
Resurfaced = namedtuple("Resurfaced", "entry state day age")


def passed(age: int) -> int:
    """How many rungs an entry ``age`` days old has reached."""
    return sum(1 for days in STEPS if age >= days)


def _reached_sql() -> str:
    return " + ".join(f"(age >= {days})" for days in STEPS)


def _rung_days_sql() -> str:
    cases = " ".join(f"WHEN {number} THEN {days}" for number, days in enumerate(STEPS, 1))
    return f"CASE reached {cases} END"


def choose(conn, today: date) -> tuple[int, int] | None:
    """``(entry id, age)`` of the entry that comes back on ``today`` (see the module docstring)."""
    day = today.toordinal()
    row = conn.execute(
        f"SELECT id, age, reached FROM (SELECT id, created, age, step, {_reached_sql()} AS reached "
        "FROM (SELECT e.id, e.created, ? - e.day AS age, coalesce(r.step, 0) AS step "
        "      FROM entries AS e LEFT JOIN resurface AS r ON r.entry = e.id "
        "      WHERE e.deleted IS NULL AND e.kind != 'review' AND e.day <= ? "
        "        AND coalesce(r.retired, 0) = 0 AND (r.shown IS NULL OR r.shown < ?))) "
        f"WHERE reached > step ORDER BY age - {_rung_days_sql()}, created, id LIMIT 1",
        (day, day - STEPS[0], day - 1)).fetchone()
    return (row[0], row[1]) if row else None


def _state(row) -> LadderState:
    step, shown, answer, retired = row
    return LadderState(step, date.fromordinal(shown) if shown is not None else None, answer,
                       bool(retired))


def put_state(conn, entry_id: int, state: LadderState) -> None:
    conn.execute("INSERT INTO resurface (entry, step, shown, answer, retired) VALUES (?, ?, ?, ?, ?) "
                 "ON CONFLICT (entry) DO UPDATE SET step = excluded.step, shown = excluded.shown, "
                 "answer = excluded.answer, retired = excluded.retired",
                 (entry_id, int(state.step), state.shown.toordinal() if state.shown else None,
                  state.answer, 1 if state.retired else 0))


def _todays(conn, today: date) -> str | None:
    """The uid chosen for ``today`` ("" for nothing), or ``None`` when today is not chosen yet."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (TODAY_KEY,)).fetchone()
    if row is None:
        return None
    day, _, uid = row[0].partition(" ")
    return uid if day == str(today.toordinal()) else None


class ResurfaceMixin(StoreBase):
    def resurfaced(self, today: date, *, keep: bool = True) -> Resurfaced | None:
        """Today's entry from the past, chosen (and kept) on the first ask of the day.

        A journal opened read-only (or ``keep=False``, for one that cannot be
        written just now) still answers: the choice is made but not kept.
        """
        with self._read() as conn:
            uid = _todays(conn, today)
            if uid is None and (self.read_only or not keep):
                chosen = choose(conn, today)
                if chosen is None:
                    return None
                row = conn.execute(f"{SELECT} WHERE e.id = ?", (chosen[0],)).fetchone()
                entry = entry_from_row(row)
                return Resurfaced(entry, LadderState(passed(chosen[1]), today), today, chosen[1])
        if uid is None:
            with self._write() as conn:
                uid = _todays(conn, today)
                if uid is None:
                    uid = self._choose_and_keep(conn, today)
        if not uid:
            return None
        with self._read() as conn:
            row = conn.execute(f"{SELECT} WHERE e.uid = ? AND e.deleted IS NULL",
                               (uid_bytes(uid),)).fetchone()
            if row is None:
                return None  # sent to the trash since this morning
            state = conn.execute("SELECT step, shown, answer, retired FROM resurface "
                                 "WHERE entry = ?", (row[0],)).fetchone()
            day = conn.execute("SELECT day FROM entries WHERE id = ?", (row[0],)).fetchone()[0]
        return Resurfaced(entry_from_row(row), _state(state) if state else LadderState(), today,
                          today.toordinal() - day)

    @staticmethod
    def _choose_and_keep(conn, today: date) -> str:
        chosen = choose(conn, today)
        uid = ""
        if chosen is not None:
            entry_id, age = chosen
            put_state(conn, entry_id, LadderState(passed(age), today, "", False))
            uid = uid_text(conn.execute("SELECT uid FROM entries WHERE id = ?",
                                        (entry_id,)).fetchone()[0])
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                     (TODAY_KEY, f"{today.toordinal()} {uid}".rstrip()))
        return uid

    def answer_resurfaced(self, uid: str, answer: str) -> LadderState:
        """Keep what the user said about an entry that came back; ``KeyError`` if it never did."""
        if answer not in (Answer.STILL, Answer.CHANGED, Answer.NEVER):
            raise ValueError(f"unknown answer {answer!r}")
        with self._write() as conn:
            row = conn.execute("SELECT r.entry FROM resurface AS r JOIN entries AS e "
                               "ON e.id = r.entry WHERE e.uid = ?", (uid_bytes(uid),)).fetchone()
            if row is None:
                raise KeyError(uid)
            conn.execute("UPDATE resurface SET answer = ?, retired = ? WHERE entry = ?",
                         (str(answer), 1 if answer == Answer.NEVER else 0, row[0]))
            state = conn.execute("SELECT step, shown, answer, retired FROM resurface "
                                 "WHERE entry = ?", (row[0],)).fetchone()
        return _state(state)

    def ladder_state(self, uid: str) -> LadderState | None:
        with self._read() as conn:
            row = conn.execute("SELECT r.step, r.shown, r.answer, r.retired FROM resurface AS r "
                               "JOIN entries AS e ON e.id = r.entry WHERE e.uid = ?",
                               (uid_bytes(uid),)).fetchone()
        return _state(row) if row else None

    def ladder_states(self) -> dict[str, LadderState]:
        """Every entry's ladder state, by uid (for the JSON export)."""
        with self._read() as conn:
            rows = conn.execute("SELECT e.uid, r.step, r.shown, r.answer, r.retired "
                                "FROM resurface AS r JOIN entries AS e ON e.id = r.entry").fetchall()
        return {uid_text(row[0]): _state(row[1:]) for row in rows}

    def put_ladder(self, uid: str, state: LadderState) -> None:
        """Set an entry's ladder state as it is (an import, a test); ``KeyError`` for no entry."""
        with self._write() as conn:
            row = conn.execute("SELECT id FROM entries WHERE uid = ?", (uid_bytes(uid),)).fetchone()
            if row is None:
                raise KeyError(uid)
            put_state(conn, row[0], state)
