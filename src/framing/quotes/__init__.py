"""Quotations, their speakers, the sides they speak for, and the agencies that relayed them.

Two layers, as in textacy: :func:`quotes_in_text` and :func:`voice_spans` work on one text;
:func:`find_quotes` builds the **quotes** table of an articles table, :func:`quote_stats` its
per-article statistics and :func:`score_quotes` per-outlet balance rows (outlet_scores).

Modules: ``base`` (columns, the Quote record), ``marks`` (quotation mark pairing, Q/A lines),
``cues`` (attribution verbs and relays of ``lexicons/cues.yaml``), ``words`` (word lists of
``lexicons/speakers.yaml``), ``sentences``, ``names`` (person names, speaker phrases),
``speakers`` (pronouns and descriptions resolved to speakers), ``attribution`` (cues to
speakers and sides), ``reported`` (reported speech without marks), ``analyse`` (one text's
quotes and voice regions), ``voices`` (:func:`voice_spans`), ``find`` (:func:`quotes_in_text`,
:func:`find_quotes`) and ``scores``.

Span rules (one pass over the quotation marks, linear in the text):

* curly “ ”, straight ", guillemets « », low „ and the odd closer ’’ or '' make double quotes;
  ‘ ’ and ' make single quotes, read only outside double quotes (inside they are nested).
* A quote never crosses a line break, except a multi-paragraph quote: a paragraph that opens a
  quote without closing it, followed by a paragraph that opens with a quotation mark.
  Otherwise an unclosed quote (a paywall cut: “In regions where the…) ends at its line.
* Spans without a letter or digit (a page of nothing but quotation marks) are dropped.

Attribution: a cue before or after the quotation names the speaker ("said X", "X told",
"according to X", "with X saying", "X was quoted as saying"). Before the cue the name nearest
it speaks ("Hockey Association president Marty Jones said"), unless an apposition follows the
name ("Ken Njoroge, chief executive of a company that ..., said"); after the cue the first
name speaks. Cues after an article or a passive ("the alleged use", "were reported") are no
speech, and a quotation that ends its sentence takes no cue from the next one. "he", "she"
and person descriptions ("the 28-year-old") go to the latest earlier speaker or subject of a
clause (a person mention followed by a verb, not "from Zehaf Bibeau and") of that gender
(honorifics, or the pronouns that follow the person's mentions) whom the article treats as a
person; names holding place or organisation words ("Fraser Valley", "BC Hydro") are none. A
later surname or first name alone stands for the full name. An object pronoun ("told her")
and a pronoun after another name tell no gender, nor do pronouns inside quotations. A
paragraph-long quote without a cue goes to the person the next paragraph opens with
("Rosa Gutierrez-Lam, 52, stood ..."). "Her statement said" is hers. A
speaker of unknown side takes the side of the group the article affiliates them with ("signed
up with the SDF").

Speed: the text is read once per pattern family (quotation marks, one Aho-Corasick pass for the
cues and one for the relays), windows are served from those passes, lines are split into
sentences only when a quotation or a cue form needs them, results for short phrases (actor
matches, names, sides) are cached on the actor lexicon, and the analysis of a text is cached
so that :func:`find_quotes` and :func:`voice_spans` (called by later stages) share it.

The word lists behind attribution (person nouns, titles, place and organisation words, name
particles, pronouns, honorifics) are data: ``lexicons/speakers.yaml``.

References
----------
Bell, A. (1991). *The Language of News Media*. Blackwell (attribution and relays).
Asr, F. T., et al. (2021). The Gender Gap Tracker. *PLOS ONE* 16(1) (quote scoring rule).
"""

from framing.quotes.base import QUOTE_COLUMNS, QUOTE_KINDS, VOICES
from framing.quotes.find import find_quotes, quotes_in_text
from framing.quotes.scores import cli_kwargs, quote_scores, quote_stats, score_quotes
from framing.quotes.voices import voice_spans

__all__ = ["QUOTE_COLUMNS", "QUOTE_KINDS", "VOICES", "cli_kwargs",
           "find_quotes", "quote_scores", "quote_stats", "quotes_in_text", "score_quotes",
           "voice_spans"]
