"""The bundled corpora as articles tables: the seed aggregator page and FA-KES."""

from __future__ import annotations

import logging

import pandas as pd

from framing import config
from framing.corpus import IngestReport, read_text, validate_articles
from framing.segment import split_aggregator

log = logging.getLogger("framing")

FAKES_CITATION = (
    "Salem, F. K. A., Al Feel, R., Elbassuoni, S., Jaber, M., & Farah, M. (2019). FA-KES: A Fake "
    "News Dataset around the Syrian War. ICWSM 13(1), 573-582. doi:10.5281/zenodo.2607278 (CC BY)"
)
#: FA-KES sources aligned with the Syrian state, and the opposition coalition (known groups).
STATE_ALIGNED = ("sana", "sputnik", "tass", "manar", "alalam")
OPPOSITION = ("etilaf",)
#: The two FA-KES outlets whose stance is known before measuring: the known-groups check.
KNOWN_GROUPS = (STATE_ALIGNED[0], OPPOSITION[0])
#: What the notebooks compare in the bundled corpora, in a study file's terms (as
#: ``framing run`` records a study): FA-KES's state agency against the other outlets.
BUNDLED_STUDIES = {"fakes": {"focus": [KNOWN_GROUPS[0]]}}
#: FA-KES outlet groups whose named doers of killings ``python -m framing.agency_eval``
#: compares: the state agency, the opposition coalition, two wire services.
FAKES_DOER_GROUPS = {"SANA": (STATE_ALIGNED[0],), "Etilaf": OPPOSITION,
                     "wire (reuters, tass)": ("reuters", "tass")}


def load_seed() -> pd.DataFrame:
    """Return the bundled aggregator page ("Posts Tagged 'Assad'", June 2017) as articles.

    Examples
    --------
    >>> articles = load_seed()
    >>> articles.groupby("outlet").size()["AFP"]
    np.int64(3)
    """
    text, _ = read_text(config.SEED_FILE)
    return split_aggregator(text, source=config.SEED_FILE.name).articles


def load_seed_furniture() -> pd.DataFrame:
    """Return every line of the seed page that is not article text, with the rule that moved it."""
    text, _ = read_text(config.SEED_FILE)
    return split_aggregator(text, source=config.SEED_FILE.name).furniture


def load_fakes() -> pd.DataFrame:
    """Return FA-KES (804 Syrian-war articles, 15 outlets) as an articles table.

    ``outlet`` is the dataset's ``source`` (``sana``, ``etilaf``, ``reuters``...), ``doc_id`` is
    ``fk`` + its ``unit_id``; the credibility label goes into ``flags`` (``fakes_label=0|1``).
    Commas and apostrophes were stripped from the texts by the dataset's makers, so readability
    and quotes are weak on it (see ``data/README.md``).
    """
    raw = pd.read_csv(config.FAKES_FILE, dtype=str, keep_default_na=False)
    titles = raw["article_title"].str.strip()
    frame = pd.DataFrame({
        "doc_id": "fk" + raw["unit_id"],
        "title": titles,
        "text": [
            t if not title or t.startswith(title) else f"{title}\n\n{t}"
            for title, t in zip(titles, raw["article_content"], strict=True)
        ],
        "outlet": raw["source"].str.strip(),
        "date": raw["date"],
        "flags": "fakes_label=" + raw["labels"],
        "source_lines": [str(i + 2) for i in range(len(raw))],
        "outlet_evidence": "column 'source' of FA-KES-Dataset.csv",
    })
    report = IngestReport(config.FAKES_FILE.name)
    articles = validate_articles(frame, source=config.FAKES_FILE.name, report=report)
    log.info(report.summary())
    return articles


VADER_NYT_CITATION = (
    "Hutto, C. J., & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment "
    "Analysis of Social Media Text. ICWSM 8(1). Ground truth from cjhutto/vaderSentiment (MIT)."
)


def load_vader_nyt() -> pd.DataFrame:
    """Return 5,190 New York Times editorial snippets with their mean human rating.

    Columns ``doc_id``, ``rating`` (mean of 20 raters, -4 to 4) and ``text``. Hutto & Gilbert
    (2014, Table 4) report VADER's correlation with these ratings as r = 0.492 and that of
    individual raters with the mean as r = 0.745: the ceiling for tone on news-like text.
    """
    return pd.read_csv(config.VADER_NYT_FILE, sep="\t", header=None, quoting=3,
                       names=["doc_id", "rating", "text"], dtype={"doc_id": str})
