"""Who a pronoun or description points to: the :class:`Resolver` of one text.

"he", "she" and person descriptions ("the 28-year-old") go to the latest earlier speaker or
subject of that gender whom the article treats as a person; "the ministry" to the latest
speaker of its kind. See :mod:`framing.quotes` for the rules."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Iterator

from framing.actors import ActorLexicon, find_actors, side_of
from framing.quotes.base import Hit, last_at
from framing.quotes.names import (
    ACRONYM_RE,
    TOKEN_RE,
    looks_named,
    may_be_person,
    mentions,
    name_in,
    name_runs,
    name_tokens,
    speaker_kind,
    surname_of,
)
from framing.quotes.problems import speaker_problem, speaker_problems  # noqa: F401
from framing.quotes.words import SpeakerWords, load_speaker_words

#: How far back (characters) a pronoun looks for its antecedent, and how many speakers.
_LOOKBACK, _RECENT = 3000, 30
#: How far from a pronoun (characters) the mentions that tell a name's gender are read.
_EVIDENCE = 20_000
_WORD_AT_RE = re.compile(r"\s*([\w’'-]+)")
_ANY_APPOSITION_RE = re.compile(r",[^,.;:!?]{1,150},|\s+[—–][^—–.;:!?]{1,200}[—–]")
_APPOSITION_RE = re.compile(r",\s*(?:a|an|the|\d+|[\w’'-]+’s|[\w’'-]+'s)\b[^,.;:!?]{0,120},")
SPEECH_VERB_RE = re.compile(r"\b(?:said|says|told|tells|asked|urged|called on)\b")
#: A surname right after these words names a place or thing ("the Krakatau volcano").
_NOT_ALONE_RE = re.compile(r"\b(?:the|a|an|of|in|at|on|from|to|for|by|with|near|into)\s+$",
                           re.IGNORECASE)
#: Words before a lone name that make it a person's: "a witness named Ahmad".
_NAMED_RE = re.compile(r"\b(?:named|identified (?:only )?as)\s+$")
_DEFINITE_RE = re.compile(r"(?:the|this|that)\s")
#: A speech verb ending a sentence ("the agency said.", "SANA reported on Friday.").
_SAID_LAST_RE = re.compile(r"(?<=\s)(?:said|says|reported|added|announced|stated)"
                           r"(?:\s+(?:on\s+)?[A-Z]\w+day)?\s*\.$")
#: Heads of descriptions that may point back to a club named only as a sentence's subject.
_CLUB_HEADS = frozenset(("club", "team", "franchise"))
#: Legal forms cut from the end of a company's name.
_LEGAL_FORMS = frozenset(("Inc", "Inc.", "Corp", "Corp.", "Co.", "Ltd", "Ltd.", "plc", "PLC",
                          "LLC", "AG", "GmbH"))
#: A name of up to five capitalised words that opens a sentence, then a lower-case word.
_OPENING = r"((?:The\s+)?[A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*){0,4})\s+"
_ORG_OPENING_RE = re.compile(_OPENING + "[a-z]")
#: Such openings in a text, with a past tense or "said" after them ("The Cubs fired").
_SUBJECT_OPENING_RE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))" + _OPENING
                                 + r"(?=[a-z]+ed\b|said\b|says\b)")
#: The organisation a name belongs to, right after it ("with Bumper to Bumper", "of Unifor").
_OF_ORG_RE = re.compile(r"\s+(?:with|of)\s+(?:the\s+)?[A-Z][\w’'&.-]*"
                        r"(?:\s+(?:(?:of|and|to|for|the|de)\s+)?[A-Z][\w’'&.-]*)*")
_AGE_RE = re.compile(r"\b(\d{1,3})-year-old\b")
_SENTENCE_END_RE = re.compile(r"[.!?][”\"’']*\s")
#: Two capitalised words in a row, not at a sentence start: another person may be meant.
_OTHER_NAME_RE = re.compile(r"(?<![.!?”\"]\s)\b[A-Z][\w’'-]+\s+[A-Z][\w’'-]+")
#: "him", and "her" that ends its clause or precedes a preposition: an object pronoun.
_OBJECT_RE = re.compile(r"(?i:him\b|her(?=\s*[.,;:!?”\")]|\s+(?:to|about|that|with|for|from|"
                        r"in|on|at|as|of)\b))")
#: Nouns of own words that point back to the speaker who issued them ("the statement said").
_OWN_WORDS = frozenset(("statement", "post", "tweet", "release", "letter", "email"))
#: Titles written before a name for the role a description names ("the Vermont senator").
_TITLE_FORMS = {"senator": ("sen.", "sen"), "congressman": ("rep.", "rep", "representative"),
                "congresswoman": ("rep.", "rep", "representative"),
                "governor": ("gov.", "gov"), "lawmaker": ("sen.", "rep.", "senator"),
                "nominee": ("candidate",), "candidate": ("nominee",)}


def _named_before(text: str, at: int) -> bool:
    """Whether "named" or "identified (only) as" stands right before ``at``."""
    return text.endswith(("named ", "as "), 0, at) \
        and bool(_NAMED_RE.search(text, max(0, at - 24), at))


def _other_referent(text: str, end: int, pronoun: re.Match) -> bool:
    """Whether the first gendered pronoun after a mention ending at ``end`` points to someone
    else: an object pronoun ("Oduya told her", "Rees worries about him"), or a pronoun after
    another name in a later sentence ("Ross said. His lawyer, Eli Rosenthal, ...")."""
    if _OBJECT_RE.match(text, pronoun.start()):
        return True
    stop = _SENTENCE_END_RE.search(text, end, pronoun.start())
    return bool(stop and _OTHER_NAME_RE.search(text, stop.end() - 1, pronoun.start()))


def _starts_word(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` at the start of a word ("the agency" in "SANA news
    agency", not "company" in "smaller-company stocks")."""
    at = text.find(word)
    while at >= 0:
        if at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_-"):
            return True
        at = text.find(word, at + 1)
    return False


def _cut_at_verb(after: str) -> int:
    verb = SPEECH_VERB_RE.search(after)
    return verb.start() if verb else -1


@functools.lru_cache(maxsize=256)
def _forms_re(forms: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(forms), re.IGNORECASE)


class Resolver:
    """Turns pronouns and descriptions ("he", "the ministry") into the speaker they point to."""

    def __init__(self, text: str, lexicon: ActorLexicon, masked: str | None = None):
        self.text = text
        self.masked = text if masked is None else masked
        self.lexicon = lexicon
        self._people: list[tuple[int, str, bool, bool]] = []  # read as far as asked
        self._people_starts: list[int] = []
        self._people_runs: Iterator[Hit] | None = None
        self._people_run: Hit | None = None
        self._aliases: dict[str, str] = {}
        self._sure: dict[str, bool] = {}
        self.speakers: list[tuple[int, str, str, str]] = []  # (position, name, type, side)
        # runs of two or more capitalised words, read from the text as far as asked, and the
        # name each holds (found when first needed)
        self._multi: list[tuple[int, str]] = []
        self._multi_starts: list[int] = []
        self._multi_names: dict[int, str] = {}
        self._runs: Iterator[Hit] | None = None
        self._run: Hit | None = None
        self._genders: dict[str, str] = {}
        self.sides: dict[str, str] = {}  # surname -> side of its latest speaker with one
        self._persons: dict[str, bool] = {}

    def _evidence(self, pos: int) -> tuple[int, int]:
        """The stretch of text searched for evidence about a name asked about at ``pos``."""
        return max(0, pos - _EVIDENCE), pos + _EVIDENCE

    def gender(self, name: str, pos: int) -> str:
        """"m", "f" or "" for the person ``name``, from the article: an honorific before a
        mention of the surname, else the pronoun that most often first follows a mention."""
        surname = name.split()[-1]
        key = surname if " " not in name else name
        if key not in self._genders:
            votes = {"m": 0, "f": 0}
            first = load_speaker_words().first_names.get(name.split()[0]) if " " in name else None
            if first:
                votes[first] += 2
            for at in mentions(self.text, surname, *self._evidence(pos)):
                title = load_speaker_words().honorific.search(self.text, max(0, at - 40), at)
                if title:
                    votes["m" if title.group(1) else "f"] += 3
                    continue
                end = at + len(surname)
                # outside quotations: "He was kind," she said
                pronoun = load_speaker_words().gendered.search(self.masked, end, end + 160)
                if pronoun and not _other_referent(self.masked, end, pronoun):
                    votes["m" if pronoun.group(1) else "f"] += 1
            self._genders[key] = "" if votes["m"] == votes["f"] else max(votes, key=votes.get)
        return self._genders[key]

    def _runs_before(self, pos: int) -> range:
        """Indices in ``self._multi`` of the runs starting less than ``_LOOKBACK`` before
        ``pos``."""
        if self._runs is None:
            self._runs = name_runs(self.text)
            self._run = next(self._runs, None)
        run, runs = self._run, self._runs
        while run is not None and run.start() < pos:
            if " " in run.group():  # single capitalised words are mostly not names
                self._multi.append((run.start(), run.group()))
                self._multi_starts.append(run.start())
            run = next(runs, None)
        self._run = run
        return range(last_at(self._multi_starts, pos - _LOOKBACK) + 1,
                     last_at(self._multi_starts, pos - 1) + 1)

    def _multi_name(self, k: int) -> str:
        if k not in self._multi_names:
            self._multi_names[k] = name_in(self._multi[k][1], self.lexicon)
        return self._multi_names[k]

    def _names_before(self, pos: int) -> list[tuple[int, str]]:
        """(offset, name) of the names in runs of two or more words shortly before ``pos``."""
        return [(self._multi[k][0], name) for k in self._runs_before(pos)
                if (name := self._multi_name(k))]

    def _recent_speakers(self, pos: int) -> list[tuple[int, str, str, str]]:
        return [sp for sp in self.speakers[-_RECENT:] if pos - _LOOKBACK <= sp[0] < pos]

    def full_name(self, name: str, before: int) -> str:
        """The longest earlier form of a surname ("Hussein" -> "Khalil al-Hussein") or of a
        first name ("Alan" -> "Alan Thirkell")."""
        if " " in name:
            return name
        best, surname = name, surname_of(name)
        near = self._runs_before(before)
        for k in near:
            run = self._multi[k][1]  # its name is part of it, so holds the surname
            if len(run) > len(best) and surname in run.lower():
                other = self._multi_name(k)
                if len(other) > len(best) and surname_of(other) == surname:
                    best = other
        # "Sir Alan" -> "Alan Thirkell": the first name of an earlier mention (read the
        # article's people only when some earlier run holds the name at all)
        if best == name and any(name in run for _, run in self._multi[:near.stop]):
            self.people(before)
            alias = self._aliases.get(name, name)
            best = alias if alias.split()[0] == name else name
        return best

    def remember(self, pos: int, name: str, side: str) -> None:
        if name.lower() in load_speaker_words().pronouns:
            return  # a pronoun left unresolved is no antecedent
        kind = self.lexicon.cached("speaker_kind", name, lambda n: speaker_kind(n, self.lexicon))
        self.speakers.append((pos, name, kind, side))
        if side != "unknown":
            self.sides[surname_of(name)] = side

    def is_person(self, name: str, pos: int) -> bool:
        """A name is a person's when the lexicon says so, or when the article also calls it
        by its last word alone, as news style does for people ("Kevin Vickers ... Vickers
        said", "said Hussein") but not for places and organisations; a last word after an
        article or preposition ("the Krakatau volcano", "in Thunder Bay") does not count."""
        if name not in self._persons:
            *first, last = name.split()
            surname = load_speaker_words().surname_particle.sub("", last)
            alone = bool(first) and any(
                not _NOT_ALONE_RE.search(self.text, max(0, at - 12), at)
                and not self.text.startswith(first[-1] + " ", at - len(first[-1]) - 1)
                for at in mentions(self.text, surname, *self._evidence(pos)))
            self._persons[name] = alone or bool(
                find_actors(name, lexicon=self.lexicon, kinds=("person",)))
        return self._persons[name]

    def people(self, pos: int) -> tuple[list[tuple[int, str, bool, bool]], list[int]]:
        """Mentions of persons outside quotations before ``pos``, in text order, and their
        offsets (the text is read as far as asked).

        Each mention is (offset, full name, subject, titled). A run of two or more capitalised
        words may name a person when no word of it names a place or an organisation
        (``non_person_words`` of speakers.yaml) or is an acronym; it surely does
        (:meth:`surely_person`) when the article treats it as a person. Later mentions by
        surname or first name alone map to the full name; a lone name new to the article
        counts when an apposition ("Roman, a resident of ...,") or a speech verb ("Yuni
        said") follows it. A mention is a subject
        when the next word after it (past an apposition) is a lower-case word that is not a
        preposition, conjunction or article ("Vickers rolled", not "from Zehaf Bibeau and").
        """
        if self._people_runs is None:
            self._people_runs = name_runs(self.masked)
            self._people_run = next(self._people_runs, None)
        run, runs, aliases, words = self._people_run, self._people_runs, self._aliases, \
            load_speaker_words()
        while run is not None and run.start() < pos:
            found = self._person_at(run, aliases, words)
            if found:
                self._people.append(found)
                self._people_starts.append(found[0])
            run = next(runs, None)
        self._people_run = run
        return self._people, self._people_starts

    def _person_at(self, run: Hit, aliases: dict[str, str],
                   words: SpeakerWords) -> tuple[int, str, bool, bool] | None:
        masked = self.masked
        word, end = run.group(), run.end()
        if " " not in word and "\t" not in word and word not in aliases and (
                word.lower() in words.stop_caps
                or not (masked.startswith(",", end) and _APPOSITION_RE.match(masked, end))
                and not SPEECH_VERB_RE.match(masked, end + 1)
                and not _named_before(masked, run.start())):
            return None  # a capitalised word new to the article, mostly no name
        tokens = [(t.start(), t.end(), t.group()) for t in TOKEN_RE.finditer(masked, *run.span())]
        titled = False
        for k in range(len(tokens) - 2, -1, -1):  # "Toronto Mayor John Tory" -> "John Tory"
            if tokens[k][2].lower().rstrip(",") in words.title_words:
                tokens, titled = tokens[k + 1:], True
                break
        while tokens and (tokens[0][2].lower() in words.no_name_start
                          or tokens[0][2] in words.credit_words):
            tokens = tokens[1:]
        tokens = name_tokens(tokens)
        owner = next((k for k, t in enumerate(tokens) if t[2].endswith(("’s", "'s"))), None)
        if not tokens:
            return None
        lead = tokens[0][0]  # "on RTÉ’s Morning Ireland": read the word before the owner
        if owner == 0 and len(tokens) > 2:  # "France's Julien Lefebvre": the name after it
            tokens, owner = tokens[1:], None
        tokens = tokens if owner is None else tokens[:owner + 1]  # "Hussein’s Al-Rumeilah"
        start, end = tokens[0][0], tokens[-1][1]
        name = masked[start:end].rstrip(".,")
        name = name[:-2] if owner is not None else name
        after_word = _NOT_ALONE_RE.search(masked, max(0, lead - 12), lead)
        if not name[:1].isupper() or words.non_person.search(name) \
                or ACRONYM_RE.search(name) \
                or (after_word and after_word.group().lower().startswith(("the", "a"))):
            return None
        subject = owner is None and not after_word and self._is_subject(start, end)
        if " " not in name:
            if name not in aliases:
                if name.lower() in words.stop_caps or not (
                        titled or _APPOSITION_RE.match(masked, end)
                        or (subject and SPEECH_VERB_RE.match(masked, end + 1))
                        or _named_before(masked, start)):
                    return None
                aliases[name] = name
            return start, aliases[name], subject, True
        aliases.setdefault(name.split()[0], name)
        aliases[name.split()[-1]] = name
        return start, name, subject, titled

    def surely_person(self, name: str, pos: int) -> bool:
        """Whether the article surely treats ``name`` as a person's: the lexicon says so, or
        no actor of another kind matches it and :meth:`is_person` holds or "he" or "she"
        follows its mentions."""
        if name not in self._sure:
            hits = find_actors(name, lexicon=self.lexicon)
            self._sure[name] = any(h["kind"] == "person" for h in hits) or not hits and (
                " " not in name or self.is_person(name, pos) or self.gender(name, pos) != "")
        return self._sure[name]

    def _is_subject(self, start: int, end: int) -> bool:
        """Whether the first word after the name ending at ``end``, past its appositions
        ("Lindgren, whose father, Walter, died in 2022, read", "Mendicino — a former
        prosecutor — went"), is a verb; so is the word after a name that is itself an
        apposition ("His lawyer, Eli Rosenthal, told")."""
        masked, at = self.masked, end
        while apposition := _ANY_APPOSITION_RE.match(masked, at):
            at = apposition.end()
            word = _WORD_AT_RE.match(masked, at)
            if word and word.group(1)[:1].islower():
                break
            at -= 1  # its closing comma opens the next apposition
        if at == end and masked.startswith(",", end) and \
                masked[max(0, start - 2):start].rstrip().endswith(","):
            at = end + 1
        if at == end and (org := _OF_ORG_RE.match(masked, end)) \
                and (start == 0 or masked[max(0, start - 2):start].rstrip(" ")[-1:] in ".\n"):
            at = org.end()  # a sentence opening "John Goodwin with Bumper to Bumper turned out"
        word = _WORD_AT_RE.match(masked, at)
        return bool(word) and word.group(1)[:1].islower() \
            and word.group(1) not in load_speaker_words().not_verbs

    def _resolve_person(self, gender: str, pos: int,
                        same_side: str | None = None) -> tuple[str, str] | None:
        """"he" (``gender`` "m"), "she" ("f") or a description of a person ("") at ``pos``:
        the latest earlier subject or speaker not known to be of the other gender (and of
        ``same_side`` when given), else the latest such person. A pronoun only goes to a name
        the article surely treats as a person's, else to the latest full name of no known
        gender ("His daughter, Morwenna Penhallow-Rees, worries ... she says")."""
        people, starts = self.people(pos)
        recent = [(at, name) for at, name, kind, _ in self._recent_speakers(pos)
                  if kind == "person" and looks_named(name)]
        found = [p if not p[2] or not self._reported(p[0], p[1], recent) else
                 (p[0], p[1], False, p[3])
                 for p in people[bisect_left(starts, pos - _LOOKBACK):bisect_left(starts, pos)]]
        found += [(at, name, True, True) for at, name in recent]
        found.sort(reverse=True)
        for at, name, _, titled in [p for p in found if p[2]] + [p for p in found if not p[2]]:
            if gender and not ((titled or self.surely_person(name, at))
                               and self.gender(name, pos) in ("", gender)):
                continue
            side = next((s[3] for s in self.speakers if surname_of(s[1]) == surname_of(name)),
                        side_of(name, lexicon=self.lexicon))
            if same_side in (None, side):
                return name, side
        if gender and same_side is None:  # else a full name of no known gender
            for _, name, _, _ in sorted(found, key=lambda p: (p[2], p[0]), reverse=True):
                if " " in name and looks_named(name) and self.gender(name, pos) == "":
                    return name, side_of(name, lexicon=self.lexicon)
        return None

    def _reported(self, at: int, name: str, recent: list[tuple[int, str]]) -> bool:
        """Whether the mention of ``name`` at ``at`` is talked about by another speaker in
        the same sentence ("He said the credit union run by his friend, Martin Legere, gave
        ..."): it is then no subject a later pronoun continues."""
        return any(spos <= at and other != name and surname_of(other) != surname_of(name)
                   and not _SENTENCE_END_RE.search(self.text, spos, at)
                   for spos, other in recent)

    def _described(self, low: str, pos: int) -> tuple[str, str] | None:
        """The latest person before ``pos`` whose title or apposition holds the head of the
        description ``low`` ("the Vermont senator" -> "Sen. Bernie Sanders", "the
        44-year-old" -> "Marco Rubio, 44,")."""
        head = low.split()[-1]
        age = _AGE_RE.search(low)
        forms = "|".join(map(re.escape, _TITLE_FORMS.get(head, ()) + (head,)))
        # "Gov. Kathleen Marsh", "Its chief executive, Mark Pugh" (not "for the governor, X")
        titles = _forms_re((rf"\b(?:{forms})\s+$", rf"(?<!for the )(?<!of the )(?<!to the )"
                                                   rf"\b(?:{forms}),\s+$"))
        found = _forms_re((rf"\b{age.group(1)}\b",) if age else (rf"\b{re.escape(head)}\b",))
        people, starts = self.people(pos)
        quoted = {s[1] for s in self.speakers if s[2] == "person"}
        for at, name, _, titled in reversed(people[bisect_left(starts, pos - _LOOKBACK):
                                                   bisect_left(starts, pos)]):
            # a title before the name ("Sen.", "Its chief executive,") makes it a person's
            before = self.masked[max(0, at - 32):at]
            title = not age and titles.search(before)
            if not (title or titled or name in quoted or self.surely_person(name, at)):
                continue
            after = self.masked[at + len(name):at + len(name) + 90]
            # an apposition: in the mention's own sentence, before its speech verb ("Daniel
            # Ortiz, a Democrat, said the governor's plan" does not call Ortiz the governor)
            cut = min(x for x in (after.find("."), _cut_at_verb(after), len(after)) if x >= 0)
            if title or found.search(after[:cut]):
                side = next((s[3] for s in self.speakers
                             if surname_of(s[1]) == surname_of(name)),
                            side_of(name, lexicon=self.lexicon))
                return name, side
        return None

    def _company_before(self, pos: int, club: bool = False) -> tuple[str, str] | None:
        """The latest company named before ``pos`` ("Veltra Motors is recalling ..."): a run
        of capitalised words up to a ``company_words`` word, without its legal form
        ("Lumina Biotech Inc." -> "Lumina Biotech"), or an institution quoted by name; for a
        ``club``, also a name opening a sentence as its subject ("The Cubs fired")."""
        words = load_speaker_words()
        things = [(at, name) for at, name, kind, _ in self._recent_speakers(pos)
                  if kind == "thing"]
        runs = [self._multi[k] for k in self._runs_before(pos)] + things
        # "according to GroupM", not "The Russell index of smaller-company stocks"
        named = {name for _, name in things if looks_named(name)}
        window = max(0, pos - _LOOKBACK) if club else pos
        for opening in _SUBJECT_OPENING_RE.finditer(self.masked, window, pos):  # "The Cubs fired"
            name = opening.group(1)
            if (name.startswith("The ") or not may_be_person(name, self.lexicon)) \
                    and not speaker_problem(name):  # "The Cubs" names no person
                named.add(name)
                runs.append((opening.start(1), name))
        for _, run in sorted(runs, reverse=True):
            tokens = run.split()
            ends = [k for k, t in enumerate(tokens) if t.rstrip(",") in words.company_words]
            if not ends and run not in named:
                continue
            tokens = tokens[:ends[-1] + 1] if ends else tokens
            while tokens and (tokens[0].lower() in words.no_name_start
                              or tokens[0] in words.credit_words or tokens[0].endswith("-based")):
                tokens = tokens[1:]
            while len(tokens) > 1 and tokens[-1].rstrip(",") in _LEGAL_FORMS:
                tokens = tokens[:-1]
            if len(tokens) > 1 or tokens and tokens[0] not in words.company_words:
                name = " ".join(tokens).rstrip(",")
                return name, side_of(name, lexicon=self.lexicon)
        return None

    def _institution_before(self, pos: int) -> tuple[int, str, str] | None:
        """(offset, phrase, side) of the institution a sentence before ``pos`` ends with as
        the subject of its speech verb ("... the state news agency reported on Friday. It
        said"), where no quote of it was found (text without commas)."""
        window = self.masked[max(0, pos - 600):pos]
        cut = max(window.rfind(". "), window.rfind(".\n"))
        said = _SAID_LAST_RE.search(window, 0, cut + 1) if cut > 0 else None
        if said is None:
            return None
        words = window[:said.start()].split()[-7:]
        det = max((k for k, w in enumerate(words) if w.lower() in ("the", "a", "an")),
                  default=None)
        heads = [k for k in reversed(range(len(words))) if det is None and words[k][:1].isupper()]
        for k in ([det] if det is not None else heads):
            phrase = " ".join(words[k:])
            if speaker_kind(phrase, self.lexicon) == "thing" and not speaker_problem(phrase):
                at = max(0, pos - 600) + said.start()
                return at, phrase, side_of(phrase, lexicon=self.lexicon)
        return None

    def _subject_before(self, pos: int) -> tuple[int, str, str] | None:
        """(offset, name, side) of the institution that opens the sentence before ``pos`` in
        its paragraph ("EDC declined to answer ... “…,” it said"), when it is no person."""
        window = self.masked[max(0, pos - 400):pos].rstrip()
        if not window.endswith((".", "!", "?")):
            return None
        body = window[:-1]
        start = max(body.rfind(". "), body.rfind("\n"), body.rfind("? "), body.rfind("! ")) + 1
        if start == 0 and pos > 400:
            return None
        while start < len(body) and body[start].isspace():
            start += 1
        opening = _ORG_OPENING_RE.match(body, start)
        if opening is None or speaker_problem(opening.group(1)):
            return None
        name = opening.group(1)
        if may_be_person(name, self.lexicon) and not any(  # "Brookmere Water declined"
                w in load_speaker_words().company_words for w in name.split()):
            return None
        return max(0, pos - 400) + opening.start(1), name, side_of(name, lexicon=self.lexicon)

    def resolve(self, words: str, pos: int, cue_at: int = -1) -> tuple[str, str] | None:
        """Antecedent and side of a pronoun or definite description at ``pos``; a company
        description ("the company") may also point into the quote before its cue at
        ``cue_at`` ("Veltra Motors is recalling 210,000 SUVs, the company said")."""
        low = words.lower().strip()
        want = load_speaker_words().pronouns.get(low)
        gender = load_speaker_words().pronoun_gender.get(low, "")
        if gender:
            return self._resolve_person(gender, pos)
        same_side = None
        if want is None:
            if not _DEFINITE_RE.match(low) or name_in(words, self.lexicon):
                return None
            hits = find_actors(words, lexicon=self.lexicon)
            if any(h["kind"] != "nationality" for h in hits):
                return None
            same_side = hits[-1]["side"] if hits else None
            head = low.split()[-1]
            # capitalised words ("the Russian defence ministry") must be in the antecedent;
            # of a phrase ending in a name ("the Prime Minister's Office"), that name
            last = words.split()[-1]
            proper = [w for w in words.split()[1:-1] if w[:1].isupper()] \
                if last.islower() else [last]
            for _, name, _, side in reversed(self._recent_speakers(pos)):
                if _starts_word(name.lower(), head) and all(w in name for w in proper):
                    return name, side
            if head in _OWN_WORDS:  # "the statement": of the latest speaker who made one
                for at, name, _, side in reversed(self._recent_speakers(pos)):
                    if re.search(rf"\b{re.escape(head)}\b", self.masked[at:at + 80].lower()):
                        return name, side
            # "the affable proprietor", "the Vermont senator", "the Czech": a person named
            # before; "the county attorney's office" is none (its head is no person noun)
            noun, words_ = low.split(" of ")[0].split()[-1], load_speaker_words()
            if words_.person_words.search(noun) or low.split(None, 1)[-1] in words_.demonyms:
                return self._described(low, pos) or self._resolve_person("", pos, same_side) \
                    or (self._resolve_person("", pos) if noun in words_.demonyms else None)
            if head in words_.company_heads:  # "the company": the company named before
                company = self._company_before(max(pos, cue_at), head in _CLUB_HEADS)
                if company:
                    return company
            want = "thing"
            if head not in words_.thing_heads:
                return None
            if proper:  # "the Russian defence ministry": an institution of that name only
                return None
        best: tuple[int, str, str] | None = None
        recent = self._recent_speakers(pos)
        plural = low == "they"  # a group, an institution or two people, not one named person
        for spos, name, kind, side in recent:
            if (want == "any" or kind == want) and same_side in (None, side) \
                    and not (plural and kind == "person" and " and " not in name
                             and looks_named(" ".join(name.split()[-2:]))):
                best = (spos, name, side)
        if best is None and low == "it":  # "BC Hydro said ... it said": no person's name
            best = next(((spos, name, side) for spos, name, kind, side in reversed(recent)
                         if not may_be_person(name, self.lexicon)), None) \
                or self._institution_before(pos) or self._subject_before(pos)
        if want != "thing" and not plural:
            surnames = {}
            for npos, name in self._names_before(pos):
                surnames[name] = npos
            for name, npos in surnames.items():
                last = max([npos] + [s[0] for s in recent
                                     if s[1].split()[-1] == name.split()[-1]])
                if best is None or last > best[0]:
                    side = next((s[3] for s in self.speakers
                                 if s[1].split()[-1] == name.split()[-1]),
                                side_of(name, lexicon=self.lexicon))
                    if same_side in (None, side):
                        best = (last, name, side)
        return (best[1], best[2]) if best else None
