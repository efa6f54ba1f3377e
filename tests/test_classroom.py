"""Classroom helpers that read outlet_scores."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from framing import classroom
from framing._errors import FramingError
from framing.corpus import read_table

SCORES = Path(__file__).parent / "data" / "plots" / "seed_outlet_scores.csv"


@pytest.fixture(scope="module")
def scores():
    return read_table(SCORES)


@pytest.mark.parametrize("statistic", ["per_article", "words_per_article"])
def test_quote_table_counts_each_outlets_quotes_by_side(scores, statistic):
    table = classroom.quote_table(scores, measure=statistic)
    rows = scores[(scores["stage"] == "quotes") & (scores["statistic"] == statistic)]
    for outlet, side, n in zip(rows["outlet"], rows["subject"], rows["n_events"], strict=True):
        assert table.at[outlet, side] == n if side in table.columns else n == 0
    assert (table.sum() > 0).all()
    assert table.loc["The Guardian", "russia_gov"] > 0


def test_quote_table_takes_the_0x_names_with_a_warning(scores):
    with pytest.warns(FutureWarning, match="'quoted_words' is renamed 'words_per_article'"):
        old = classroom.quote_table(scores, measure="quoted_words")
    assert old.equals(classroom.quote_table(scores, measure="words_per_article"))


def test_quote_table_rejects_other_statistics(scores):
    with pytest.raises(FramingError, match="'measure' parameter of quote_table"):
        classroom.quote_table(scores, measure="share")


# ------------------------------------------------------------------------------ student versions
def _tags(cell) -> set[str]:
    return set(cell.metadata.get("tags", []))


def _solution_lines(master) -> set[str]:
    """Lines of the master's solution and answer-key cells worth looking for (not `from x`)."""
    return {line.strip() for c in master.cells if _tags(c) & set(classroom.SOLUTION_TAGS)
            for line in c.source.splitlines() if len(line.strip()) > 12}


def test_student_folder_holds_no_master_and_no_answer_key(tmp_path):
    import nbformat

    students_dir, masters_dir = classroom.STUDENT_DIR.resolve(), classroom.MASTERS_DIR.resolve()
    assert students_dir != masters_dir and students_dir not in masters_dir.parents
    assert not list(classroom.STUDENT_DIR.rglob("masters"))
    for folder in (classroom.build_classroom(out_dir=tmp_path / "students")[0].parent,
                   classroom.STUDENT_DIR):
        students = sorted(folder.glob("*.ipynb"))
        assert [p.name for p in students] == sorted(p.name for p in masters_dir.glob("*.ipynb"))
        for path in students:
            master = nbformat.read(classroom.MASTERS_DIR / path.name, as_version=4)
            student = nbformat.read(path, as_version=4)
            assert not any(_tags(c) & set(classroom.SOLUTION_TAGS) for c in student.cells)
            text = "\n".join(c.source for c in student.cells)
            solutions = _solution_lines(master)
            assert solutions, path.name
            leaked = [line for line in solutions
                      if line in text and line not in _unsolved_lines(master)]
            assert not leaked, f"{path.name} shows solution text: {leaked}"
            assert "answer key" not in text.lower()
            assert sum(classroom.ANSWER_TAG in _tags(c) for c in student.cells) == 1


def _unsolved_lines(master) -> set[str]:
    """Lines the exercise shows anyway (the starter code the solution completes)."""
    return {line.strip() for c in master.cells if not _tags(c) & set(classroom.SOLUTION_TAGS)
            for line in c.source.splitlines()}


def test_build_classroom_refuses_a_student_folder_holding_the_masters(tmp_path):
    masters = tmp_path / "masters"
    masters.mkdir()
    with pytest.raises(FramingError, match="must not contain the masters"):
        classroom.build_classroom(masters, tmp_path)
    with pytest.raises(FramingError, match="must not contain the masters"):
        classroom.build_classroom(masters, masters)


def test_build_classroom_removes_students_whose_master_is_gone(tmp_path):
    import shutil

    masters = tmp_path / "masters"
    shutil.copytree(classroom.MASTERS_DIR, masters)
    out = tmp_path / "students"
    classroom.build_classroom(masters, out)
    (out / "mine.ipynb").write_text((out / "01_spot_the_label.ipynb").read_text().replace(
        classroom._NOTE_ID, "my-own-note"))
    (masters / "02_who_gets_to_speak.ipynb").unlink()
    names = {p.name for p in classroom.build_classroom(masters, out)}
    assert {p.name for p in out.glob("*.ipynb")} == names | {"mine.ipynb"}


# ------------------------------------------------------------------------------ self-checks
@pytest.fixture(scope="module")
def seed():
    from framing.datasets import load_seed

    return load_seed()


@pytest.fixture(scope="module")
def mystery(seed):
    return classroom.mystery_paragraphs(seed, [("a14", 3), ("a15", 2), ("a10", 2)])


def _lines(capsys) -> list[str]:
    return capsys.readouterr().out.strip().splitlines()


@pytest.mark.parametrize("guesses", [
    {"A": "Fars News", "B": "AFP", "C": "WSJ"},
    {"A": "FNA", "B": "A.F.P.", "C": "Wall Street Journal"},
    {"A": "fars news agency", "B": "a.f.p", "C": "the wall street journal"},
])
def test_guesses_under_an_alias_are_right(seed, mystery, guesses, capsys):
    assert classroom.check_guesses(guesses, mystery, seed) == 3
    assert _lines(capsys)[-1] == "3 of 3 right."


def test_a_near_miss_is_told_the_full_name(seed, mystery, capsys):
    assert classroom.check_guesses({"A": "Fars", "B": "AFP", "C": "Wall Street Jornal"},
                                   mystery, seed) == 3
    out = _lines(capsys)
    assert out[0] == "A: ✓ close: the full name is Fars News."
    assert out[2] == "C: ✓ close: the full name is WSJ."


def test_a_wrong_outlet_gets_a_hint_not_the_answer(seed, mystery, capsys):
    assert classroom.check_guesses({"A": "AFP", "B": "AP", "C": "Fars"}, mystery, seed) == 0
    out = _lines(capsys)
    assert out[0].startswith("A: not “AFP”. Hint: this paragraph says")
    assert "..." not in out[0] and "Fars News" not in " ".join(out)
    assert out[-1] == "0 of 3 right."


@pytest.mark.parametrize(("guesses", "sentence"), [
    (["Fars News", "AFP", "WSJ"], "Write your guesses as a dictionary"),
    (3, "you wrote an int."),
    (None, "you wrote nothing (None)."),
    ("Fars News", "you wrote a str."),
    ({"A": ..., "B": ..., "C": ...}, "Your turn: replace each ... with an outlet's name"),
    ({}, "Your turn: replace each ..."),
])
def test_a_malformed_or_blank_answer_gets_one_sentence(seed, mystery, guesses, sentence, capsys):
    assert classroom.check_guesses(guesses, mystery, seed) == 0
    out = _lines(capsys)
    assert len(out) == 1 and sentence in out[0]


def test_keys_are_read_whatever_their_case_and_wrong_keys_are_named(seed, mystery, capsys):
    lower = {"a": "Fars News", "b": "AFP", "c": "WSJ"}
    assert classroom.check_guesses(lower, mystery, seed) == 3
    out = _lines(capsys)
    assert out[0] == ("The keys are the capital letters \"A\", \"B\", \"C\"; "
                      "I read 'a', 'b', 'c' as them.")
    assert len(out) == 5
    classroom.check_guesses({"A": "Fars News", "B": ["AFP"], "D": "WSJ"}, mystery, seed)
    out = _lines(capsys)
    assert out[0] == "The keys are the paragraph letters \"A\", \"B\", \"C\"; 'D' is not one."
    assert out[2] == "B: write the outlet's name in quotes (e.g. \"AFP\"), not a list."
    assert out[3] == "C: your turn, write an outlet for paragraph C."


def test_shown_paragraphs_never_name_their_outlet(seed, mystery):
    from framing import _classroom_text as txt

    assert mystery["text"].iat[0].startswith("It is now more than six years")
    outlet_of = dict(zip(seed["doc_id"], seed["outlet"], strict=True))
    picks = [(d, k) for d, t in zip(seed["doc_id"], seed["text"], strict=True)
             for k in range(len(t.split("\n\n")))]
    for doc_id, text in zip([d for d, _ in picks],
                            classroom.mystery_paragraphs(seed, picks)["text"], strict=True):
        names, signatures = txt.giveaways(outlet_of[doc_id])
        for pat in names + signatures:
            for line in text.split("\n"):
                assert not pat.search(line), (doc_id, pat.pattern, line)
        assert not txt._DATELINE.match(text), (doc_id, text[:60])


@pytest.mark.parametrize(("answer", "expected", "start"), [
    (..., "russia_gov", "Your turn: replace ... with your answer"),
    (None, "russia_gov", "Your turn"),
    ("Russia gov", "russia_gov", "✓ Right: russia_gov."),
    ("russia", "russia_gov", "✓ Close enough: the full name is russia_gov."),
    ("rebels", "russia_gov", "Not quite: you said 'rebels'. Hint: h"),
    (["russia_gov"], "russia_gov", "Write one name in quotes here"),
    (3, "russia_gov", "Write one name in quotes here"),
    ("12", 12, "✓ Right: 12."),
    (11, 12, "Not quite: you said 11."),
    ("twelve", 12, "Write a number here"),
    ([12], 12, "Write a number here"),
    (True, 12, "Write a number here"),
])
def test_check_says_one_sentence(answer, expected, start, capsys):
    right = classroom.check(answer, expected, hint="h")
    out = _lines(capsys)
    assert len(out) == 1 and out[0].startswith(start)
    assert right == start.startswith("✓")


@pytest.mark.parametrize(("text", "sentence"), [
    (None, "Write the lexicon as YAML text between triple quotes"),
    ({"families": {}}, "Write the lexicon as YAML text"),
    ("families:\n\tair_power: 1", "The YAML has a typing slip near line 2"),
    ("just words", "The lexicon starts with 'families:'"),
    ("families:\n  air_power: 3", "Almost:"),
])
def test_try_lexicon_explains_instead_of_raising(text, sentence, capsys):
    assert classroom.try_lexicon(text) is None
    out = _lines(capsys)
    assert len(out) == 1 and out[0].startswith(sentence)


def _air(*terms: str) -> str:
    body = "".join(f"      {t}:\n        note: x.\n        variants: [\"{t}\"]\n" for t in terms)
    return f"families:\n  air_power:\n    note: Air.\n    terms:\n{body}"


@pytest.mark.parametrize(("lexicon", "start"), [
    (_air("warplane", "drone"), "✓ Right: air_power has a term drone."),
    (_air("warplane"), "Your turn: add a term 'drone' to air_power."),
    (_air("warplane", "drones"), "Close: the term is called 'drones'; name it 'drone'."),
    (_air("drone").replace("air_power", "air_powr"), "Your lexicon has no family 'air_power'"),
    (None, "Fix the lexicon above first"),
])
def test_check_term(lexicon, start, capsys):
    lex = classroom.try_lexicon(lexicon, extend=False) if lexicon else None
    capsys.readouterr()
    assert classroom.check_term(lex, "air_power", "drone") == start.startswith("✓")
    out = _lines(capsys)
    assert len(out) == 1 and out[0].startswith(start)
    assert classroom.has_family(lex, "air_power") == ("air_power:" in (lexicon or ""))


@pytest.mark.parametrize(("rewrites", "lines"), [
    ({"passive_agent": ..., "passive_agentless": ...}, ["Your turn: replace each ..."]),
    (["Syrian jet shot down"], ["Write your headlines as a dictionary"]),
    (None, ["Write your headlines as a dictionary"]),
    ({"pasive_agentless": "Syrian jet shot down"},
     ["'pasive_agentless' is not a construction: did you mean 'passive_agentless'?"]),
    ({"Passive Agent": "Syrian jet shot down by US jet", "nominal_agentless": 5},
     ["passive_agent: ✓", "nominal_agentless: write the headline as text in quotes, not an int."]),
    ({"passive_agent": "Syrian jet shot down"}, ["passive_agent: 'Syrian jet shot down' reads as "
                                                 "passive_agentless"]),
])
def test_check_constructions_never_raises(rewrites, lines, capsys):
    classroom.check_constructions(rewrites)
    out = _lines(capsys)
    assert len(out) == len(lines)
    assert all(o.startswith(x) for o, x in zip(out, lines, strict=True))


def test_written_guards_the_cells_after_a_check():
    assert classroom.written({"Passive_Agentless": " Jet downed "}, "passive_agentless") == (
        "Jet downed")
    for answers in ({"pasive_agentless": "x"}, {"passive_agentless": ...}, ["x"], None,
                    {"passive_agentless": 3}):
        assert classroom.written(answers, "passive_agentless") is None


# ------------------------------------------------------------------------------ explorer
def test_explorer_lists_readable_terms_once_up_to_case(seed):
    from framing.terms import find_terms, kwic

    hits = find_terms(seed)
    choices = classroom.term_choices(hits)
    labels = [label for label, _ in choices]
    assert "act of aggression" in labels and "self-defence" in labels
    assert not any("_" in label for label in labels)
    assert len({x.casefold() for x in labels}) == len(labels)
    assert dict(choices)["ISIS"] == ("ISIS", "Isis")
    assert sorted(t for _, terms in choices for t in terms) == sorted(hits["term"].unique())
    table = kwic(seed, hits=hits[hits["term"].isin(dict(choices)["ISIS"])])
    page = classroom.kwic_html(table, context=32)
    assert "max-width:100%" in page and "doc_id" not in page
    assert all(len(cell) <= 32 for cell in re.findall(r"<td style='[^']*text-align:(?:right|left)"
                                                      r"'>([^<]*)</td>", html.unescape(page)))
    assert classroom.kwic_html(table.iloc[:0]).startswith("<p>")
    assert classroom.explorer(seed, hits) is not None


# ------------------------------------------------------------------------------ notebooks run
#: Answers injected into each exercise's answer cell, with a sentence the feedback must hold.
ANSWERS = {
    "01_spot_the_label": {
        "blank": ('guesses = {"A": ..., "B": ..., "C": ...}', "Your turn: replace each ..."),
        "right": ('guesses = {"A": "FNA", "B": "a.f.p.", "C": "Wall Street Journal"}',
                  "3 of 3 right."),
        "near": ('guesses = {"A": "Fars", "B": "AFP", "C": "WSJ"}',
                 "A: ✓ close: the full name is Fars News."),
        "wrong": ('guesses = {"A": "AFP", "B": "WSJ", "C": "Fars News"}', "0 of 3 right."),
        "malformed": ('guesses = ["Fars News", "AFP", "WSJ"]',
                      "Write your guesses as a dictionary"),
        "lowercase": ('guesses = {"a": "Fars News", "b": "AFP", "c": "WSJ"}',
                      "The keys are the capital letters"),
    },
    "02_who_gets_to_speak": {
        "blank": ("most_quoted_side = ...\nguardian_russia = ...", "Your turn: replace ..."),
        "right": ('most_quoted_side = "Russia gov"\n'
                  'guardian_russia = table.loc["The Guardian", "russia_gov"]',
                  "✓ Right: russia_gov."),
        "wrong": ('most_quoted_side = "rebels"\nguardian_russia = 999',
                  "Not quite: you said 999. Hint: find the row"),
        "malformed": ('most_quoted_side = ["russia_gov"]\nguardian_russia = "many"',
                      "Write a number here"),
    },
    "03_build_your_own_lexicon": {
        "blank": (None, "Your turn: add a term 'drone' to air_power."),
        "right": (_air("warplane", "drone"), "✓ Right: air_power has a term drone."),
        "wrong": (_air("warplane", "helicopter"), "Your turn: add a term 'drone'"),
        "near": (_air("warplane", "drones"), "Close: the term is called 'drones'"),
        "malformed": (42, "Write the lexicon as YAML text"),
        "broken": ("families:\n\tair_power:", "The YAML has a typing slip"),
        "renamed": (_air("drone").replace("air_power", "air"), "no family 'air_power'"),
    },
    "04_who_did_it": {
        "blank": (None, "Write your passive_agentless headline above"),
        "right": ('rewrites = {"passive_agent": "Syrian aircraft shot down by U.S. jet", '
                  '"passive_agentless": "Syrian Aircraft Shot Down"}', "after: 0.0"),
        "wrong": ('rewrites = {"passive_agent": "Syrian aircraft shot down", '
                  '"passive_agentless": "Syrian election held"}',
                  "no act of violence left to count"),
        "malformed": ('rewrites = {"pasive_agentless": "Syrian Aircraft Shot Down"}',
                      "did you mean 'passive_agentless'?"),
        "list": ('rewrites = ["Syrian Aircraft Shot Down"]',
                 "Write your headlines as a dictionary"),
    },
}
MARK = "=== answer: {} ==="


def _with_answers(path: Path, answers: dict, out: Path) -> Path:
    """A copy of the notebook that runs the cells from the answer cell on once per answer.

    Solution cells are dropped; each answer replaces the answer cell's source (None keeps the
    starter) and is announced by a printed marker, so one kernel tries every answer in turn.
    """
    import copy

    import nbformat

    nb = nbformat.read(path, as_version=4)
    cells = [c for c in nb.cells if "solution" not in _tags(c)]
    at = next(k for k, c in enumerate(cells) if classroom.ANSWER_TAG in _tags(c))
    nb.cells = cells[:at]
    for kind, (source, _) in answers.items():
        nb.cells.append(nbformat.v4.new_code_cell(f"print({MARK.format(kind)!r})"))
        for k, cell in enumerate(cells[at:]):
            cell = copy.deepcopy(cell)
            cell.id = f"{cell.id}-{kind}"
            if k == 0 and source is not None:
                cell.source = (source if str(source).startswith(("guesses", "most", "rewrites"))
                               else f"my_lexicon = {source!r}")
            nb.cells.append(cell)
    out.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out / path.name)
    return out / path.name


@pytest.mark.slow
@pytest.mark.parametrize("version", ["students", "masters"])
@pytest.mark.parametrize("name", list(ANSWERS))
def test_exercise_runs_with_any_answer_and_says_what_to_do(name, version, tmp_path):
    """Right, near, wrong, malformed and blank answers: no cell raises, the feedback fits."""
    from framing import report

    folder = classroom.STUDENT_DIR if version == "students" else classroom.MASTERS_DIR
    answers = ANSWERS[name]
    executed = report.execute_notebook(_with_answers(folder / f"{name}.ipynb", answers, tmp_path))
    outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Traceback" not in printed
    parts = printed.split("=== answer: ")[1:]
    assert [p.split(" ===")[0] for p in parts] == list(answers)
    for part, (kind, (_, sentence)) in zip(parts, answers.items(), strict=True):
        assert sentence in part, f"{kind}: {part}"
        if kind == "blank":
            assert "Not quite" not in part and "you said" not in part
