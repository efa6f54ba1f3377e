"""Closed word classes the agency rules read: grammar words, not actors."""

from __future__ import annotations

DET = frozenset(
    "the a an this that these those its their his her our my your any some several many each "
    "every both another such no".split()
)
# Determiners before a participle that make it adjectival ("the downed jet"); not "that".
ADJ_DET = frozenset("the a an this these those its their his her our".split())
POSS_PRON = frozenset("its their his her our my your".split())
PREP = frozenset(
    "of in on at by for with from to into onto near over against after before during since "
    "without under between among amid around across toward towards through about despite "
    "following per via inside outside within off upon behind beyond along than as "
    "according".split()
)
BE = frozenset("be is are was were been being am get gets got gotten getting".split())
HAVE = frozenset("has have had having".split())
DO = frozenset("do does did".split())
MODAL = frozenset("will would could can may might shall should must 'll 'd wo ca".split())
NEG = frozenset("not n't never".split())
SUBJ_PRON = frozenset("it they he she we i you".split())
OBJ_PRON = frozenset("it them him her us me you one".split())
REL = frozenset("that which who whom".split())
CONJ = frozenset(
    "and but or nor while when whereas because although though if unless whether so yet "
    "where once until".split()
)
ADV = frozenset(
    "also already still just then once twice again ever even yet previously immediately "
    "directly only first later earlier soon reportedly allegedly apparently now recently "
    "finally further repeatedly subsequently allegedly deliberately indiscriminately "
    "so far thus hence thereby meanwhile however".split()
)
REPORT = frozenset(
    "said says say saying told tells claimed claims stated announced announces "
    "confirmed confirms reported reports added adds insisted insists alleged alleges "
    "acknowledged admitted admits declared declares".split()
)
ACCUSE = frozenset(
    "accused accuses accusing accuse condemned condemns condemning condemn blamed blames "
    "blaming blame denounced denounces denouncing".split()
)
TIME = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december today yesterday tonight "
    "morning evening night week month year weekend day time far then now hour hours days weeks "
    "months years minutes".split()
)
# Words before an event that make it unreal: threatened, feared, planned, prevented.
IRREALIS = frozenset(
    "threat threats threaten threatens threatened threatening risk risks risked risking "
    "potential possible possibly prevent prevents prevented preventing avoid avoids avoided "
    "avoiding fear fears feared plan plans planned planning want wants wanted vow vows vowed "
    "intend intends intended aim aims aimed seek seeks sought attempt attempts attempted "
    "try tries tried ready prepared if unless whether would could might may will shall "
    "should can must 'll 'd".split()
)
CLAUSE_END = frozenset(",;:()[]—–\"“”‘’?!".split() + ["\u2014", "\u2013"])


# Words of an auxiliary chain (with n't-words and adverbs, see Tok.aux).
AUX = BE | HAVE | DO | MODAL | NEG | {"to"}
