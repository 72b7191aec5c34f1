"""What the benchmarks share: Kaart installed as a user installs it, a pseudo-terminal,
realistic Dutch reflection text, jrnl in its own environment, and timing helpers.

- :func:`install` makes a virtual environment with ``pip install <source>``
  (the working tree, or a git revision for a before/after run), so every
  figure is the installed ``kaart`` console script, with compiled bytecode,
  never ``python -m tui`` from a source path.
- :func:`user_env` is a user's environment: its own ``HOME`` (so the journal,
  settings and decks are in ``~/.local/share/kaart`` and ``~/.config/kaart``
  as platformdirs puts them), no ``KAART_HOME``, no ``PYTHONDONTWRITEBYTECODE``.
- :class:`Terminal` runs a program in a real pseudo-terminal, as a user
  starts it; a frame is what it writes.
- :class:`TextWriter` writes entries like real notes (Zipf-weighted topics,
  names, compound words), reproducibly from a seed.
"""

from __future__ import annotations

import fcntl
import itertools
import os
import pty
import random
import select
import signal
import statistics
import struct
import subprocess
import sys
import tarfile
import tempfile
import termios
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("KAART_BENCH_CACHE", Path.home() / ".cache" / "kaart-benchmarks"))


# -- installing ---------------------------------------------------------------------------
def _pip(venv: Path, *args: str) -> None:
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                    "--disable-pip-version-check", *args], check=True)


def install(revision: str | None = None) -> Path:
    """A virtual environment with Kaart installed from the working tree (``None``) or from
    ``revision`` (a git commit), with the pinned versions of ``constraints.txt``; its path.

    A revision's environment is kept in :data:`CACHE` and reused; the working tree is
    installed again every run (without touching the dependencies), so it is what is measured.
    """
    if revision is None:
        venv = CACHE / "venv-worktree"
        source, constraints = ROOT, ROOT / "constraints.txt"
    else:
        commit = subprocess.run(["git", "rev-parse", revision], cwd=ROOT, check=True,
                                capture_output=True, text=True).stdout.strip()
        venv = CACHE / f"venv-{commit[:12]}"
        if (venv / "bin" / "kaart").exists():
            return venv
        source = CACHE / f"src-{commit[:12]}"
        if not source.exists():
            archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=ROOT,
                                     check=True, capture_output=True).stdout
            source.mkdir(parents=True)
            with tempfile.TemporaryFile() as handle:
                handle.write(archive)
                handle.seek(0)
                with tarfile.open(fileobj=handle) as tar:
                    tar.extractall(source, filter="data")
        constraints = source / "constraints.txt"
        if not constraints.exists():
            constraints = ROOT / "constraints.txt"
    fresh = not (venv / "bin" / "python").exists()
    if fresh:
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        _pip(venv, "-c", str(constraints), str(source))
    else:
        _pip(venv, "--no-deps", "--force-reinstall", str(source))
    return venv


def install_jrnl() -> Path | None:
    """jrnl in the benchmarks' own environment (``pip install jrnl``); ``None`` if it fails."""
    venv = CACHE / "venv-jrnl"
    jrnl = venv / "bin" / "jrnl"
    if jrnl.exists():
        return jrnl
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        _pip(venv, "jrnl")
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"  jrnl left out: could not install it ({error})")
        return None
    return jrnl if jrnl.exists() else None


def user_env(home: Path, **extra: str) -> dict[str, str]:
    """A user's environment with ``home`` as their home folder."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("KAART_", "XDG_")) and key not in (
               "PYTHONDONTWRITEBYTECODE", "PYTHONPATH", "NO_COLOR", "VIRTUAL_ENV")}
    env.update(HOME=str(home), LANG="C.UTF-8", TERM="xterm-256color", **extra)
    return env


# -- timing -------------------------------------------------------------------------------
def run_ms(argv: list[str], env: dict[str, str]) -> float:
    """Wall milliseconds of one run of ``argv`` (its output thrown away)."""
    started = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    return (time.perf_counter() - started) * 1000


def paired(commands: dict[str, tuple[list[str], dict[str, str]]], runs: int) -> dict[str, float]:
    """Median ms of each command, the runs interleaved (one of each, then again) so that a
    busy machine weighs on all of them alike; one warm-up run of each first."""
    for argv, env in commands.values():
        run_ms(argv, env)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (argv, env) in commands.items():
            samples[name].append(run_ms(argv, env))
    return {name: statistics.median(values) for name, values in samples.items()}


# -- a pseudo-terminal --------------------------------------------------------------------
class Terminal:
    """A program running in a pseudo-terminal of ``size`` (columns, lines)."""

    def __init__(self, argv: list[str], env: dict[str, str], size: tuple[int, int] = (100, 30)
                 ) -> None:
        self.main, child = pty.openpty()
        fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        env = dict(env, COLUMNS=str(size[0]), LINES=str(size[1]))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(argv, env=env, stdin=child, stdout=child, stderr=child,
                                        start_new_session=True)
        os.close(child)
        self.seen = b""

    def read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.main], [], [], timeout)
        if not ready:
            return b""
        try:
            chunk = os.read(self.main, 1 << 20)
        except OSError:
            return b""
        self.seen += chunk
        return chunk

    def wait_for(self, needle: bytes, timeout: float = 60) -> float:
        """Seconds from the start of the program until ``needle`` has been written."""
        deadline = time.perf_counter() + timeout
        while needle not in self.seen:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{needle!r} never appeared; last output: {self.seen[-400:]!r}")
            self.read(0.02)
        return time.perf_counter() - self.started

    def drain(self, quiet: float = 0.3) -> None:
        while self.read(quiet):
            pass

    def key_to_frame(self, key: bytes, until: bytes | None = None) -> float:
        """Seconds from writing ``key`` to the next output (or to the output holding ``until``)."""
        self.drain()
        self.seen = b""
        start = time.perf_counter()
        os.write(self.main, key)
        while True:
            if not self.read(10):
                raise TimeoutError(key)
            if until is None or until in self.seen:
                return time.perf_counter() - start

    def peak_memory(self) -> int:
        """The program's peak resident memory so far (KiB), from ``/proc``.

        Not ``wait4``'s ``ru_maxrss``: that counts the pages of the benchmark itself,
        which the child shares between ``fork`` and ``exec``.
        """
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmHWM in /proc: this benchmark needs Linux")

    def quit(self, key: bytes = b"q") -> tuple[float, int]:
        """Seconds from the quit key to the process ending, and its peak memory (KiB)."""
        self.drain()
        memory = self.peak_memory()
        start = time.perf_counter()
        os.write(self.main, key)
        deadline = start + 30
        while time.perf_counter() < deadline:
            self.read(0.005)  # keep the terminal drained so the app can write its last frame
            pid, _status = os.waitpid(self.process.pid, os.WNOHANG)
            if pid:
                elapsed = time.perf_counter() - start
                os.close(self.main)
                return elapsed, memory
        raise TimeoutError("the program did not quit")

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Static("Hello from a bare Textual app")

Bare().run()
"""
BARE_MARKER = b"Hello from a bare"


# -- realistic text -----------------------------------------------------------------------
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
WORD = "traplift"  # a rare word (about one entry in a hundred)
PHRASE = '"eigen regie"'
COMMON = "gesprek"  # in about one entry in four


def zipf(count: int) -> list[float]:
    return list(itertools.accumulate(1 / (rank + 1) for rank in range(count)))


class TextWriter:
    """Sentences and entries like real notes, reproducible from ``seed``."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.weights = {"topic": zipf(len(TOPICS)), "reflection": zipf(len(REFLECTIONS))}

    def pick_weighted(self, values: list, weights: list[float]):
        return self.rng.choices(values, cum_weights=weights)[0]

    def _fill(self, template: str) -> str:
        pick = self.rng.choice
        person = pick(PEOPLE).format(first=pick(FIRST), last=pick(LAST))
        return template.format(person=person, topic=self.pick_weighted(TOPICS,
                                                                       self.weights["topic"]),
                               place=pick(PLACES), part=pick(PARTS), end=pick(ENDS),
                               first=pick(FIRST), last=pick(LAST))

    def sentence(self) -> str:
        rng = self.rng
        if rng.random() < 0.3:
            text = (f"{rng.choice(OPENERS)} {self._fill(rng.choice(VERBS))} "
                    f"{self._fill(rng.choice(PLACES))}.")
        else:
            text = self._fill(self.pick_weighted(REFLECTIONS, self.weights["reflection"]))
        return text[0].upper() + text[1:]

    def body(self) -> str:
        rng = self.rng
        paragraphs = [" ".join(self.sentence() for _ in range(rng.randint(2, 4)))
                      for _ in range(rng.choice((1, 1, 2, 2, 3)))]
        body = "\n\n".join(paragraphs)
        if rng.random() < 0.3:
            body += " #" + rng.choice(TAGS)
        return body

    def moments(self, count: int, start: datetime = datetime(2016, 1, 1, 7, tzinfo=UTC),
                end: datetime = datetime(2026, 11, 1, tzinfo=UTC)) -> list[datetime]:
        step = (end - start) / count
        return [start + step * number + timedelta(minutes=self.rng.randint(0, 50))
                for number in range(count)]


def jrnl_entries(count: int, seed: int = 7) -> list[dict]:
    """``count`` entries as jrnl's JSON export has them (title, body, date, time, tags)."""
    writer = TextWriter(seed)
    entries = []
    for moment in writer.moments(count):
        local = moment.astimezone()
        body = writer.body()
        title, _, rest = body.partition(". ")
        entries.append({"title": title.rstrip(".") + ".", "body": rest,
                        "date": f"{local:%Y-%m-%d}", "time": f"{local:%H:%M}",
                        "tags": sorted({f"#{word[1:]}" for word in body.split()
                                        if word.startswith("#")}),
                        "starred": False})
    return entries


def write_jrnl_journal(folder: Path, entries: list[dict]) -> Path:
    """jrnl's own plain-text journal of ``entries`` and its config file; the config's path."""
    journal = folder / "journal.txt"
    folder.mkdir(parents=True, exist_ok=True)
    with journal.open("w", encoding="utf-8") as handle:
        for entry in entries:
            handle.write(f"[{entry['date']} {entry['time']}] {entry['title']}\n{entry['body']}\n\n")
    config = folder / "jrnl.yaml"
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\ndefault_hour: 9\n"
        "default_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\n"
        f"journals:\n  default:\n    journal: {journal}\nlinewrap: 79\ntagsymbols: '#@'\n"
        "template: false\ntimeformat: '%Y-%m-%d %H:%M'\nversion: v4.6\n", encoding="utf-8")
    return config

