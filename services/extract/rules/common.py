"""Helpers shared by the event rules: status cues, rates, clauses, hypotheticals."""

import re

from services.extract.actors import Mention
from services.extract.context import ArticleContext

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
NUMBER_WORDS |= {f"{t}-{u}": NUMBER_WORDS[t] + i for t in _TENS for i, u in enumerate(_UNITS[1:10], 1)}
NUMBER_WORDS |= {f"{t} {u}": NUMBER_WORDS[t] + i for t in _TENS for i, u in enumerate(_UNITS[1:10], 1)}
NUMBER_WORDS |= {"a hundred": 100, "one hundred": 100, "hundred": 100}
_NUMBER = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_PERCENT = re.compile(
    rf"(?<![\w.])(\d{{1,3}}(?:\.\d+)?|(?i:{_NUMBER}))(?:\s?|-)(?:%|(?i:percent|per cent|pct)\b)")
# "up from the 31% announced", "compared with 10%": an old rate, not the measure's.
_OLD_RATE = re.compile(r"\b(?:up|down|rising|falling|raised|cut|increased|reduced)\s+from\s+(?:the\s+|a\s+|an\s+)?"
                       r"(?:\w+\s+){0,2}$|\b(?:compared with|compared to|versus|than)\s+(?:the\s+)?$", re.I)
# "bringing the total to 35%", "a combined 80.5%": the total wins over an increment.
_TOTAL_RATE = re.compile(r"\b(?:total|totall?ing|combined|cumulative|overall|in all|altogether)\b"
                         r"(?:\s+\w+){0,3}\s+$", re.I)
_HYPOTHETICAL = re.compile(
    r"^(?:if|should|were|imagine|suppose)\b|\b(?:were to|would have|imagine|suppose|hypothetical)\b",
    re.I,
)
_THREAT = re.compile(r"\bthreat|\bwarn|\bvow|\bpledg|\bpromis", re.I)
_CLAUSE_BREAK = re.compile(
    r";|\s[—–-]\s|, (?:while|but|after|as|which|who|and the|when|in response to|in retaliation for|"
    r"following)\b|\bwhile\b|, and (?=[A-Z])")
_PREPOSITION = re.compile(
    r"\b(?:on|against|from|to|for|with|of|in|at|into|toward|towards|over|about|between|"
    r"until|unless|because|while|if|whether|than|before|after|despite|amid|during|since)\s+"
    r"(?:the\s+)?$", re.I)
# Nouns after a demonym that make it an actor ("Chinese officials"), not an object
# ("Chinese goods", "American companies").
ACTOR_NOUNS = frozenset("""government governments officials official authorities authority ministry
ministries side president leader leaders administration minister ministers premier trade
commerce customs finance foreign regulators regulator lawmakers negotiators embassy spokesman
spokeswoman spokesperson envoy delegation parliament congress senate court courts military
agency commission cabinet economy prime chancellor state secretary department treasury""".split())
OBJECT_NOUNS = frozenset("""goods imports exports products companies firms steel aluminium aluminum
cars autos vehicles chips beef pork soybeans farm agricultural flat chipmakers suppliers apps
technology technologies dairy wine whiskey bourbon lumber timber logs seafood citizens nationals
investors users stores parent subsidiaries entities organisations organizations exporters
importers producers makers manufacturers farmers businesses""".split())
_OF_ACTOR = re.compile(
    r"\b(?:government|ministry|president|prime minister|premier|chancellor|king|people|state|"
    r"republic|kingdom|embassy|parliament|minister|ministers|authorities|leader)\s+of\s+(?:the\s+)?$", re.I)
_ABBREVIATED = frozenset({"U.S.", "US", "EU", "E.U.", "UK", "U.K.", "U.N.", "UN", "USA"})
_NEXT_WORD = re.compile(r"^(?:-\w+)?\s+([a-z][\w-]*)")


_NEAR = 40
_THAT = re.compile(r"(?:\s+\S+){0,4}?\s+that\b")
_GOVERNED = re.compile(
    r"(?:(?<!decided )(?<!agreed )(?<!moved )(?<!voted )(?<!began )(?<!started )\bto|\bwould|\bwill|\bcould|\bmay|\bmight|\bnot|\bbe)\s+[\"“]?(?:\w+ly\s+)?$", re.I)
_IF_CLAUSE = re.compile(r"\b(?:if|unless|should)\b[^,;]{0,80}$", re.I)
_CONDITIONAL = re.compile(r"\b(?:until|unless|if|whether)\b[^,;]{0,30}$", re.I)


def status_of(ctx: ArticleContext, kind: str, text: str, anchor: int,
              trigger: tuple[int, int] | None = None) -> str:
    """The status of the event whose trigger is at `anchor`; see `status_cue`."""
    return status_cue(ctx, kind, text, anchor, trigger)[0]


def status_cue(ctx: ArticleContext, kind: str, text: str, anchor: int,
               trigger: tuple[int, int] | None = None,
               segment: tuple[int, int] | None = None) -> tuple[str, bool]:
    """The status whose cue sits nearest `anchor` in `text`; earlier cues win ties.

    A cue governed by another verb ('threatened to impose', 'would lift') or inside a
    condition ('until the US lifts') does not set the status by itself.
    """
    best, best_distance, near, mood_before = None, None, None, None
    lo, hi = clause_bounds(text, anchor)
    text = text[:hi]
    for status, pattern, strong, mood in ctx.compiled.status[kind]:
        if pattern.pattern.endswith("(?:.)(?![\\w])"):
            continue
        for match in pattern.finditer(text):
            if segment and not mood and not segment[0] <= match.start() < segment[1]:
                continue  # an action word next to another trigger describes that one
            if trigger and match.start() < trigger[1] and trigger[0] < match.end() and (
                    # a ban's trigger verb is the measure ("to remove TikTok"); a cue that
                    # only spans it ("ruled that the suspension ... violated") still counts
                    kind == "ban" and trigger[0] <= match.start()
                    or kind != "ban" and not re.search(
                        r"\bto\s+$", text[max(0, match.start() - 4):match.start()])):
                continue  # the trigger noun ("a levy") is not its own cue; the verb ("to levy") is
            before = text[max(0, match.start() - 40):match.start()]
            if _CONDITIONAL.search(before):
                continue
            if status == "imposed" and _GOVERNED.search(before):
                continue  # "threatened to impose", "would impose": the governing verb decides
            distance = min(abs(match.start() - anchor), abs(match.end() - anchor))
            if strong:
                return status, True  # a court's ruling decides the status wherever it stands
            if match.end() <= lo:
                continue  # a cue in an earlier clause belongs to another event
            if near is None and distance <= _NEAR:
                near = status  # close to the trigger, the cue listed first wins
            if mood and match.end() <= anchor and _THAT.match(text[match.end():anchor]):
                return status, True  # "warns that ... the tariff will increase": a threat
            if mood and mood_before is None and match.end() <= anchor:
                mood_before = status  # "would impose X, and Y": the threat covers both
            if best_distance is None or distance < best_distance:
                best, best_distance = status, distance
    if near is not None:
        return near, True
    if mood_before is not None:
        return mood_before, True
    if best is not None and best_distance is not None and best_distance <= 90:
        return best, True
    return ctx.compiled.status[kind][-1][0], False


def rate_near(text: str, anchor: int) -> float | None:
    """The percentage nearest `anchor`; for 'from 10% to 25%' the target rate; a total over
    an increment; never the old rate a change started 'up from'."""
    matches = list(_PERCENT.finditer(text))
    current = [m for m in matches if not _OLD_RATE.search(text[max(0, m.start() - 40):m.start()])]
    matches = current or matches
    if not matches:
        return None
    totals = [m for m in matches if _TOTAL_RATE.search(text[max(0, m.start() - 40):m.start()])]
    best = min(totals or matches, key=lambda m: abs(m.start() - anchor))
    following = text[best.end():best.end() + 6]
    if following.startswith(" to ") or following.startswith(" to"):
        later = [m for m in matches if m.start() > best.end()]
        if later:
            best = later[0]
    return _percent_value(best.group(1))


def _percent_value(number: str) -> float:
    """'12', '12.5', 'twelve', 'twenty-five' -> the number."""
    word = " ".join(number.lower().split())
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(number)


def is_hypothetical(text: str) -> bool:
    """Writer's hypotheticals ('if tariffs were imposed...') that no actor threatened."""
    return bool(_HYPOTHETICAL.search(text)) and not _THREAT.search(text)


def in_condition(text: str, anchor: int) -> bool:
    """The trigger sits inside an 'if ...' clause: the condition of a threat, not a measure."""
    return bool(_IF_CLAUSE.search(text[:anchor]))


def clause_bounds(text: str, anchor: int) -> tuple[int, int]:
    """Start and end of the clause around `anchor` (relative offsets).

    A relative clause (', which announced...') keeps its antecedent on the left.
    """
    start, end = 0, len(text)
    for match in _CLAUSE_BREAK.finditer(text):
        if match.end() <= anchor:
            if not re.match(r", (?:which|who)\b", match.group(0)):
                start = match.end()
        elif match.start() >= anchor:
            end = match.start()
            break
    return start, end


def previous_subject(ctx: ArticleContext, sentence) -> str | None:
    """'He threatened tariffs...': the actor that opened one of the two previous sentences."""
    for previous in reversed(ctx.sentences[max(0, sentence.index - 2):sentence.index]):
        mentions = [m for m in ctx.mentions(previous) if m.iso3]
        if mentions and mentions[0].start - previous.start < 40:
            return mentions[0].iso3
    return None


def is_object_mention(ctx: ArticleContext, text: str, mention: Mention, offset: int,
                      trigger_words: frozenset[str]) -> bool:
    """'American companies', 'Chinese parent': a demonym describing a thing, not an actor."""
    surface = text[mention.start - offset:mention.end - offset]
    if mention.kind != "country" or not (surface in ctx.compiled.actors.demonym_of
                                         or surface in _ABBREVIATED):
        return False
    match = _NEXT_WORD.match(text[mention.end - offset:mention.end - offset + 40])
    if not match:
        return False
    word = match.group(1)
    if surface in _ABBREVIATED:  # "U.S. goods" is a thing, "U.S. imposed" is not
        return word in OBJECT_NOUNS
    return word not in ACTOR_NOUNS and word not in trigger_words


def after_preposition(text: str, mention: Mention, offset: int) -> bool:
    """'imports from China', 'talks with Beijing': an oblique mention, never the subject.

    'The Government of Canada', 'the President of Mexico' name an actor, not an oblique.
    """
    before = text[max(0, mention.start - offset - 40):mention.start - offset]
    if _OF_ACTOR.search(before):
        return False
    return bool(_PREPOSITION.search(before))


_REPORTED = re.compile(
    r"\b(?:said|says|informed|announced|told|stated|reported|confirmed|added|noted|explained|"
    r"reiterated|claimed)\b(?:\s+\S+){0,6}?\s+that\b", re.I)
_CRITICISM = re.compile(
    r"\b(?:criticiz|criticis|accus|condemn|slamm|blast|protest|denounc|attack|urg|asked|"
    r"call(?:ed|s)? on|press(?:ed|es)|lobb|welcom|praised|thank)\w*", re.I)


def pick_subject(text: str, candidates: list[Mention], offset: int, anchor: int) -> Mention | None:
    """The actor of the measure among mentions before the trigger.

    Usually the first; but in 'China criticized the Biden administration for introducing
    export controls' the measure belongs to the last actor after the criticism verb.
    """
    if not candidates:
        return None
    for cand in reversed(candidates):
        # "... than that of the United States, which announced it would quadruple its tariff"
        if is_antecedent(text, cand, offset):
            return cand
    first = candidates[0]
    between = text[first.end - offset:anchor]
    reported = _REPORTED.search(between)
    if reported and not re.match(r"\s*(?:\S+\s+){0,6}?(?:he|she|they|it|we)\b",
                                 between[reported.end():], re.I):
        # "Sheinbaum said that Trump agreed to pause the tariffs": the clause's own subject.
        cut = first.end - offset + reported.end()
        inner = [m for m in candidates if m.start - offset >= cut]
        if inner:
            return inner[0]
    if len(candidates) > 1 and _CRITICISM.search(between):
        return candidates[-1]
    return first


def is_antecedent(text: str, mention: Mention, offset: int) -> bool:
    """'the United States, which announced...': the subject of the relative clause."""
    return bool(re.match(r",?\s*(?:which|who)\b", text[mention.end - offset:mention.end - offset + 8]))
