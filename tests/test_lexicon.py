"""Term lexicons: the bundled families, pattern expansion, user YAML, quanteda and LIWC files."""

from __future__ import annotations

import textwrap

import pytest

from framing._errors import FramingError
from framing.lexicon import expand_pattern, fold, load_lexicon
from framing.terms import terms_in_text


def _write(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.mark.parametrize("family, terms", [
    ("state_label", {"regime", "government", "authorities", "administration",
                     "legitimate_government"}),
    ("armed_opposition", {"terrorists", "militants", "jihadists", "extremists", "insurgents",
                          "rebels", "opposition", "fighters", "armed_groups",
                          "moderate_opposition"}),
    ("islamic_state", {"IS", "ISIS", "Isis", "ISIL", "Isil", "Daesh", "Islamic State"}),
    ("action", {"liberate", "free", "seize", "capture", "take", "regain", "fall"}),
    ("legitimacy", {"act_of_aggression", "self_defence", "international_law", "sovereignty"}),
    ("distancing", {"alleged", "so_called", "purported", "claimed", "reportedly"}),
])
def test_bundled_lexicon_has_the_issue_families(family, terms):
    assert terms <= set(load_lexicon().family(family).term_names())


def test_every_bundled_term_has_a_note():
    assert all(term.note.strip() for _, term in load_lexicon().iter_terms())


def test_braces_and_hyphens_expand_to_every_surface_form():
    assert sorted(expand_pattern("self-defen{c,s}e")) == [
        "self defence", "self defense", "self-defence", "self-defense"]


def test_fold_keeps_length_with_unicode_hyphens_and_apostrophes():
    text = "Assad’s ANTI‐government İstanbul"
    assert len(fold(text)) == len(text)
    assert fold(text).startswith("assad's anti-government")


@pytest.mark.parametrize("thugs, shares, message", [
    ("{note: x, variants: [thugs], colour: red}", "",
     r"mine\.thugs.*unknown key\(s\) \['colour'\]"),
    ('{note: x, variants: ["thugs", "  "]}', "", r"mine\.thugs.*empty pattern"),
    ("{note: x, variants: [thugs], case: upper}", "",
     r"case 'upper'; allowed are \['auto', 'exact', 'any'\]"),
    ("{note: x, variants: [thugs]}",
     'shares:\n  s: {family: mine, numerator: [goons], denominator: ["*"]}\n',
     r"names term 'goons', which is not in family 'mine'"),
], ids=["unknown key", "empty pattern", "bad case mode", "share names a missing term"])
def test_bad_user_lexicon_entry_is_named_in_the_error(tmp_path, thugs, shares, message):
    body = f"families:\n  mine:\n    note: test\n    terms:\n      thugs: {thugs}\n{shares}"
    with pytest.raises(FramingError, match=message):
        load_lexicon(_write(tmp_path, "bad.yaml", body))


def test_user_family_extends_the_bundled_lexicon(tmp_path):
    path = _write(tmp_path, "mine.yaml", """\
        families:
          pejoratives:
            note: insults for armed groups
            terms:
              thugs: {note: x, variants: ["thug{,s}"]}
        """)
    lex = load_lexicon(path)
    assert "pejoratives" in lex.family_names() and "state_label" in lex.family_names()


def test_user_family_with_a_bundled_name_replaces_it_and_drops_its_share(tmp_path):
    path = _write(tmp_path, "mine.yaml", """\
        families:
          state_label:
            note: only one label
            terms:
              government: {note: x, variants: [government]}
        """)
    with pytest.warns(UserWarning, match="regime_vs_government"):
        lex = load_lexicon(path)
    assert lex.family("state_label").term_names() == ["government"]
    assert "regime_vs_government" not in [s.name for s in lex.shares]


def test_extend_false_uses_the_user_lexicon_alone(tmp_path):
    path = _write(tmp_path, "mine.yaml", """\
        families:
          pejoratives:
            note: x
            terms:
              thugs: {note: x, variants: [thugs]}
        """)
    assert load_lexicon(path, extend=False).family_names() == ["pejoratives"]


def test_quanteda_dictionary_nests_keys_and_globs_word_endings(tmp_path):
    path = _write(tmp_path, "dict.yml", """\
        conflict:
          violence: [bomb*, shell*]
          peace: [ceasefire, truce]
        """)
    lex = load_lexicon(path, extend=False)
    assert lex.family("conflict").term_names() == ["violence", "peace"]
    sentence = "Terrorist organizations fired tens of shells on the residential neighborhoods"
    rows = terms_in_text(sentence, lex)
    assert [(r[5], r[6]) for r in rows] == [("violence", "shells")]


def test_liwc_dictionary_word_in_two_categories_gives_two_hits(tmp_path):
    path = _write(tmp_path, "small.dic", """\
        %
        1\tviolence
        2\tmilitary
        %
        shell*\t1\t2
        army\t2
        """)
    lex = load_lexicon(path, extend=False)
    text = "the army said it fired shells on the residential neighborhoods"
    found = sorted((r[4], r[6]) for r in terms_in_text(text, lex))
    assert found == [("military", "army"), ("military", "shells"), ("violence", "shells")]


def test_liwc_word_with_unknown_category_is_an_error(tmp_path):
    path = _write(tmp_path, "bad.dic", "%\n1\tviolence\n%\nshell*\t3\n")
    with pytest.raises(FramingError, match=r"'shell\*' names category '3'"):
        load_lexicon(path)


def test_missing_lexicon_file_says_what_is_expected(tmp_path):
    with pytest.raises(FramingError, match=r"not a file; pass a \.yaml/\.yml lexicon or a LIWC"):
        load_lexicon(tmp_path / "nope.yaml")


def test_glob_only_at_the_end_of_a_pattern(tmp_path):
    path = _write(tmp_path, "dict.yml", "conflict: [b*mb]\n")
    with pytest.raises(FramingError, match=r"'\*' may only end a pattern"):
        load_lexicon(path)
