"""Agency: who did it. Event mentions of violence and force, and whether the doer is named.

The same shoot-down reads differently when the doer is the subject ("the US military shot down
a Syrian jet"), pushed into a by-phrase ("was shot down by an American F18"), hidden in an
agentless passive ("the Syrian jet was shot down") or in a nominalisation ("over downing of
Syrian jet"). :func:`find_events` finds every mention of an event word of
``lexicons/events.yaml`` and classifies its construction with rules a reader can check, no
parser:

* the event words are found with one Aho-Corasick pass over the lower-cased text;
* around each hit only, the sentence is tokenised and read left and right: auxiliaries
  ("was", "had been") make a passive, and so does a bare participle in a headline ("Syrian
  aircraft shot down over Raqqa"); a by-phrase names its agent; determiners, possessives
  and prepositions make a noun; subjects, possessives ("America's strike"), actor
  modifiers ("the US strike", "the U.S. downing"), "of" + actor ("the attack of
  terrorists") and "carried out by X" / "launched by X" name the doer;
* a subject belongs to the nearest finite verb ("Moscow condemns downing of ...": Moscow
  did not down anything); a subject inside a prepositional phrase or a relative clause is
  the phrase it hangs on ("an attack on the shrine of Khomeini that killed 17": the attack),
  and an event noun as subject hands on its own doer, or none;
* a doer must be actor-like (lexicon ``agent_heads``, a known actor, a pronoun or a name):
  weapons and places ("a rocket killed", "in Aleppo killing") leave the agent empty;
* a pronoun subject is resolved where the sentence says who it is ("the U.S. military said
  it had shot down", "U.S. Says It Shot Down") or where the previous sentence's subject is a
  known actor;
* negation ("had not shot down") and irrealis contexts (modals, infinitives of purpose,
  "stopped short of threatening a shootdown") are flagged; :func:`score_agency` leaves them
  out of the counts.

Sides come from :func:`framing.actors.side_of`; voices from :func:`framing.quotes.voice_spans`
when that module is present (else every word outside the headline is the narrator's).

Modules: ``lexicon`` (the events lexicon), ``words`` (closed word classes), ``tokens``
(tokeniser), ``chunks`` (noun phrases, auxiliary chains), ``doers`` and ``actorlike`` (who
did it, and whether a phrase can name a doer), ``events`` (the rules for one mention),
``find`` (per text and per table), ``scores`` (shares and per-outlet measures).
"""

from __future__ import annotations

from framing._compat import callable_module, renamed
from framing.agency.events import AGENT_CONSTRUCTIONS, CONSTRUCTIONS
from framing.agency.find import EVENT_COLUMNS, events_in_text, find_events
from framing.agency.lexicon import FORM_KEYS, EventLexicon, load_events
from framing.agency.scores import agency_stats, construction_shares, counted, score_agency

agency = renamed(find_events, "agency")
agency_scores = renamed(score_agency, "agency_scores")

__all__ = [
    "AGENT_CONSTRUCTIONS", "CONSTRUCTIONS", "EVENT_COLUMNS", "FORM_KEYS", "EventLexicon",
    "agency", "agency_scores", "agency_stats", "construction_shares", "counted",
    "events_in_text", "find_events", "load_events", "score_agency",
]

callable_module(__name__, "find_events")
