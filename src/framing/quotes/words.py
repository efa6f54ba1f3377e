"""The word lists behind speaker attribution (``lexicons/speakers.yaml``) and the patterns
compiled from them: person nouns, titles, place and organisation words, name particles,
pronouns, honorifics."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from framing._errors import FramingError, bad_entry
from framing.lexicon_io import check_keys, read_yaml

#: Entries of speakers.yaml and the keys each has besides its note; "words" of pronouns and
#: owner_pronouns map a word to a word, every other list is a list of words.
_SPEAKER_LISTS = {
    "person_words": ("words",), "group_words": ("words",), "title_words": ("words",),
    "stop_caps": ("words",),
    "non_person_words": ("words",), "particles": ("words",), "surname_particles": ("words",),
    "mention_prefixes": ("words",), "pronouns": ("words",), "gendered_pronouns": ("male", "female"),
    "honorifics": ("male", "female"), "owner_pronouns": ("words",), "own_words": ("words",),
    "body_words": ("words",), "thing_heads": ("words",), "not_verbs": ("words",),
    "days": ("words",), "months": ("words",), "function_words": ("words",),
    "determiners": ("words",), "clause_words": ("words",), "date_words": ("words",),
    "first_names": ("male", "female"), "platforms": ("words",), "demonyms": ("words",),
    "credit_words": ("words",), "company_heads": ("words",), "company_words": ("words",),
}
_MAPPINGS = ("pronouns", "owner_pronouns")
#: Capital letters that start a name: ASCII and Latin-1/Latin Extended ("Østergaard", "Ó").
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_PRONOUN_KINDS = ("person", "thing", "any")
#: Adverbs and auxiliaries that trail a subject phrase ("Smith also", "the ministry has").
_TRAIL_WORDS = ("also", "however", "then", "now", "previously", "meanwhile", "has", "had",
                "have", "would", "will", "later", "earlier", "once", "did", "does")


@dataclass(frozen=True)
class SpeakerWords:
    """The word lists of speakers.yaml, as sets and the patterns compiled from them."""

    person_words: re.Pattern
    group_words: frozenset
    title_words: frozenset
    stop_caps: frozenset
    non_person: re.Pattern
    name_token: str
    name_run: re.Pattern
    particle_dash: re.Pattern
    particle_token: re.Pattern
    surname_particle: re.Pattern
    mention_prefixes: tuple
    pronouns: dict
    pronoun_gender: dict
    gendered: re.Pattern
    honorific: re.Pattern
    owner_pronouns: dict
    own_words: re.Pattern
    issued_by: re.Pattern
    owned_by: re.Pattern
    body: re.Pattern
    thing_heads: frozenset
    not_verbs: frozenset
    lone_name: re.Pattern
    trail: re.Pattern
    trail_ends: tuple
    after_cue: re.Pattern
    function_words: frozenset
    determiners: frozenset
    clause_words: frozenset
    date_words: frozenset
    months: frozenset
    first_names: dict
    lead: re.Pattern
    demonyms: frozenset
    credit_words: frozenset
    #: stop_caps and determiners: words that begin no person's name ("Many", "The", "Former")
    no_name_start: frozenset
    company_heads: frozenset
    company_words: frozenset


def _lead_words(lists: dict) -> set[str]:
    """Sentence adverbs and conjunctions of ``stop_caps`` that may stand before a subject."""
    keep = {w.lower() for w in lists["determiners"]} | {w.lower() for w in lists["pronouns"]}
    keep |= {"according", "the", "a", "an", "it", "its", "in", "on", "at", "for", "of", "as",
             "if", "when", "after", "before", "since", "what", "why", "how", "who",
             "where", "there", "here", "i"}
    return {w.lower() for w in lists["stop_caps"]} - keep


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex group matching any of ``words`` literally."""
    return "(?:" + "|".join(map(re.escape, words)) + ")"


def initial_alternation(words: Iterable[str], ignore_case: bool = False) -> str:
    """:func:`alternation` of ``words`` grouped by their first character (in either case
    with ``ignore_case``): the same matches, tried in the same order, but the regex engine
    tries one branch per initial instead of one per word."""
    groups: dict[str, list[str]] = {}
    for word in words:
        first = word[:1].lower() if ignore_case and len(word[:1].lower()) == 1 else word[:1]
        groups.setdefault(first, []).append(word[1:])
    return "(?:" + "|".join(re.escape(c) + alternation(rest) for c, rest in groups.items()) + ")"


@functools.lru_cache(maxsize=4)
def load_speaker_words(name: str = "speakers.yaml") -> SpeakerWords:
    """Read and check the speaker word lists (the bundled file, or a copy at path ``name``)."""
    source = f"framing/lexicons/{name}" if name == "speakers.yaml" else str(name)
    data = read_yaml(name)
    check_keys(source, "<top level>", data, set(_SPEAKER_LISTS) | {"version"}, set())
    lists = {}
    for entry, keys in _SPEAKER_LISTS.items():
        check_keys(source, entry, data[entry], {"note", *keys}, set())
        for key in keys:
            value = data[entry][key]
            mapping = entry in _MAPPINGS
            if not isinstance(value, dict if mapping else list) or not value:
                kind = "a mapping of words to words" if mapping else "a list of words"
                raise FramingError(bad_entry(source, f"{entry}.{key}",
                                             f"must be a non-empty {kind}, got {value!r}"))
            for word in [*value.items()] if mapping else value:
                if not all(isinstance(w, str) and w.strip() for w in
                           (word if mapping else (word,))):
                    raise FramingError(bad_entry(
                        source, f"{entry}.{key}", f"holds {word!r}, which is no word; write "
                        "words as strings (quote YAML booleans such as 'on' and 'no')"))
            lists[entry if key == "words" else f"{entry}.{key}"] = value
    bad = sorted(set(lists["pronouns"].values()) - set(_PRONOUN_KINDS))
    if bad:
        raise FramingError(bad_entry(source, "pronouns.words", f"has kind(s) {bad}; allowed "
                                     f"are {list(_PRONOUN_KINDS)}"))
    particles = lists["particles"]
    name_token = rf"(?:[{UPPER}][\w’'\-]*\.?|{alternation(particles)}(?:-[\w’'\-]+)?(?![\w’'\-]))"
    male, female = lists["gendered_pronouns.male"], lists["gendered_pronouns.female"]
    days = alternation(lists["days"])
    return SpeakerWords(
        person_words=re.compile(rf"\b{initial_alternation(lists['person_words'], True)}\b",
                                re.IGNORECASE),
        group_words=frozenset(w.lower() for w in lists["group_words"]),
        title_words=frozenset(w.lower() for w in lists["title_words"]),
        stop_caps=frozenset(w.lower() for w in lists["stop_caps"] + lists["days"]),
        non_person=re.compile(rf"\b{initial_alternation(lists['non_person_words'])}\b"),
        name_token=name_token,
        # A run starts at a capitalised word (the boundary before it is a look-behind after
        # the letter, so the regex engine skips to capitals); name_runs adds a particle
        # joined to it by a hyphen ("al-Assad").
        name_run=re.compile(rf"[{UPPER}](?<!\w.)[\w’'\-]*\.?(?:[ \t]+{name_token})*"),
        particle_dash=re.compile(rf"(?<!\w){alternation(particles)}-\Z"),
        particle_token=re.compile(rf"{alternation(particles)}(?:-[{UPPER}][\w’'\-]*)?"),
        surname_particle=re.compile(rf"^{alternation(lists['surname_particles'])}-"),
        mention_prefixes=tuple(f"{p}-" for p in lists["mention_prefixes"]),
        pronouns={k.lower(): v for k, v in lists["pronouns"].items()},
        pronoun_gender={male[0].lower(): "m", female[0].lower(): "f"},
        gendered=re.compile(rf"\b(?:({'|'.join(map(re.escape, male))})|"
                            rf"({'|'.join(map(re.escape, female))}))\b", re.IGNORECASE),
        honorific=re.compile(
            rf"\b(?:({'|'.join(map(re.escape, lists['honorifics.male']))})|"
            rf"({'|'.join(map(re.escape, lists['honorifics.female']))}))"
            r"\.?\s+(?:[A-Z][\w’'\-]*\s+)?$"),
        owner_pronouns={k.lower(): v.lower() for k, v in lists["owner_pronouns"].items()},
        issued_by=re.compile(rf"(?:a|an|the|one|another)\s+(?:[\w-]+\s+)?"
                             rf"{alternation(lists['own_words'])}s?"
                             r"(?:\s+(?:issued|released|sent|published|signed|posted|written|"
                             r"put out|distributed|e-mailed|emailed)(?:\s+[\w-]+){0,3})?"
                             r"\s+(?:from|by)\s+(.+)", re.IGNORECASE),
        owned_by=re.compile(rf"((?:the|a|an)\s+[^’']+?)[’']s?\s+(?:[\w-]+\s+)?"
                            rf"{alternation(lists['own_words'])}s?", re.IGNORECASE),
        own_words=re.compile(rf"({'|'.join(map(re.escape, lists['owner_pronouns']))})\s+"
                             rf"(?:[\w-]+\s+)?{alternation(lists['own_words'])}s?",
                             re.IGNORECASE),
        body=re.compile(rf"\b{alternation(lists['body_words'])}\b", re.IGNORECASE),
        thing_heads=frozenset(w.lower() for w in lists["thing_heads"]),
        not_verbs=frozenset(lists["not_verbs"]),
        # a name of one word ("McNeely", "IRCC"), not a day or a month
        lone_name=re.compile(rf"(?!{alternation(lists['days'] + lists['months'])}\b)"
                             r"[A-Z][\w’'\-]*"),
        trail=re.compile(
            rf"(?:[\s,]+(?:(?:on|late|early|last|this)\s+{days}|{days}|{'|'.join(_TRAIL_WORDS)}|"
            r"(?:went|goes|go|going)\s+on\s+to|(?:continued|continues|declined|refused|wanted|"
            r"tried|hastened|rushed|was\s+quick|were\s+quick)\s+to|"
            r"(?-i:[a-z]\w*ly)))+[\s,]*$", re.IGNORECASE),
        # lower-cased endings of the last word of every phrase ``trail`` matches
        trail_ends=(*(d.lower() for d in lists["days"]), *_TRAIL_WORDS, "to", "ly"),
        after_cue=re.compile(
            rf"(?:\s+(?:(?:on|late|early|last|this)\s+)?(?:{days}|week|night|month|year)\b"
            r"|\s+in an? (?:written |joint |televised |brief )?(?:statement|interview|"
            r"news conference|press conference|speech|post|tweet)"
            r"(?:\s+(?:released|issued|published)(?:\s+\w+day)?)?"
            r"|\s+(?:also|later|earlier|previously|separately|again|repeatedly)"
            rf"|\s+on\s+(?:{alternation(lists['platforms'])}\b|(?:his|her|their|its)\s+"
            r"(?:\w+\s+)?(?:account|page|feed|website|blog)\b))*"),
        function_words=frozenset(w.lower() for w in lists["function_words"]),
        determiners=frozenset(w.lower() for w in lists["determiners"]),
        clause_words=frozenset(w.lower() for w in lists["clause_words"]),
        date_words=frozenset(w.lower() for w in lists["date_words"] + lists["days"]),
        months=frozenset(lists["months"]),
        # what may open a speaker phrase before its name: sentence adverbs and conjunctions,
        # date phrases, a place ("On Tuesday Smith", "Meanwhile Sanders", "In Washington the
        # Pentagon"); cut by clean_subject
        lead=re.compile(
            rf"^(?:{initial_alternation(sorted(_lead_words(lists), key=len, reverse=True), True)}"
            r"\b[\s,]*"
            rf"|(?:(?:on|late|early|last|this|earlier|later)\s+)?{days}"
            r"(?:\s+(?:morning|afternoon|evening|night))?\b[\s,]*"
            rf"|(?:on|in|since)\s+{alternation(lists['months'])}(?:\s+\d+)?\b[\s,]*"
            r"|(?:last|this|earlier this|later this)\s+(?:week|month|year)\b[\s,]*"
            r"|(?:in|at|from|outside|inside|throughout|near)\s+(?-i:[A-Z])[\w.\-]*"
            r"(?:\s+(?-i:[A-Z])[\w.\-]*)*,?\s+(?=(?:the|a|an)\s|(?-i:[A-Z])))+(?=\S)",
            re.IGNORECASE),
        first_names={**{n: "m" for n in lists["first_names.male"]},
                     **{n: "f" for n in lists["first_names.female"]}},
        demonyms=frozenset(w.lower() for w in lists["demonyms"]),
        credit_words=frozenset(lists["credit_words"]),
        no_name_start=frozenset(w.lower() for w in lists["stop_caps"] + lists["days"]
                                + lists["determiners"]),
        company_heads=frozenset(w.lower() for w in lists["company_heads"]),
        company_words=frozenset(lists["company_words"]),
    )
