"""The suite works without a network: the known download traps are closed."""

from __future__ import annotations

import socket

import pytest

from framing.offline import _convert_cmudict, ensure_cmudict


def test_sockets_are_disabled_in_the_tests():
    with pytest.raises(Exception, match="[Ss]ocket"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_cmudict_lines_become_nltk_format(tmp_path):
    src = tmp_path / "cmudict.dict"
    src.write_text("abbe AE1 B IY0\nabbe(2) AE1 B # place\n", encoding="utf-8")
    assert _convert_cmudict(src) == "ABBE 1 AE1 B IY0\nABBE 2 AE1 B\n"


def test_textstat_counts_syllables_offline():
    ensure_cmudict()
    import textstat

    # "international" has five syllables in the CMU dictionary; no download is attempted
    assert textstat.syllable_count("international") == 5
    assert textstat.flesch_reading_ease(
        "Russia's defence ministry has said it will treat any plane as a target.") > 0


def test_nltk_reads_the_converted_dictionary():
    ensure_cmudict()
    from nltk.corpus import cmudict

    assert cmudict.dict()["regime"][0][-1] == "M"


def test_vader_lexicon_ships_inside_its_package():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    scores = SentimentIntensityAnalyzer().polarity_scores("a flagrant aggression")
    assert scores["compound"] < 0
