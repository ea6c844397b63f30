"""Readings of one sentence before they become records: repeats, and what speech adds.

A `Reading` is one directed event read from the text. Two rules work on all the readings
of a sentence at once: the same act read twice ("met ... to discuss") is kept once, and a
speaker who reports someone else's violence accuses them ("Israel said rockets were fired
from Gaza"), while a speaker reporting their own claims it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.events.cues import FINITE_TAGS, Cues, lemma
from eventwire.events.roles import is_infinitive, is_passive
from eventwire.models import Actor
from eventwire.ontology import CameoCode, CodeFacts

if TYPE_CHECKING:
    from eventwire.events.coder import Context

ACCUSE, CLAIM = "112", "015"
VERBAL, MATERIAL = frozenset({1, 3}), frozenset({2, 4})
"""CAMEO's quad classes of words (cooperation, conflict) and of deeds."""


@dataclass(frozen=True, slots=True)
class Reading:
    trigger: Token
    origin: str
    pos: str
    code: str
    source: Actor | None
    target: Actor | None
    context: Context
    intended: str | None = None
    """The planned act's own code when `code` is the intent to do it."""


def _dyad(reading: Reading) -> tuple[str, str, str]:
    source = reading.source.code or "" if reading.source else ""
    target = reading.target.code or "" if reading.target else ""
    return source, target, reading.code[:2]


def _governors(trigger: Token) -> set[int]:
    """The verbs whose clause holds this one: "met ... to discuss" is governed by met."""
    found = set()
    token = trigger
    for _ in range(3):
        if token.dep_ not in ("xcomp", "advcl", "conj", "ccomp") or token.head is token:
            break
        token = token.head
        found.add(token.i)
    return found


def _is_country(actor: Actor) -> bool:
    return actor.country is not None and actor.code == actor.country


def _has_own_object(verb: Token) -> bool:
    return verb.pos_ == "VERB" and any(c.dep_ == "dobj" for c in verb.children)


def separate_acts(one: Reading, other: Reading) -> bool:
    """Whether two readings tell two acts of one subject, not one act twice: verbs
    joined by "and", each with an object of its own and a code of its own ("expelled
    India's envoy and suspended bilateral trade", "raided the offices and detained 18
    journalists"). Such a verb is no vaguer telling nor a repeat of the other, even of
    the same root; verbs of one code tell one act in parts ("hurled stones at police and
    set fire to tyres", "beat protesters and fired tear gas")."""
    a, b = one.trigger, other.trigger
    if a.i == b.i or one.code == other.code:
        return False
    if not (_has_own_object(a) and _has_own_object(b)):
        return False
    joined = (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)
    siblings = a.dep_ == b.dep_ == "conj" and a.head.i == b.head.i
    return joined or siblings


def _details(broad: Reading, narrow: Reading) -> bool:
    """Whether `narrow` tells the same kind of act as `broad`, by the same source, on a
    named actor of the country `broad` only names, in a clause linked to it (not a
    separate act joined to it: `separate_acts`)."""
    vague, precise = broad.target, narrow.target
    if vague is None or precise is None or not _is_country(vague) or _is_country(precise):
        return False
    if separate_acts(broad, narrow):
        return False
    linked = broad.trigger in narrow.trigger.ancestors or narrow.trigger in broad.trigger.ancestors
    return (
        linked
        and precise.country == vague.country
        and _dyad(narrow)[0] == _dyad(broad)[0]
        and narrow.code[:2] == broad.code[:2]
    )


def with_participle_victims(
    readings: list[Reading], ontology: dict[str, CameoCode], harm_verbs: Collection[str]
) -> list[Reading]:
    """ "Militants detonated a bomb, wounding eight civilians": a participle of harm
    tells whom the violent act before it hit, so that act (its verb, its more precise
    code) takes the participle's victims, and the participle's own reading goes; so does
    a participle of harm (`harm_verbs`) whose victims the act already names ("blew up a
    police vehicle, killing eight policemen"; not "raided X, detaining 23"), and so do
    participles joined to the first ("damaging homes and wounding 11 civilians"). A
    participle that names no victims ("opened fire, wounding dozens") is left as it is:
    annotators mark such participles as events of their own."""
    kept = list(readings)
    for told in readings:
        if told.target is None:
            continue
        main = next((r for r in kept if _hit_by(r, told, ontology)), None)
        if main is None:
            continue
        if _takes_victims(main, told):
            kept[kept.index(main)] = replace(main, target=told.target)
        harm = lemma(told.trigger) in harm_verbs
        if _takes_victims(main, told) or (harm and _names_victims(main, told)):
            kept.remove(told)
    return kept


def with_passive_victims(
    readings: list[Reading], ontology: dict[str, CameoCode], harm_verbs: Collection[str]
) -> list[Reading]:
    """ "14 people were killed and 30 wounded when a car bomb exploded": a passive of harm
    (`harm_verbs`) with no doer and the violent act of its "when" clause are one event, at
    the passive (where annotators mark it), with the act's doer and more precise code;
    harm verbs joined to the passive go too."""
    kept = list(readings)
    for told in readings:
        if told.source is not None or told.target is None or told not in kept:
            continue
        if lemma(told.trigger) not in harm_verbs or not is_passive(told.trigger):
            continue
        joined = {t.i for t in told.trigger.children if t.dep_ == "conj"}
        verbs = {told.trigger.i, *joined}
        main = next((r for r in kept if _clause_of(r, told, verbs, ontology)), None)
        if main is None or not _takes_victims(main, told):
            continue
        kept[kept.index(told)] = replace(told, code=main.code, source=main.source)
        kept = [r for r in kept if r is not main and not _joined_harm(r, joined, harm_verbs)]
    return kept


def _clause_of(
    main: Reading, told: Reading, verbs: set[int], ontology: dict[str, CameoCode]
) -> bool:
    """Whether `main` is the violent act of an adverbial clause of `told`'s verb or of a
    verb joined to it (`verbs`: "killed and 30 wounded when ...")."""
    trigger = main.trigger
    clause = trigger.dep_ == "advcl" and trigger.head.i in verbs
    return clause and _both_violent(main, told, ontology)


def _joined_harm(reading: Reading, joined: set[int], harm_verbs: Collection[str]) -> bool:
    """ "and 30 wounded": a harm verb joined to the passive, with no doer named."""
    verb = reading.trigger
    return verb.i in joined and lemma(verb) in harm_verbs and reading.target is None


def _participle_act(trigger: Token) -> Token | None:
    """The verb a participle clause of `trigger` hangs from: "shelled" in "shelled X,
    damaging homes and wounding 11 civilians", for both participles, also where the parser
    joins the participle to the finite verb itself."""
    if trigger.tag_ != "VBG":
        return None
    token = trigger
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token is not trigger and token.tag_ in FINITE_TAGS:
        return token
    return token.head if token.dep_ == "advcl" and token.tag_ == "VBG" else None


def _hit_by(main: Reading, told: Reading, ontology: dict[str, CameoCode]) -> bool:
    """Whether `told` (a participle's reading) tells the harm of `main`, the violent act
    of the verb it hangs from, by the same source or by no one named."""
    act = _participle_act(told.trigger)
    source = _dyad(told)[0]
    return (
        act is not None
        and main.trigger.i == act.i
        and source in ("", _dyad(main)[0])
        and _both_violent(main, told, ontology)
    )


def _both_violent(main: Reading, told: Reading, ontology: dict[str, CameoCode]) -> bool:
    return (
        main is not told and ontology[main.code].quad_class == ontology[told.code].quad_class == 4
    )


def _takes_victims(main: Reading, told: Reading) -> bool:
    """Whether the act names no target yet, or only the victims' country."""
    return main.target is None or (
        main.target.sector is None and told.target is not None
        and main.target.country == told.target.country
    )  # fmt: skip


def _names_victims(main: Reading, told: Reading) -> bool:
    """Whether the act's target already stands for the participle's victims: the same
    actor, or people of the same country ("shelled X, killing 11 civilians")."""
    if main.target is None or told.target is None:
        return False
    same_country = main.target.country is not None and main.target.country == told.target.country
    return main.target.code == told.target.code or same_country


def drop_back_references(readings: list[Reading]) -> list[Reading]:
    """An event noun with no one named doing it that refers to an act the sentence tells
    by another word, of the same CAMEO root ("gunmen killed 12 worshippers in an attack on
    a mosque", "clashed, each side accusing the other of starting the fighting"), is that
    act again, not a second event."""
    told = [r for r in readings if r.source is not None or not _is_noun(r)]
    return [
        r
        for r in readings
        if not (r.source is None and _is_noun(r) and any(_same_act(r, o) for o in told))
    ]


def _is_noun(reading: Reading) -> bool:
    """An event noun read by itself, not one merged into its verb ("airstrikes killed")."""
    return reading.pos == "noun" and reading.trigger.pos_ not in ("VERB", "AUX")


def _same_act(noun: Reading, other: Reading) -> bool:
    return other.trigger.i != noun.trigger.i and other.code[:2] == noun.code[:2]


def drop_purposes(readings: list[Reading], ontology: dict[str, CameoCode]) -> list[Reading]:
    """ "Workers marched to demand higher pensions", "rebels attacked the town to demand
    a ransom", "thousands marched, demanding his resignation": words (a verbal act) in a
    purpose clause or participle of a material act by the same source tell what that act
    was for; the act is the event, and the purpose no second one. Purposes of the same
    root are left to `drop_repeats` ("fired tear gas to disperse the crowd" keeps the one
    with a target)."""
    return [r for r in readings if not any(_purpose_of(r, o, ontology) for o in readings)]


def _purpose_of(purpose: Reading, act: Reading, ontology: dict[str, CameoCode]) -> bool:
    verb = purpose.trigger
    participle = verb.tag_ == "VBG" and verb.dep_ == "advcl"  # "marched, demanding ..."
    clause = (is_infinitive(verb) and verb.dep_ in ("advcl", "xcomp")) or participle
    clause = clause and verb.head.i == act.trigger.i
    return (
        clause
        and _dyad(purpose)[0] == _dyad(act)[0]
        and ontology[purpose.code].quad_class in VERBAL
        and ontology[act.code].quad_class in MATERIAL
    )


def drop_vaguer(readings: list[Reading]) -> list[Reading]:
    """One act told at two levels of detail is one event, with the precise target: in
    "visited Tehran to meet the governor of the Central Bank of Iran" the meeting with the
    bank says all the visit to Iran does."""
    return [r for r in readings if not any(_details(r, other) for other in readings)]


def drop_repeats(readings: list[Reading]) -> list[Reading]:
    """Keep the first reading of each dyad and root; drop a reading with no target when
    the same source does the same kind of act to a named target in the sentence, one
    whose clause hangs from the same act by the same source ("met in Zurich to discuss")
    unless that act is itself dropped for want of a target ("shot and killed X"), and a
    target-less intent whose clause holds another act of its source. A verb joined to
    another with an object of its own is no repeat of it (`separate_acts`)."""
    seen: set[tuple[str, str, str]] = set()
    targeted = [r for r in readings if _dyad(r)[1]]
    survivors = [r for r in readings if _dyad(r)[1] or not _repeats(r, targeted)]
    governing = {(i, _dyad(r)[0]) for r in readings for i in _governors(r.trigger)}
    kept = []
    for reading in readings:
        source, target, root = _dyad(reading)
        if (source, target, root) in seen or (not target and _repeats(reading, targeted)):
            continue
        governors = _governors(reading.trigger)
        if any(r.trigger.i in governors and _repeats(reading, [r]) for r in survivors):
            continue
        if root == "03" and not target and (reading.trigger.i, source) in governing:
            continue  # "pledged to expel X": the expulsion, planned, says it all
        seen.add((source, target, root))
        kept.append(reading)
    return kept


def _repeats(reading: Reading, others: list[Reading]) -> bool:
    """Whether another of `others` tells the same kind of act by the same source, and
    is not a separate act joined to it."""
    source, _, root = _dyad(reading)
    return any(
        o is not reading
        and (_dyad(o)[0], _dyad(o)[2]) == (source, root)
        and not separate_acts(reading, o)
        for o in others
    )


def _statement(reading: Reading, cues: Cues) -> tuple[str, Actor | None] | None:
    """The code and target of what saying `reading` amounts to, if anything."""
    context = reading.context
    speech, speaker, actor = context.speech, context.speaker, reading.source
    if speech is None or speaker is None or actor is None or context.negated:
        return None
    if speaker.country is None:
        return None  # "activists said": no one a statement could be coded for
    verb = speech.lemma_.lower()
    own = speaker.country == actor.country
    if own:
        return (CLAIM, reading.target) if verb in cues.claiming_verbs else None
    # Only a verb of accusing makes an accusation: "Ukraine said Russia shelled Kharkiv"
    # reports the shelling, as CAMEO coders of news code it (PETRARCH's gold codes it as
    # an accusation too, 112; four probe sets written blind do not, 12 times to 1).
    return (ACCUSE, actor) if verb in cues.accusing_verbs else None


def readings_from_speech(
    readings: list[Reading], ontology: dict[str, CameoCode], cues: Cues
) -> list[Reading]:
    """Accusations and claims made by reporting violence (material conflict): "the US
    accused ISIL of attacking", "they claimed it"."""
    added: dict[tuple[str, str, str], Reading] = {}
    for reading in readings:
        if ontology[reading.code].quad_class != 4:
            continue
        found = _statement(reading, cues)
        if found is None:
            continue
        code, target = found
        context = replace(reading.context, modality="asserted", speakers=(), speech=None)
        assert reading.context.speech is not None
        statement = Reading(
            reading.context.speech,
            reading.origin,
            "verb",
            code,
            reading.context.speaker,
            target,
            context,
        )
        added.setdefault(_dyad(statement), statement)
    return list(added.values())


def rejections_from_negation(readings: list[Reading], facts: CodeFacts) -> list[Reading]:
    """A cooperative act the source will not or did not do is also its rejection ("would
    not provide support" is 121 besides the negated 07x); denials are not rejections."""
    added = []
    for reading in readings:
        context = reading.context
        if not context.negated or context.modality in ("reported_denied", "hypothetical"):
            continue
        code = facts.rejection(reading.code)
        if code is not None and reading.source is not None:
            plain = replace(context, negated=False, modality="asserted")
            added.append(replace(reading, code=code, context=plain))
    return added
