"""The stage registry: what every stage declares, read by the CLI, the pipeline and the report.

A stage is one module plus one :class:`Stage` entry in :data:`STAGES`. The entry names the
stage's functions by attribute (so reading the registry imports nothing heavy):

* ``per_text`` analyses one text (for a notebook or a test);
* ``find(articles, **options)`` returns the stage's table (``table``, columns ``columns``);
* ``stats(table, articles, **options)`` returns the per-article numerators and denominators
  of its measures (:data:`framing.stats.ARTICLE_STAT_COLUMNS`), which
  :func:`framing.stats.outlet_scores` turns into per-outlet values with intervals.

``framing <stage>``, ``framing score``, the report's table list, ``bench/`` and
``docs/architecture.md`` all read :data:`STAGES`. See docs/architecture.md for the data flow.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType


@dataclass(frozen=True)
class Measure:
    """One statistic a stage reports: its subjects, voices and the base it divides by."""

    statistic: str
    subject: str
    voices: str
    base: str
    about: str


@dataclass(frozen=True)
class Option:
    """A command-line option of a stage (``argparse`` flag, help, and ``store_true`` or not).
    The stage's ``cli_kwargs`` function turns the parsed options into keyword arguments."""

    flag: str
    help: str
    switch: bool = False


@dataclass(frozen=True)
class Stage:
    """What a stage declares: names, table, functions (module attributes) and measures."""

    name: str
    module: str
    table: str
    columns: str
    per_text: str | Callable
    find: str | Callable
    stats: str | Callable | None
    help: str
    measures: tuple[Measure, ...] = ()
    uses: tuple[str, ...] = ()  # tables of other stages its stats read (given when present)
    fill_absent: bool = False  # its measure list depends on the data (see stats.outlet_scores)
    options: tuple[Option, ...] = field(default=())
    cli_kwargs: str | None = None  # module function: parsed args -> (find kwargs, stats kwargs)
    extra_tables: tuple[tuple[str, str], ...] = ()  # (table, module function of articles)

    def load(self) -> ModuleType:
        """The stage's module (imported on first use)."""
        return importlib.import_module(self.module)

    def function(self, role: str) -> Callable:
        """The stage's ``per_text``, ``find`` or ``stats`` function (an entry may also give
        the function itself instead of its name)."""
        found = getattr(self, role)
        return found if callable(found) else getattr(self.load(), found)

    def table_columns(self) -> list[str]:
        """The documented columns of the stage's table."""
        return list(getattr(self.load(), self.columns))


STAGES: tuple[Stage, ...] = (
    Stage("sentences", "framing.text", "sentences", "SENTENCE_COLUMNS", "sentence_spans",
          "sentences", None, "sentences with offsets (shared by the other stages)"),
    Stage("terms", "framing.terms", "term_hits", "TERM_HIT_COLUMNS", "terms_in_text",
          "find_terms", "term_stats",
          "contested labels: term_hits and per-outlet rates/shares",
          measures=(
              Measure("rate", "family/term ('*': the family)", "all, narrator",
                      "words, narrator_words", "hits per 1,000 words"),
              Measure("share", "share name", "all, narrator", "labels",
                      "numerator labels / denominator labels of a lexicon share")),
          options=(Option("--lexicon", "your lexicon (framing YAML, quanteda YAML or LIWC "
                                       ".dic), added to the bundled one"),
                   Option("--lexicon-only",
                          "use --lexicon alone instead of adding it to the bundled lexicon",
                          switch=True)),
          cli_kwargs="cli_kwargs"),
    Stage("quotes", "framing.quotes", "quotes", "QUOTE_COLUMNS", "quotes_in_text", "find_quotes",
          "quote_stats", "quotations with speaker, side and relay; voice balance",
          measures=(
              Measure("per_article", "side", "", "articles", "quotes per article"),
              Measure("words_per_article", "side", "", "articles",
                      "quoted words per article"),
              Measure("share", "side", "", "quotes", "share of the outlet's quotes"),
              Measure("word_share", "side", "", "quoted_words",
                      "share of the outlet's quoted words"),
              Measure("official_share", "", "", "quotes", "share of quotes from officials"),
              Measure("entropy", "", "", "quotes",
                      "entropy of quotes over sides / log(number of sides)")),
          options=(Option("--actors", "your actor lexicon (YAML, as the topic's actors.yaml), "
                                      "added to the topic's"),
                   Option("--actors-only", "use --actors alone instead of adding it to the "
                                           "topic's actor lexicon", switch=True)),
          cli_kwargs="cli_kwargs"),
    Stage("agency", "framing.agency", "events", "EVENT_COLUMNS", "events_in_text", "find_events",
          "agency_stats", "events of violence and force: who did it, named or hidden",
          measures=(
              Measure("share", "construction", "", "events",
                      "share of event mentions in a construction"),
              Measure("named_share", "'' or the doer's side", "all, headline, body", "events",
                      "share of event mentions that name the doer")),
          fill_absent=True),
    Stage("tone", "framing.tone", "tone", "TONE_COLUMNS", "tone_in_text", "find_tone", "tone_stats",
          "VADER tone per sentence, toward actors, by voice; hedges",
          measures=(
              Measure("mean", "'' or target", "all, narrator, quoted", "sentences",
                      "mean VADER compound score of sentences"),
              Measure("rate", "hedge, distancing, scare_quote", "", "words",
                      "markers per 1,000 words"),
              Measure("loaded_cue_share", "'' or side", "", "cued_quotes",
                      "share of attributed quotes with a loaded verb")),
          uses=("quotes",),
          options=(Option("--no-voices",
                          "skip quote and interview voices (faster; headline/narrator only)",
                          switch=True),),
          cli_kwargs="cli_kwargs", extra_tables=(("hedges", "find_hedges"),)),
    Stage("readability", "framing.readability", "readability", "READABILITY_COLUMNS",
          "readability_in_text", "find_readability", "readability_stats",
          "Flesch, Flesch-Kincaid, fog, SMOG, Dale-Chall",
          measures=(Measure("mean", "the formula", "", "articles",
                            "mean score of the outlet's articles"),)),
)

#: Every table :func:`framing.pipeline.score` writes, in order.
TABLES = ("articles", *(s.table for s in STAGES), "outlet_scores")


def markdown() -> str:
    """The registry as Markdown tables (stages, then measures): docs/architecture.md holds
    this text between its ``registry`` markers, and a test keeps the two equal."""
    lines = ["| stage | module | table | per text | per table | per-article statistics | "
             "uses | CLI options |", "|" + "---|" * 8]
    for s in STAGES:
        name = lambda f: f if isinstance(f, str) else getattr(f, "__name__", "?")  # noqa: E731
        opts = ", ".join(f"`{o.flag}`" for o in s.options) or "–"
        lines.append(f"| {s.name} | `{s.module}` | `{s.table}` | `{name(s.per_text)}` | "
                     f"`{name(s.find)}` | {f'`{name(s.stats)}`' if s.stats else '–'} | "
                     f"{', '.join(s.uses) or '–'} | {opts} |")
    lines += ["", "| stage | statistic | subject | voice | base | what |", "|" + "---|" * 6]
    for s in STAGES:
        for m in s.measures:
            lines.append(f"| {s.name} | {m.statistic} | {m.subject or '–'} | "
                         f"{m.voices or '–'} | {m.base} | {m.about} |")
    return "\n".join(lines) + "\n"


def stage(name: str) -> Stage:
    """The registered stage called ``name``."""
    from framing._errors import FramingError, bad_value

    for s in STAGES:
        if s.name == name:
            return s
    raise FramingError(bad_value("stage", "stage", [s.name for s in STAGES], name))


def write_docs(path: str | None = None) -> bool:
    """Put :func:`markdown` between the ``registry`` markers of docs/architecture.md; True
    when the file changed (``make docs`` runs this)."""
    from pathlib import Path

    from framing.config import PROJECT_ROOT

    target = Path(path) if path else PROJECT_ROOT / "docs" / "architecture.md"
    text = target.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    new = f"{head}{BEGIN}\n{markdown()}{END}{tail}"
    if new != text:
        target.write_text(new, encoding="utf-8")
    return new != text


BEGIN, END = "<!-- registry:begin -->", "<!-- registry:end -->"

__all__ = ["STAGES", "TABLES", "Measure", "Option", "Stage", "markdown", "stage", "write_docs"]
