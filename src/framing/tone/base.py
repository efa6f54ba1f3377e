"""What the tone measures share: voice groups, column checks, per-article ratios."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing import stats
from framing._errors import FramingError, missing_column

#: Voices whose words are the outlet's own, and voices of people it quotes.
VOICE_GROUPS: dict[str, tuple[str, ...]] = {
    "narrator": ("narrator", "headline", "interviewer"),
    "quoted": ("quote", "interviewee"),
}


def require(frame: pd.DataFrame, col: str, param: str) -> None:
    """Raise a :class:`FramingError` naming ``param`` when ``frame`` lacks column ``col``."""
    if col not in frame.columns:
        raise FramingError(missing_column(col, frame.columns, param))


def add_ratio(out: stats.ArticleStats, per_doc: pd.DataFrame, measure: str,
              base: str) -> None:
    """Add a ratio of per-article sums (``num`` / ``den``; ``per_doc`` indexed by doc_id);
    articles in corpus order (not ``per_doc``'s doc_id order, so the bootstrap sees the same
    order whatever the chunks), doc_ids not in the articles are left out."""
    pos_of = {d: i for i, d in enumerate(out.doc_ids)}
    pos = np.array([pos_of.get(str(d), -1) for d in per_doc.index], dtype=np.int64)
    keep = np.flatnonzero(pos >= 0)
    keep = keep[np.argsort(pos[keep], kind="stable")]
    out.add(measure, pos[keep], per_doc["num"].to_numpy(float)[keep],
            per_doc["den"].to_numpy(float)[keep], base=base)


def per_doc(values: pd.Series, by: pd.Series) -> pd.DataFrame:
    """Per ``doc_id``: the sum of ``values`` (``num``) and their number (``den``)."""
    grouped = values.groupby(by)
    return pd.DataFrame({"num": grouped.sum(), "den": grouped.size()})
