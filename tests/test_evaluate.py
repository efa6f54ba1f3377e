"""The evaluation sets are well formed, and the evaluation reports them side by side."""

from __future__ import annotations

import json

import pytest

from framing.evaluate import (
    GOLD_FILE,
    SEED_SIDES_FILE,
    UNSEEN2_DIR,
    UNSEEN_DIR,
    evaluate_gold,
    evaluate_held_out,
    evaluate_seed_sides,
    evaluate_unseen,
    main,
)

KINDS = {"full", "partial", "scare", "title", "indirect"}


def _jsonl(path):
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


@pytest.mark.parametrize("folder", [UNSEEN_DIR, UNSEEN2_DIR])
def test_held_out_set_spans_are_exact_substrings_of_their_articles(folder):
    docs = {d["doc_id"]: d for d in _jsonl(folder / "articles.jsonl")}
    gold = _jsonl(folder / "gold.jsonl")
    assert len(docs) >= 25 and sum(bool(g["speaker"]) for g in gold) >= 150
    for g in gold:
        assert set(g) == {"doc_id", "text", "kind", "speaker", "side"}
        assert g["kind"] in KINDS
        assert g["text"] in docs[g["doc_id"]]["text"], g


def test_independent_seed_sides_are_spans_of_the_five_other_seed_articles():
    from framing.datasets import load_seed

    texts = dict(zip(*load_seed()[["doc_id", "text"]].to_dict("list").values(), strict=True))
    gold = _jsonl(SEED_SIDES_FILE)
    assert {g["doc_id"] for g in gold} <= {"a08", "a09", "a10", "a13", "a14"}
    assert all(g["text"] in texts[g["doc_id"]] for g in gold)
    result = evaluate_seed_sides()
    assert result["n_gold"] == len(gold) and 0 < result["overlap"]["side_accuracy"] <= 1


@pytest.mark.parametrize("path", [GOLD_FILE, UNSEEN_DIR / "gold.jsonl", UNSEEN2_DIR / "gold.jsonl",
                                  SEED_SIDES_FILE])
def test_every_gold_speaker_is_on_a_spoken_quote_or_a_headline(path):
    for g in _jsonl(path):
        if g["speaker"]:
            assert g["kind"] in KINDS - {"scare"}, g


def test_the_evaluation_scores_both_sets_and_prints_them_with_their_provenance(capsys):
    gold, unseen = evaluate_gold(), evaluate_unseen()
    assert gold["overlap"]["speaker_accuracy"] >= 0.965  # the set the rules were tuned on
    assert unseen["n_gold"] >= 170 and unseen["overlap"]["recall"] >= 0.9
    assert main(["quotes", "--ggt", "/nonexistent"]) == 0
    out = capsys.readouterr().out
    assert "held-out set" in out and "never tuned on" in out and "GGT annotations not found" in out
    assert "second held-out set" in out and "held-out sets pooled" in out


def test_the_held_out_sets_pool_their_counts():
    one, two, pooled = (evaluate_unseen(), evaluate_unseen(UNSEEN2_DIR),
                        evaluate_held_out())
    assert pooled["n_gold"] == one["n_gold"] + two["n_gold"]
    n = one["overlap"]["n_speakers"] + two["overlap"]["n_speakers"]
    assert pooled["overlap"]["n_speakers"] == n > 400
    right = one["overlap"]["speakers_right"] + two["overlap"]["speakers_right"]
    assert pooled["overlap"]["speaker_accuracy"] == pytest.approx(right / n)


def test_a_gold_partial_quote_matches_the_partial_not_the_indirect_quote_around_it():
    from framing.evaluate import score_spans

    gold = [(40, 60)]
    indirect, partial = (10, 70), (40, 60)
    assert score_spans([indirect, partial], gold, 0.3)[0] == [1]
    assert score_spans([indirect, partial], gold, 1.0)[0] == [1]
    assert score_spans([indirect], gold, 0.3)[0] == [0]  # alone, the indirect still covers it


def test_a_text_quoted_twice_is_located_at_its_successive_occurrences(tmp_path):
    import pandas as pd

    text = 'He said it was “a mistake”. Later the minister said “a mistake” too.'
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps({"doc_id": "x", "text": "“a mistake”", "kind": "partial",
                                          "speaker": s, "side": "unknown"})
                              for s in ("He", "the minister")) + "\n", encoding="utf-8")
    result = evaluate_gold(gold, pd.DataFrame({"doc_id": ["x"], "outlet": ["o"], "title": [""],
                                               "text": [text]}))
    assert result["overlap"]["recall"] == 1.0


def test_speakers_on_the_held_out_sets_stay_at_the_issue_goal():
    """A regression guard, not a tuning target: the held-out sets are never tuned on."""
    pooled = evaluate_held_out()
    assert pooled["overlap"]["speaker_accuracy"] >= 0.90
