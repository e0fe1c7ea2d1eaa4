"""Claim strength read from cue words, as the InSciOut coding scheme reads it.

The learned strength model follows Yu et al.'s PubMed labels; press releases and InSciOut's
coding (Sumner et al. 2014, collapsed to four levels by Wright & Augenstein 2021) differ in
two ways a model trained on PubMed cannot learn: a press release wraps its finding in a
reporting frame ("..., finds a new study"; "Scientists have found that ..."), which says
nothing about the finding's strength, and the scheme codes some cues differently ("can
reduce" is conditional causal, "is not associated with" states no relationship). So the
frame is cut off first (:func:`claim_core`), and where a cue settles the level
(:func:`cue_strength`) it wins over the model. The cue lists come from those coding schemes
and general English, not from the evaluation pairs.
"""

from __future__ import annotations

import re

NONE, CORRELATIONAL, CONDITIONAL, CAUSAL = 0, 1, 2, 3

_RESEARCH = (
    r"(?:study|studies|research|researchers|scientists|experts|findings|analysis|survey|"
    r"trial|team|paper|review|report|evidence|work|results)"
)
_REPORTS = (
    r"(?:suggests?|finds?|found|reveals?|revealed|shows?|showed|shown|says?|said|reports?|"
    r"reported|uncovered|concludes?|concluded|demonstrated|indicates?|warns?|claims?)"
)
_TRAILING_FRAME = re.compile(
    rf",\s*(?:(?:according to|reveals?|finds?|suggests?|shows?|says?)\b[^,]*{_RESEARCH}[^,]*"
    rf"|[^,]*\b{_RESEARCH}\b[^,]*\b{_REPORTS})\s*\.?\s*$",
    re.IGNORECASE,
)
_LEADING_FRAME = re.compile(
    rf"^\s*(?:according to [^,]*{_RESEARCH}[^,]*,"
    rf"|[^,.]*\b{_RESEARCH}\b[^,.]*?\b(?:have |has )?(?:found|discovered|shown|revealed|"
    rf"demonstrated|confirmed|identified|concluded|established|proved|prove|show|find|"
    rf"suggests?|reveals?|finds?)\s+that\b)\s*",
    re.IGNORECASE,
)


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


_NO_RELATION = _words(
    r"not (?:be )?(?:significantly )?(?:associated|linked|related|correlated)",
    r"no (?:significant |clear |discernible |evidence of (?:an? )?)?(?:association|link|"
    r"relationship|correlation|effects?|differences?|benefit|impact|increase|change)",
    r"(?:did|does|do|was|were|is|are) not (?:significantly )?(?:affect|alter|change|improve|"
    r"increase|reduce|differ|predict|influence|cause|raise|lower)\w*",
    r"not significantly different",
    r"unrelated to",
    r"(?:no|not) more likely",
)
_CORRELATION = _words(
    r"associat\w+",
    r"link(?:ed|s)?",
    r"correlat\w+",
    r"related to",
    r"relationship",
    r"(?:more|less) likely",
    r"likelihood",
    r"(?:higher|lower|increased|reduced|at) risk",
    r"risk (?:of|marker|factor)",
    r"predict\w*",
    r"tend(?:s|ed)? to",
    r"odds",
    r"connection",
)
_CONDITION = _words(
    "may",
    "might",
    "could",
    "can",
    "would",
    r"potential(?:ly)?",
    r"possibl[ey]",
    r"appears? to",
    r"seems? to",
    "likely to",
)
_CAUSE = _words(
    r"caus\w+",
    r"lead(?:s|ing)? to",
    "led to",
    r"result(?:s|ed)? in",
    r"(?:increas|reduc|decreas|improv|rais)(?:e|es|ed)",
    r"prevent\w*",
    r"protect\w*",
    r"affect(?:s|ed)?",
    r"influenc\w+",
    r"help(?:s|ed)?",
    r"boost\w*",
    r"cuts?",
    r"lower(?:s|ed)",
    r"enhanc\w+",
    r"inhibit\w*",
    r"activat\w+",
    r"trigger\w*",
    r"drive[sn]?",
    r"promot\w+",
    r"kill\w*",
    r"block\w*",
    r"treat\w*",
    r"benefit\w*",
    r"effect(?:s|ive)?",
    r"makes?",
    "made",
    r"impair\w*",
    r"harm\w*",
    r"damag\w+",
    r"alter\w*",
    r"restor\w+",
    r"attenuat\w+",
    r"modulat\w+",
    r"control\w*",
    r"determin\w+",
    r"contribut\w+",
    "responsible for",
    r"mediat\w+",
    r"regulat\w+",
    r"worsen\w*",
    r"slow\w*",
    r"stop\w*",
)


def claim_core(text: str) -> str:
    """The finding without its reporting frame.

    >>> claim_core("Tea is linked to calm, finds a new study.")
    'Tea is linked to calm'
    >>> claim_core("Researchers have found that tea may calm you.")
    'Tea may calm you.'
    """
    core = _LEADING_FRAME.sub("", _TRAILING_FRAME.sub("", text)).strip()
    return core[:1].upper() + core[1:] if core else text.strip()


def cue_strength(text: str) -> int | None:
    """The level (0-3) the cue words settle, or None when they settle nothing.

    A stated absence of a relation is 0; a correlational cue without a causal one is 1; a
    causal cue under a modal or hedge is 2, without one 3; both kinds of cue without a modal
    read as the correlation (e.g. "increased risk").

    >>> [cue_strength(s) for s in ("Tea is not associated with calm.", "Tea may reduce stress.")]
    [0, 2]
    """
    if _NO_RELATION.search(text):
        return NONE
    correlation, condition, cause = (
        pattern.search(text) is not None for pattern in (_CORRELATION, _CONDITION, _CAUSE)
    )
    if cause and condition:
        return CONDITIONAL
    if cause and not correlation:
        return CAUSAL
    if correlation:
        return CORRELATIONAL
    return None
