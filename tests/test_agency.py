"""Agency: event mentions of violence, their construction, doer, flags and per-outlet shares."""

from __future__ import annotations

import json
import time

import pandas as pd
import pytest

from framing._errors import FramingError
from framing.actors import find_actors
from framing.agency import (
    CONSTRUCTIONS,
    EVENT_COLUMNS,
    construction_shares,
    events_in_text,
    find_events,
    load_events,
    score_agency,
)
from framing.agency_eval import FAKES_GOLD, SEED_GOLD, accuracy_table, compare, read_gold
from framing.text import sentence_spans


@pytest.fixture(scope="module")
def seed_events(seed_articles):
    return find_events(seed_articles)


@pytest.fixture(scope="module")
def fakes_events(fakes_articles):
    return find_events(fakes_articles)


@pytest.fixture(scope="module")
def seed_joined(seed_articles, seed_events):
    return compare(read_gold(SEED_GOLD), seed_events, seed_articles)


def _one(text: str, match: str) -> dict:
    rows = [e for e in events_in_text(text) if e["match"] == match]
    assert len(rows) == 1, rows
    return rows[0]


SEED_DOCS = sorted(set(read_gold(SEED_GOLD)["doc_id"]))


@pytest.mark.parametrize("doc_id", SEED_DOCS)
def test_seed_article_constructions_match_gold(seed_joined, doc_id):
    part = seed_joined[seed_joined["doc_id"] == doc_id]
    wrong = part.loc[~part["construction_ok"], ["match", "occurrence", "construction",
                                                  "construction_sys"]]
    assert wrong.empty, wrong.to_string()


@pytest.mark.parametrize("doc_id", sorted(set(SEED_DOCS) | {"a08", "a14"}))
def test_seed_article_has_no_mention_outside_gold(seed_events, seed_joined, doc_id):
    found = set(seed_events.loc[seed_events["doc_id"] == doc_id, "start"])
    gold = set(seed_joined.loc[seed_joined["doc_id"] == doc_id, "start"])
    assert found == gold


def test_seed_counted_flags_and_sides_mostly_right(seed_joined):
    table = accuracy_table(seed_joined).set_index("construction")
    assert table.loc["all", "counted_acc"] >= 0.9
    assert table.loc["all", "agent_side_acc"] >= 0.9


def test_every_june_2017_shootdown_report_is_found(seed_joined):
    shoot = seed_joined[seed_joined["verb"].isin(["shoot down", "down", "take down"])]
    assert len(shoot) == 33 and shoot["found"].all()  # 33 in the gold, the June 8 drone too


def test_fakes_gold_construction_accuracy(fakes_articles, fakes_events):
    gold = read_gold(FAKES_GOLD)
    table = accuracy_table(compare(gold, fakes_events, fakes_articles)).set_index("construction")
    assert table.loc["all", "n"] >= 100
    assert table.loc["all", "construction_acc"] >= 0.9
    assert table.loc["all", "agent_side_acc"] >= 0.85


def test_by_phrase_names_the_agent_of_a_passive():
    e = _one("The Syrian SU-22 fighter bomber was shot down by an American F18 Super Hornet "
             "after it had dropped bombs near the US-backed Syrian Democratic Forces.", "shot down")
    assert (e["construction"], e["agent"]) == ("passive_agent", "an American F18 Super Hornet")
    assert e["patient"] == "The Syrian SU-22 fighter bomber"


def test_passive_without_by_phrase_hides_the_agent():
    e = _one("The coalition said the Syrian warplane had been shot down “in accordance with "
             "rules of engagement”.", "shot down")
    assert (e["construction"], e["agent"]) == ("passive_agentless", "")


def test_bombs_as_weapons_are_not_events():
    assert events_in_text("the Syrian jet had dropped bombs near US partner forces") == []


def test_noun_modifier_names_the_agent_of_a_nominalisation():
    e = _one("as tensions escalate following the U.S. downing of a Syrian military jet on "
             "Sunday.", "downing")
    assert (e["construction"], e["agent"], e["agent_side"]) == ("nominal_agent", "U.S.", "us_gov")
    assert e["patient"] == "a Syrian military jet"


def test_by_phrase_after_the_patient_names_the_agent_of_a_nominalisation():
    e = _one("Moscow sees the downing of a Syrian government warplane by the United States as "
             "an act of aggression.", "downing")
    assert (e["construction"], e["agent"]) == ("nominal_agent", "the United States")


def test_headline_nominalisation_without_modifier_is_agentless():
    e = _one("Russia warns US-led coalition over downing of Syrian jet", "downing")
    assert (e["construction"], e["agent"]) == ("nominal_agentless", "")


@pytest.mark.parametrize(("headline", "match"), [
    ("Five dead as Russian military helicopter downed in Syria | Jordan Times", "downed"),
    ("5 Killed as Russian Military Chopper Shot down in Syria", "Shot down"),
    ("Syrian aircraft shot down over Raqqa", "shot down"),  # the wording
])
def test_headline_participle_without_be_is_agentless_passive(headline, match):
    e = _one(headline, match)
    assert (e["construction"], e["agent"]) == ("passive_agentless", "")


@pytest.mark.parametrize(("headline", "match"), [
    ("Syrian Coalition Condemns Attack on Syrian Interim Government Headquarters in Azaz Aleppo",
     "Attack"),
    ("Moscow condemns downing of Syrian aircraft", "downing"),  # the wording
])
def test_headline_subject_of_finite_verb_is_not_the_doer_of_a_nominal(headline, match):
    e = _one(headline, match)
    assert (e["construction"], e["agent"]) == ("nominal_agentless", "")


def test_headline_after_a_colon_names_its_subject_as_doer():
    e = _one("Pentagon: US shoots down Syrian aircraft for first time", "shoots down")
    assert (e["construction"], e["agent"]) == ("active", "US")


def test_relative_clause_subject_is_the_antecedent_not_the_nearest_name():
    e = _one("It said the missiles were “in retaliation” for a June 7 attack on the parliament "
             "complex and the shrine of revolutionary leader Ayatollah Ruhollah Khomeini that "
             "killed 17 people.", "killed")
    assert e["construction"] == "active" and "Khomeini" not in e["agent"]
    assert e["agent"] == ""  # the antecedent is an attack, which names no doer


def test_of_phrase_names_the_doer_of_an_attack():
    e = _one("\"The attack of terrorists was repelled.", "attack")
    assert (e["construction"], e["agent"]) == ("nominal_agent", "terrorists")


@pytest.mark.parametrize(("sentence", "match", "agent", "side"), [
    ("Eleven children were killed on Thursday in a barrel bomb attack carried out by government "
     "forces on a rebel-held neighbourhood of Syrias Aleppo city.", "attack", "government forces",
     "unknown"),
    ("Ten Syrian civilians were killed Wednesday in airstrikes launched by the aircrafts of the "
     "US-led coalition on tents for displaced people", "airstrikes",
     "the aircrafts of the US-led coalition", "us_military"),
])
def test_light_verb_participle_by_phrase_names_the_doer_of_a_noun(sentence, match, agent, side):
    e = _one(sentence, match)
    assert (e["construction"], e["agent"], e["agent_side"]) == ("nominal_agent", agent, side)


def test_event_noun_subject_passes_on_its_own_doer():
    e = _one("Airstrikes carried out by the United States against the so-called Nusra Front "
             "insurgents in northwestern Syria have killed 11 civilians", "killed")
    assert (e["agent"], e["agent_side"]) == ("the United States", "us_gov")


@pytest.mark.parametrize(("sentence", "match", "side"), [
    ("U.S. fighter shoots down Syrian government jet", "shoots down", "us_military"),
    ("marking the first time in Syria’s civil war that a U.S. pilot has struck a regime plane",
     "struck", "us_military"),
    ("The Syrian SU-22 fighter bomber was shot down by an American F18 Super Hornet", "shot down",
     "us_military"),
    ("Army units have killed many ISIS and Jabhat al-Nusra terrorists as they continued their "
     "operations", "killed", "syria_gov"),
    ("Jabhat al-Nusra terrorists execute 40 gunmen their families for attempt to surrender arms",
     "execute", "syrian_rebels"),
])
def test_aircraft_pilots_army_units_and_nusra_get_their_sides(sentence, match, side):
    assert _one(sentence, match)["agent_side"] == side


def test_place_before_a_participle_clause_is_not_its_doer():
    e = _one("Syrian popular defense forces have reported that terrorists have fired shells "
             "filled with a toxic gas in the Syrian city of Aleppo killing five civilians.",
             "killing")
    assert (e["construction"], e["agent"]) == ("active", "terrorists")


def test_weapon_subject_names_no_doer():
    e = _one("Syria gas kills hundreds Security Council meets", "kills")
    assert (e["construction"], e["agent"], e["agent_side"]) == ("active", "", "")


def test_fakes_doers_are_never_weapons_or_places(fakes_events):
    lex = load_events()
    named = fakes_events[fakes_events["agent"] != ""]
    # the head: last word before "of" ("the aircrafts of the coalition": aircrafts)
    heads = (named["agent"].str.lower().str.replace(r"\s+of\s.*$", "", regex=True)
             .str.extract(r"([\w-]+)\W*$")[0])
    state = heads.map(lambda h: bool(find_actors(h.title())))  # "Syria agreed", "Damascus said"
    bad = named[heads.isin(lex.non_agents) | (heads.isin(lex.location_modifiers) & ~state)]
    assert len(named) > 1000 and bad.empty, bad[["doc_id", "match", "agent"]].to_string()


def test_unnamed_doer_does_not_count_as_named(seed_articles, seed_events):
    a05 = seed_articles[seed_articles["doc_id"] == "a05"]
    ev = seed_events[seed_events["doc_id"] == "a05"]
    scores = score_agency(ev, a05).set_index("measure")
    counted_ev = ev[~ev["negated"] & ~ev["hypothetical"]]
    named = counted_ev["construction"].isin(["active", "passive_agent", "nominal_agent"]) & (
        counted_ev["agent"] != "")
    assert (counted_ev["agent"] == "").any()  # "a June 7 attack ... that killed 17 people"
    assert scores.loc["agency:named_share::all", "value"] == pytest.approx(named.mean())


def test_pronoun_subject_resolves_to_the_reporting_subject():
    e = _one("U.S. Says It Shot Down Syrian Aircraft", "Shot Down")
    assert (e["construction"], e["agent"], e["agent_side"]) == ("active", "U.S.", "us_gov")


def test_pronoun_after_said_resolves_to_its_subject():
    e = _one("On Sunday, the U.S. military said it had shot down the Syrian SU-22 after regime "
             "forces twice attacked members of American-backed forces.", "shot down")
    assert (e["agent"], e["agent_side"]) == ("the U.S. military", "us_military")


def test_accused_of_gerund_takes_the_accused_as_doer():
    e = _one("It also accused the United States of not using the proper communication channels "
             "before shooting down the Syrian army jet.", "shooting down")
    assert (e["construction"], e["agent"]) == ("active", "the United States")


def test_participle_clause_inherits_the_subject():
    e = _one("It said that several hours earlier, regime forces had attacked the SDF in another "
             "town near Tabqa, wounding several and driving the SDF from the town.", "wounding")
    assert (e["agent"], e["agent_side"]) == ("regime forces", "syria_gov")


def test_negated_shootdown_is_flagged():
    e = _one("The U.S. had not shot down a Syrian regime aircraft before Sunday’s confrontation.",
             "shot down")
    assert e["negated"] and not e["hypothetical"]


def test_stopped_short_of_threatening_is_hypothetical():
    e = _one("the Russian military said it would treat U.S. and coalition operating west of the "
             "Euphrates Rivers as “aerial targets,” but stopped short of threatening a shootdown.",
             "shootdown")
    assert e["hypothetical"] and e["construction"] == "nominal_agentless"


def test_headcount_headline_reads_as_agentless_passive():
    e = _one("135 Civilians Killed in Escalating Bombardment on Idlib in Last Three Days", "Killed")
    assert e["construction"] == "passive_agentless"


def test_died_is_intransitive():
    e = _one("The rebel Syrian National Coalition said 650 people died.", "died")
    assert (e["construction"], e["agent"]) == ("intransitive", "")


def test_offsets_slice_back_to_match(seed_articles, seed_events):
    texts = dict(zip(seed_articles["doc_id"], seed_articles["text"], strict=False))
    assert all(texts[d][s:e] == m for d, s, e, m in
               seed_events[["doc_id", "start", "end", "match"]].itertuples(index=False))


def test_events_table_has_contract_columns_and_types(seed_events):
    assert list(seed_events.columns) == EVENT_COLUMNS
    assert set(seed_events["construction"]) <= set(CONSTRUCTIONS)
    assert seed_events["negated"].dtype == bool and seed_events["hypothetical"].dtype == bool


def test_headline_mentions_get_headline_voice(seed_events):
    a09 = seed_events[seed_events["doc_id"] == "a09"]
    assert a09.loc[a09["match"] == "Shoots Down", "voice"].tolist() == ["headline"]


def test_mentions_inside_embeds_get_embedded_voice():
    text = "Title\n\nRussian jets bombed the town. Rebels attacked a post."
    s = text.index("Rebels")
    arts = pd.DataFrame({"doc_id": ["d"], "title": ["Title"], "text": [text],
                         "embeds": [json.dumps([[s, len(text), "tweet", "RT"]])]})
    ev = find_events(arts)
    voices = dict(zip(ev["match"], ev["voice"], strict=True))
    assert voices == {"bombed": "narrator", "attacked": "embedded"}


def test_construction_shares_are_tidy_and_sum_to_one(seed_articles, seed_events):
    shares = construction_shares(seed_events, seed_articles)
    assert list(shares.columns) == ["outlet", "voice", "construction", "n", "share"]
    sums = shares.groupby(["outlet", "voice"])["share"].sum()
    assert ((sums - 1.0).abs() < 1e-9).all()
    ap_head = shares[(shares["outlet"] == "AP") & (shares["voice"] == "headline")]
    assert ap_head.set_index("construction").loc["active", "n"] == 1


def test_score_agency_flags_small_samples(seed_articles, seed_events):
    scores = score_agency(seed_events, seed_articles)
    named = scores[scores["measure"] == "agency:named_share::all"].set_index("outlet")
    assert named.loc["AP", "value"] == pytest.approx(10 / 12)
    assert named["small_sample"].all()  # no outlet has 5 articles on the seed page
    measures = set(scores["measure"])
    assert {"agency:named_share::headline", "agency:named_share:us_gov:all"} <= measures


def test_missing_text_column_is_a_clear_error():
    with pytest.raises(FramingError, match="Column 'body' not in data"):
        find_events(pd.DataFrame({"doc_id": ["d"], "text": ["x"]}), text="body")


def test_unknown_lexicon_key_is_an_error(tmp_path):
    path = tmp_path / "ev.yaml"
    path.write_text("version: 1\nevents:\n  - {lemma: kill, note: x, verbs: {base: kill}}\n")
    with pytest.raises(FramingError, match="unknown key"):
        load_events(path)


@pytest.mark.parametrize("text", ["", "\x00\x01\x02 binary \xff junk", "a" * 200_000,
                                  "killed " * 20_000])
def test_hostile_text_is_handled_in_linear_time(text):
    t0 = time.perf_counter()
    rows = events_in_text(text)
    assert time.perf_counter() - t0 < 5
    assert all(text[r["start"]:r["end"]] == r["match"] for r in rows)


def test_sentence_tokens_are_the_token_pattern_matches_with_their_offsets(seed_articles):
    from framing.agency.tokens import TOKEN_RE, span_tokens

    for text in seed_articles["text"]:
        for s, e in sentence_spans(text):
            toks = span_tokens(text, s, e, load_events())
            got = [(t.text, a, b) for t, a, b in zip(toks, toks.starts, toks.ends, strict=True)]
            assert got == [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text, s, e)]


def test_find_events_rows_are_events_in_text_rows(fakes_articles, fakes_events):
    some = fakes_articles.groupby("outlet").head(2)  # two articles of every outlet
    rows = [{"doc_id": d, **r} for d, t, title in zip(some["doc_id"], some["text"], some["title"],
                                                    strict=True)
            for r in events_in_text(t, title=title)]
    events = fakes_events[fakes_events["doc_id"].isin(some["doc_id"])]
    assert len(rows) > 50
    assert events.to_dict("records") == rows


def test_old_names_warn_and_give_the_same_results(seed_articles, seed_events):
    from framing.agency import agency, agency_scores

    text = seed_articles["text"].iloc[0]
    with pytest.warns(FutureWarning, match="agency is renamed find_events"):
        pd.testing.assert_frame_equal(agency(seed_articles), seed_events)
    with pytest.warns(FutureWarning, match="agency_scores is renamed score_agency"):
        old = agency_scores(seed_events, seed_articles)
    pd.testing.assert_frame_equal(old, score_agency(seed_events, seed_articles))
    with pytest.warns(FutureWarning, match=r"find_events\(text\) is renamed events_in_text"):
        old = find_events(text, title="x")
    assert old == events_in_text(text, title="x")
