"""A scikit-learn transformer of texts into label rates, for models built on framing's lexicons.

Kept apart from :mod:`framing.terms` so that importing framing does not import scikit-learn.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from framing._errors import FramingError, bad_value
from framing.lexicon import load_lexicon
from framing.terms.find import hit_rows
from framing.terms.patterns import compile_lexicon
from framing.terms.scores import SCORE_VOICES
from framing.text import count_words


class TermFamilyVectorizer(TransformerMixin, BaseEstimator):
    """Turn texts into per-document label rates (hits per 1,000 words) by family or term.

    Parameters
    ----------
    lexicon : Lexicon, path or None, default=None
        Lexicon to match (bundled one by default).
    families : list of str, optional
        Families to keep (default: all).
    by : {'family', 'term'}, default='family'
        One feature per family, or one per ``family:term``.
    voice : {'all', 'narrator'}, default='all'
        Count every hit, or only the narrator's.

    Attributes
    ----------
    lexicon_ : Lexicon
    feature_names_out_ : ndarray of str

    Examples
    --------
    >>> vec = TermFamilyVectorizer(families=["state_label"]).fit(["x"])
    >>> vec.transform(["The regime fell. The regime lied."]).round(1).tolist()
    [[333.3]]
    """

    def __init__(self, *, lexicon=None, families=None, by="family", voice="all"):
        self.lexicon = lexicon
        self.families = families
        self.by = by
        self.voice = voice

    def fit(self, X, y=None):
        """Load the lexicon and fix the feature names."""
        if self.by not in ("family", "term"):
            raise FramingError(bad_value("by", "TermFamilyVectorizer", ["family", "term"],
                                         self.by))
        if self.voice not in SCORE_VOICES:
            raise FramingError(bad_value("voice", "TermFamilyVectorizer", SCORE_VOICES,
                                         self.voice))
        lex = load_lexicon(self.lexicon)
        names = lex.family_names()
        for f in self.families or ():
            if f not in names:
                raise FramingError(bad_value("families", "TermFamilyVectorizer", names, f))
        fams = [f for f in lex.families if self.families is None or f.name in self.families]
        feats = [f.name for f in fams] if self.by == "family" else [
            f"{f.name}:{t.name}" for f in fams for t in f.terms]
        self.lexicon_ = lex
        self.feature_names_out_ = np.asarray(feats, dtype=object)
        self._index = {name: i for i, name in enumerate(feats)}
        self.n_features_in_ = 1
        return self

    def transform(self, X):
        """Return an array (n_documents, n_features) of hits per 1,000 words."""
        check_is_fitted(self, "feature_names_out_")
        texts = _texts(X)
        out = np.zeros((len(texts), len(self.feature_names_out_)))
        comp = compile_lexicon(self.lexicon_)
        for i, t in enumerate(texts):
            n_words = count_words(t)
            if not n_words:
                continue
            for row in hit_rows(t, comp, "", "", [], None, False):
                if self.voice == "narrator" and row[8] != "narrator":
                    continue
                key = row[4] if self.by == "family" else f"{row[4]}:{row[5]}"
                j = self._index.get(key)
                if j is not None:
                    out[i, j] += 1
            out[i] *= 1000.0 / n_words
        return out

    def get_feature_names_out(self, input_features=None):
        """Names of the output columns (families, or ``family:term``)."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags


def _texts(X) -> list[str]:
    if isinstance(X, str):
        raise FramingError("TermFamilyVectorizer expects an iterable of texts, got one str; "
                           "wrap it in a list.")
    if isinstance(X, pd.DataFrame):
        if X.shape[1] != 1:
            raise FramingError(f"TermFamilyVectorizer takes one column of texts; got a frame "
                               f"with columns {list(X.columns)}. Select the text column.")
        X = X.iloc[:, 0]
    texts = list(X)
    for t in texts:
        if not isinstance(t, str):
            raise FramingError(f"TermFamilyVectorizer expects texts (str); got "
                               f"{type(t).__name__}.")
    return texts
