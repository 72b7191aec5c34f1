"""How fast is the journal at 10,000 and 100,000 entries? Prints the figures.

    python benchmarks/bench_journal.py            # 10,000 and 100,000 entries, and jrnl
    python benchmarks/bench_journal.py --quick    # 2,000 and 10,000, no jrnl
    python benchmarks/bench_journal.py --no-jrnl  # skip the jrnl comparison

Builds journals of realistic Dutch reflection entries (notes on cards,
journal entries, decisions; compound words, names, tags) in a temporary
KAART_HOME, then measures in-process: search for a word and a phrase (first
50 results with snippets), the newest-50 listing, a year of calendar counts,
one save, and the database size against the text it holds. At the largest
size it also times, as separate processes, ``kaart search WORD``, a bare
Python script that opens the same database and runs the same FTS query, and
``jrnl -contains WORD`` on the same entries (jrnl in its own venv,
``/work/jrnlvenv`` or ``$JRNL_VENV``, created when missing).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.journal.model import CardRef, Entry  # noqa: E402
from tui.journal.search import MARK_END, MARK_START, SNIPPET_WORDS, fts_query  # noqa: E402
from tui.journal.store import open_store  # noqa: E402

WORD = "traplift"
PHRASE = '"eigen regie"'
COMMON = "gesprek"
JRNL_VENV = Path(os.environ.get("JRNL_VENV", "/work/jrnlvenv"))

FIRST = ["Anna", "Bram", "Cor", "Daan", "Els", "Fatima", "Gert", "Hanna", "Ilse", "Joost", "Kees",
         "Lotte", "Mo", "Noor", "Otto", "Petra", "Rik", "Saskia", "Tim", "Yara", "Wim", "Zeynep",
         "Ahmed", "Bep", "Dirk", "Ineke", "Jan", "Kim", "Lars", "Mila", "Nadia", "Pim", "Ria",
         "Sanne", "Thijs", "Ugur", "Vera", "Willemijn", "Xander", "Youssef", "Zoë", "Guus", "Fenna"]
LAST = ["Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos",
        "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Yilmaz", "El Amrani", "Kok", "Prins",
        "Willems", "Maas", "Verhoeven", "Kuipers", "Postma", "Huisman", "van Dijk", "Koster",
        "Sedney", "Nguyen", "Kaya", "Boukhari", "van Leeuwen", "Groen", "Wouters", "Schouten"]
PARTS = ["buurt", "zorg", "wijk", "huis", "school", "werk", "geld", "tafel", "team", "vraag",
         "hulp", "straat", "jeugd", "thuis", "plan", "budget", "koffie", "keuken", "regel", "tijd",
         "dag", "week", "netwerk", "vrijwilligers", "mantel", "schuld", "eet", "speel", "sport",
         "taal", "buren", "ouder", "kinder", "post", "fiets", "tuin", "markt", "bus", "trap"]
ENDS = ["huis", "kamer", "vraag", "plan", "team", "overleg", "moment", "hulp", "kracht", "bord",
        "lijst", "route", "kaart", "afspraak", "tafel", "ritme", "regeling", "zorgen", "club",
        "groep", "punt", "winkel", "dienst", "middag", "avond"]
# Ordered from common to rare: picked with Zipf weights, like words in real notes.
TOPICS = ["de boodschappen", "de schulden", "eenzaamheid", "de dagbesteding", "de mantelzorg",
          "huishoudelijke hulp", "de huur", "de jeugdhulp", "vervoer naar het werk",
          "de indicatie", "het persoonsgebonden budget", "de maaltijden", "school en huiswerk",
          "de ruzie met de buren", "de post die blijft liggen", "het ziekenhuis", "de medicijnen",
          "de hond die uitgelaten moet", "de kleinkinderen", "geld voor de sportclub",
          "de uitkering", "de inburgering", "het taalcafé", "de verhuizing", "de scootmobiel",
          "de rolstoel", "de wachtlijst", "de thuiszorg", "het vrijwilligerswerk", "de voogdij",
          "de zorgverzekering", "het energiecontract", "de belastingdienst", "de gemeentepolis",
          "de dementie van haar man", "de stage", "de bijstand", "de energietoeslag",
          "de schoonmaak", "een traplift", "de woningaanpassing", "de beschermingstafel",
          "de leerplicht", "de bewindvoering", "het budgetcoachtraject", "de rouw",
          "de burenhulp", "de tuin", "de trapleuning", "de huisartsenpost", "de jeugdreclassering",
          "een aangepaste fiets", "de speeltuin", "het wijkbudget", "de sleutelkluis"]
PEOPLE = ["mevrouw {last}", "meneer {last}", "{first}", "de buurvrouw", "haar dochter", "zijn zoon",
          "de wijkagent", "de huisarts", "een collega van het wijkteam", "de mantelzorger",
          "het jongerenwerk", "de woningcorporatie", "de schuldhulpverlener", "de vrijwilliger",
          "de praktijkondersteuner", "{first} van de voedselbank", "de teamleider",
          "de leerplichtambtenaar", "de ergotherapeut", "de consulent", "de buurtsportcoach"]
PLACES = ["aan de keukentafel", "in het buurthuis", "op straat", "bij de voedselbank",
          "in het overleg", "op de gang", "tijdens het huisbezoek", "bij de koffie",
          "aan de telefoon", "in de {part}{end}", "op het schoolplein", "bij de huisarts",
          "in de bibliotheek", "op de markt", "in de bus", "bij de moskee", "in de kerk",
          "op het gemeentehuis", "bij de ingang van de flat"]
OPENERS = ["Vandaag", "Vanmorgen", "Vanmiddag", "Gisteren", "Na de lunch", "Aan het eind van de dag",
           "Deze week", "Eindelijk", "Op maandag", "Vlak voor het weekend"]
VERBS = ["sprak ik {person}", "belde ik met {person}", "zat ik met {person}",
         "liep ik samen met {person} een rondje", "overlegde ik met {person}",
         "zag ik {person} weer", "had ik een gesprek met {person}", "mailde ik {person}"]
REFLECTIONS = [
    "Ik merkte dat ik te snel een oplossing zocht voor {topic}.",
    "Het viel me op dat {person} zelf al een idee had over {topic}.",
    "Achteraf denk ik dat ik beter had kunnen luisteren.",
    "Morgen bel ik {person} terug over {topic}.",
    "Er ging veel tijd naar de administratie rond {topic}.",
    "Samen met {person} kwamen we op een kleine stap: {part}{end} op donderdag.",
    "Lastig gesprek over {topic}; ik bleef rustig en vroeg door.",
    "Ik wil minder doen voor {person} en meer samen doen.",
    "De kaart liet me zien dat het niet om {topic} ging maar om vertrouwen.",
    "Niet alles hoeft vandaag. {topic} kan wachten tot volgende week.",
    "Mooi moment {place}: {person} lachte weer.",
    "Wie hoort er nog meer bij dit gesprek? Misschien {person}.",
    "Ik voelde de neiging om een indicatie aan te vragen, maar dat was niet nodig.",
    "De regels rond {topic} hielpen vandaag niet; de bedoeling wel.",
    "Wat ik leerde: eerst de vraag achter de vraag, dan pas de {part}{end}.",
    "Ik vroeg wat {person} zelf het liefst wil met {topic}.",
    "In het team spraken we over {topic} en wie wat oppakt.",
    "Het duurde lang voordat {person} durfde te vertellen over {topic}.",
    "Ik had mijn oordeel al klaar; dat wil ik loslaten.",
    "{person} wil de eigen regie houden over {topic}, en dat is goed.",
    "Mijn grens: ik ga niet voor {person} bellen, wel ernaast zitten.",
    "Ik schreef drie dingen op die {person} zelf kan doen.",
    "Het formulier voor {topic} paste niet bij wat er echt speelt.",
    "Zonder {person} was dit niet gelukt.",
    "Ik ben moe, maar het was zinvol.",
    "Volgende keer neem ik {person} mee naar {place}.",
    "Welke kleine stap zet ik morgen? Langsgaan bij {person}.",
    "De {part}{end} was vol; we maakten een nieuwe afspraak.",
    "Ik deelde mijn twijfel over {topic} met een collega.",
]
TAGS = ["wmo", "jeugd", "team", "leren", "buurt", "besluit", "luisteren", "grens", "netwerk"]


def _zipf(count: int) -> list[float]:
    return list(__import__("itertools").accumulate(1 / (rank + 1) for rank in range(count)))


class Writer:
    """Realistic entries, reproducible from a seed; cards from the bundled decks."""

    def __init__(self, seed: int = 7) -> None:
        from tui.decks.library import DeckLibrary

        self.rng = random.Random(seed)
        library = DeckLibrary.load("nl")
        self.cards = [CardRef(card.deck, card.id, card.text) for card in library.cards()]
        self.weights = {name: _zipf(len(values)) for name, values in
                        (("topic", TOPICS), ("reflection", REFLECTIONS), ("card", self.cards))}

    def _pick(self, values, name: str):
        return self.rng.choices(values, cum_weights=self.weights[name])[0]

    def _fill(self, template: str) -> str:
        pick = self.rng.choice
        person = pick(PEOPLE).format(first=pick(FIRST), last=pick(LAST))
        return template.format(person=person, topic=self._pick(TOPICS, "topic"),
                               place=pick(PLACES), part=pick(PARTS), end=pick(ENDS),
                               first=pick(FIRST), last=pick(LAST))

    def sentence(self) -> str:
        rng = self.rng
        if rng.random() < 0.3:
            text = f"{rng.choice(OPENERS)} {self._fill(rng.choice(VERBS))} {self._fill(rng.choice(PLACES))}."
        else:
            text = self._fill(self._pick(REFLECTIONS, "reflection"))
        return text[0].upper() + text[1:]

    def entry(self, moment: datetime) -> tuple[Entry, int]:
        rng = self.rng
        roll = rng.random()
        kind = "note" if roll < 0.45 else "decision" if roll < 0.55 else "journal"
        card = self._pick(self.cards, "card") if kind == "note" or rng.random() < 0.3 else None
        paragraphs = []
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            paragraphs.append(" ".join(self.sentence() for _ in range(rng.randint(2, 4))))
        body = "\n\n".join(paragraphs)
        if rng.random() < 0.3:
            body += " #" + rng.choice(TAGS)
        title = self.sentence().rstrip(".") if kind == "decision" else ""
        uid = f"{rng.getrandbits(128):032x}"
        uid = f"{uid[:8]}-{uid[8:12]}-4{uid[13:16]}-a{uid[17:20]}-{uid[20:]}"
        entry = Entry(uid, kind, moment, moment, title[:120], body, (), card)
        size = sum(len(text.encode()) for text in (entry.title, entry.body,
                                                   card.text if card else ""))
        return entry, size


def build(folder: Path, count: int, writer: Writer) -> tuple[Path, int, list[Entry]]:
    home = folder / f"home-{count}"
    os.environ["KAART_HOME"] = str(home)
    path = home / "data" / "journal.sqlite3"
    start = datetime(2016, 1, 1, 7, tzinfo=UTC)
    step = (datetime(2026, 11, 1, tzinfo=UTC) - start) / count
    entries, text_bytes = [], 0
    for number in range(count):
        moment = start + step * number + timedelta(minutes=writer.rng.randint(0, 50))
        entry, size = writer.entry(moment)
        entries.append(entry)
        text_bytes += size
    with open_store(path, maintenance=False) as store:
        store.import_entries(entries)
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, text_bytes, entries


def timed(function, runs: int = 15) -> tuple[float, float]:
    """(first call, median of the next ``runs``) in milliseconds."""
    started = time.perf_counter()
    function()
    first = (time.perf_counter() - started) * 1000
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return first, statistics.median(samples)


def measure(path: Path, text_bytes: int, count: int) -> dict:
    rows = {}
    ticks = iter(range(10**9))
    now = datetime(2026, 11, 22, 9, tzinfo=UTC)
    with open_store(path, now=lambda: now + timedelta(microseconds=next(ticks)),
                    maintenance=False) as store:
        for label, query in (("word", WORD), ("phrase", PHRASE), ("common word", COMMON)):
            hits = store.search(query, limit=None)
            first, median = timed(lambda q=query: store.search(q, limit=50))
            rows[f"search {label} {query} ({len(hits)} matches), first 50"] = (first, median)
        rows["newest 50 (journal listing)"] = timed(lambda: store.recent(50))
        page = store.recent(50)
        rows["next 50 (keyset page)"] = timed(
            lambda: store.recent(50, before=(page[-1].created, page[-1].uid)))
        rows["calendar counts, one year"] = timed(
            lambda: store.day_counts(date(2025, 11, 1), date(2026, 10, 31)))
        rows["on this day"] = timed(lambda: store.on_this_day(date(2026, 10, 22)))
        rows["card history"] = timed(lambda: store.card_history("volgende-stap", "vraag-terug"))
        rows["one save (add_entry, fsync)"] = timed(
            lambda: store.add_entry("journal", "Korte notitie na het gesprek. #bench"), runs=30)
        rows["one draft save"] = timed(lambda: store.save_draft("journal:new", "half af"),
                                       runs=30)
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    print(f"\n== {count:,} entries: database {size / 1e6:.1f} MB for {text_bytes / 1e6:.1f} MB "
          f"of text = {size / text_bytes:.2f}x (target <= 2.5x)")
    for label, (first, median) in rows.items():
        print(f"  {label:<58} median {median:7.2f} ms   (first {first:7.2f} ms)")
    return rows


BARE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
sql = ("SELECT e.title, e.body, e.created, snippet(entries_fts, -1, char(2), char(3), '…', {words}) "
       "FROM entries_fts JOIN entries AS e ON e.id = entries_fts.rowid "
       "WHERE entries_fts MATCH ? AND e.deleted IS NULL ORDER BY entries_fts.rank")
out = sys.stdout
for title, body, created, snippet in conn.execute(sql, (sys.argv[2],)):
    out.write(f"{{created}}  {{title or body[:60]}}\\n    {{snippet}}\\n")
"""


def wall(argv: list[str], env: dict, runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU (user + system) milliseconds of running ``argv``."""
    import resource

    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def ensure_jrnl() -> Path | None:
    jrnl = JRNL_VENV / "bin" / "jrnl"
    if jrnl.exists():
        return jrnl
    print(f"  creating {JRNL_VENV} with jrnl (pip install jrnl) ...")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(JRNL_VENV)], check=True)
        subprocess.run([str(JRNL_VENV / "bin" / "pip"), "install", "-q", "jrnl"], check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"  jrnl skipped: could not install it ({error})")
        return None
    return jrnl if jrnl.exists() else None


def write_jrnl(folder: Path, entries: list[Entry]) -> Path:
    journal = folder / "jrnl" / "journal.txt"
    journal.parent.mkdir(parents=True, exist_ok=True)
    with journal.open("w", encoding="utf-8") as handle:
        for entry in entries:
            local = entry.created.astimezone()
            title = entry.title or entry.body.split(". ")[0].rstrip(".") + "."
            handle.write(f"[{local:%Y-%m-%d %H:%M}] {title}\n{entry.body}\n\n")
    config = folder / "jrnl" / "jrnl.yaml"
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\ndefault_hour: 9\n"
        "default_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\n"
        f"journals:\n  default:\n    journal: {journal}\nlinewrap: 79\ntagsymbols: '#@'\n"
        "template: false\ntimeformat: '%Y-%m-%d %H:%M'\nversion: v4.6\n", encoding="utf-8")
    return config


def compare(folder: Path, path: Path, entries: list[Entry], with_jrnl: bool) -> None:
    # An installed Kaart has compiled .pyc files (pip writes them); a checkout run with
    # PYTHONDONTWRITEBYTECODE=1 would compile every module on every run instead.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tui")], check=True,
                   stdout=subprocess.DEVNULL)
    env = dict(os.environ, KAART_HOME=str(path.parent.parent), NO_COLOR="1",
               PYTHONPATH=str(ROOT))
    kaart = [sys.executable, "-m", "tui", "search", WORD]
    subprocess.run(kaart, env=env, stdout=subprocess.DEVNULL, check=True)  # the daily check
    script = folder / "bare.py"
    script.write_text(BARE.format(words=SNIPPET_WORDS), encoding="utf-8")
    bare = [sys.executable, str(script), str(path), fts_query(WORD)]
    kaart_ms, kaart_cpu = wall(kaart, env, 9)
    bare_ms, bare_cpu = wall(bare, env, 9)
    with open_store(path, read_only=True) as store:
        matches = len(store.search(WORD, limit=None))
    print(f"\n== command line, {len(entries):,} entries, '{WORD}' ({matches} matches, all printed)")
    print(f"  kaart search {WORD:<20} {kaart_ms:8.1f} ms   (cpu {kaart_cpu:7.1f} ms)")
    print(f"  bare Python + same FTS query     {bare_ms:8.1f} ms   (cpu {bare_cpu:7.1f} ms)   "
          f"kaart / bare = {kaart_ms / bare_ms:.2f}x wall, {kaart_cpu / bare_cpu:.2f}x cpu "
          "(target <= 3x)")
    if not with_jrnl:
        print("  jrnl skipped (--no-jrnl)")
        return
    jrnl = ensure_jrnl()
    if jrnl is None:
        return
    config = write_jrnl(folder, entries)
    jenv = dict(os.environ, HOME=str(folder / "jrnl"), XDG_CONFIG_HOME=str(folder / "jrnl"),
                XDG_DATA_HOME=str(folder / "jrnl"))
    argv = [str(jrnl), "--config-file", str(config), "-contains", WORD]
    jrnl_ms, jrnl_cpu = wall(argv, jenv, 2)
    print(f"  jrnl -contains {WORD:<17} {jrnl_ms:8.1f} ms   (cpu {jrnl_cpu:7.1f} ms)   "
          f"jrnl / kaart = {jrnl_ms / kaart_ms:.0f}x (target >= 100x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 and 10,000 entries, no jrnl")
    parser.add_argument("--no-jrnl", action="store_true", help="skip the jrnl comparison")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--sizes", type=int, nargs="+", help="journal sizes to build")
    args = parser.parse_args()
    sizes = args.sizes or ((2_000, 10_000) if args.quick else (10_000, 100_000))
    folder = Path(tempfile.mkdtemp(prefix="kaart-bench-"))
    print(f"Kaart journal benchmark (SQLite {__import__('sqlite3').sqlite_version}, "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} cores), data in {folder}")
    try:
        last = None
        for count in sizes:
            started = time.perf_counter()
            path, text_bytes, entries = build(folder, count, Writer())
            print(f"\nbuilt {count:,} entries in {time.perf_counter() - started:.1f} s "
                  "(one import transaction)")
            measure(path, text_bytes, count)
            last = (path, entries)
        compare(folder, *last, with_jrnl=not (args.quick or args.no_jrnl))
    finally:
        if args.keep:
            print(f"\nkept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"\n(search matches are marked {MARK_START!r}...{MARK_END!r}; "
          "times are medians of repeated runs after a first, cold one)")


if __name__ == "__main__":
    main()
