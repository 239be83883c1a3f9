"""Calls: phone or video calls between officials of two or more countries or bodies."""

import re

from services.extract.actors import OFFICE_WORDS, Mention
from services.extract.candidate import Candidate
from services.extract.context import ArticleContext
from services.extract.dates import mask_deadlines, resolve
from services.extract.rules.common import status_of
from services.extract.text import Sentence
from services.extract.tree import in_side_clause

_IN_PERSON = re.compile(r"\b(?:met|meeting|summit|visit(?:ed|s)?|in person|sidelines|face-to-face|talks in)\b", re.I)
_WEAK_RULES = {"call.speaks_with", "call.call_with", "call.phoned", "call.spoke_together"}
# "Trump and Chinese President Xi Jinping spoke": two named parties joined right before it.
_PLACE_AFTER = re.compile(r"\b(?:in|at|during|over) (?:the )?(?:[a-z]+ )?[A-Z]|\b(?:lunch|dinner|breakfast)\b")
_JOINED_SUBJECT = re.compile(r"\b[A-Z][\w.'’-]+ and (?:[A-Z][\w.'’-]*\s+){1,5}$")
_COREFERENCE = re.compile(
    r"\bthe two\b(?: (?:leaders|men|presidents|ministers|sides|heads of state))?(?! (?:countries|nations))"
    r"|\bboth (?:leaders|men|presidents|ministers|sides)\b|\bthe leaders\b", re.I)
_HABITUAL = re.compile(r"\b(?:kept|keeps|keep|continu\w*|regularly|often|frequently|repeatedly|routinely)\b", re.I)
_PHONE_CONTEXT = re.compile(r"\b(?:phone|phoned|telephone|telephoned|telephonic|call|video|videoconference)\b", re.I)


def find(ctx: ArticleContext, sentence: Sentence, hit: re.Match, rule: str, weight: float) -> list[Candidate]:
    """A call candidate when the sentence names parties from two or more countries."""
    text = sentence.text
    if rule in _WEAK_RULES and (_in_person(text) or _HABITUAL.search(text)
                                or not _PHONE_CONTEXT.search(ctx.article.title + ctx.article.body)):
        return []  # "kept talking to", "spoke with ... at the summit": not a call
    if rule == "call.spoke_together" and (not _JOINED_SUBJECT.search(text[:hit.start()])
                                          or _PLACE_AFTER.search(text[hit.end():])):
        return []  # "Trump spoke at the rally", "they spoke after lunch in Berlin": no call
    confidence = weight
    coref = _COREFERENCE.search(text[:hit.start()])
    if coref and not _people_between(ctx.mentions(sentence), sentence.start, coref.end(), hit.start()):
        # "the two spoke by phone": the parties are the people named just before.
        parties = _previous_parties(ctx, sentence)
        confidence -= 0.1
    else:
        doc = ctx.parse(sentence)
        # "the call ..., which Chinese Vice President Han will attend": not a party.
        mentions = [m for m in ctx.mentions(sentence)
                    if not in_side_clause(doc, m.start - sentence.start, hit.start())]
        mentions = _own_stretch(ctx, text, hit, mentions, sentence.start)
        parties = _participants(mentions, text, sentence.start)
        parties = _merge_parties(_bare_office(ctx, text), parties)
    if len({p["country"] for p in parties if p["country"]}) < 2 and _COREFERENCE.search(text):
        parties = _merge_parties(parties, _participants(ctx.title_mentions(), ctx.article.title, 0))
        confidence -= 0.15
    countries = {p["country"] for p in parties if p["country"]}
    if len(parties) < 2 or len(countries) < 2:
        return []
    dated, cut = ctx.without_dateline(sentence)  # "NEW DELHI, June 11 -" is not the call's date
    dated = mask_deadlines(dated)  # "put off the tariff until July 9" is not the call's date
    day, explicit = resolve(dated, ctx.reference, max(0, hit.start() - cut))
    date_given = explicit
    if not explicit:
        told = _told_date(ctx, sentence)
        day, date_given = (told, True) if told else (ctx.reference, False)
    status = status_of(ctx, "call", text, hit.start())
    medium = "video" if "video" in hit.group(0).lower() or "virtual" in hit.group(0).lower() else "phone"
    out = []
    for group in _separate_calls(parties, ctx.mentions(sentence), text, hit, sentence.start):
        countries = {p["country"] for p in group if p["country"]}
        key = ("call", tuple(sorted(countries)), day)
        out.append(Candidate("call", key, status, {"participants": group, "medium": medium},
                             sentence, rule, confidence, day, dated=date_given))
    return out


# "briefed him about his meeting in Moscow", "discussed the upcoming summit": what the call
# was about, not where the two met.
_TOPIC_BEFORE = re.compile(r"\b(?:about|regarding|discuss(?:ed|ing)?|on the outcome of|"
                           r"preparations for|ahead of) (?:his|her|their|its|the|a|an|next|"
                           r"upcoming|planned|recent|last week's|)\s*(?:\w+ )?$", re.I)


def _in_person(text: str) -> bool:
    """The parties met in person: a meeting word that is not the call's topic."""
    return any(not _TOPIC_BEFORE.search(text[max(0, m.start() - 40):m.start()])
               for m in _IN_PERSON.finditer(text))


def _own_stretch(ctx, text: str, hit: re.Match, mentions: list[Mention], offset: int) -> list:
    """'held a call with Putin and then spoke with Zelensky': two calls. A call's parties are
    the shared subject and the people between its trigger and the next call trigger."""
    hits = sorted({h.span() for rule, _, pattern in ctx.compiled.triggers["call"]
                   if rule != "call.spoke_together"  # a bare verb: no call of its own here
                   for h in pattern.finditer(text)})
    spans = []
    for span in hits:  # overlapping matches of one wording are one trigger
        if spans and span[0] < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], span[1]))
        else:
            spans.append(span)
    mine = next((i for i, (s, e) in enumerate(spans) if s <= hit.start() < e), None)
    if mine is None or len(spans) < 2:
        return mentions
    first_start = spans[0][0]
    low = spans[mine][0] if mine > 0 else 0  # people before it are the earlier call's
    high = spans[mine + 1][0] if mine + 1 < len(spans) else len(text)
    return [m for m in mentions if m.start - offset < first_start
            or low <= m.start - offset < high]


_SEPARATELY = re.compile(r"\b(?:and|then),?\s+(?:later\s+|also\s+)?separately,?\s+(?:with\s+)?", re.I)


def _separate_calls(parties: list[dict], mentions: list[Mention], text: str, hit: re.Match,
                    offset: int) -> list[list[dict]]:
    """'X spoke by phone with A and, separately, with B': one call with A, another with B."""
    split = _SEPARATELY.search(text, hit.end())
    if not split:
        return [parties]
    later = {m.name for m in mentions if m.kind == "person" and m.start - offset >= split.end()}
    second = [p for p in parties if p["name"] in later]
    first = [p for p in parties if p["name"] not in later]
    subject = {m.name for m in mentions if m.kind == "person" and m.start - offset < hit.start()}
    shared = [p for p in first if p["name"] in subject]
    groups = [first, shared + second]
    if not second or not shared or any(len({p["country"] for p in g}) < 2 for g in groups):
        return [parties]
    return groups


_CALL_WORD = re.compile(r"\b(?:call|conversation|spoke|phone|talks?)\b", re.I)


def _told_date(ctx: ArticleContext, sentence: Sentence):
    """An undated call takes the date the next sentences give it ('This call was very good,'
    Trump wrote on Friday), not the publication date."""
    for nxt in ctx.sentences[sentence.index + 1:sentence.index + 3]:
        word = _CALL_WORD.search(nxt.text)
        if word:
            day, explicit = resolve(nxt.text, ctx.reference, word.start())
            if explicit:
                return day
    return None


_BARE_OFFICE = re.compile(r"^(?:The )?(Prime Minister|President|Chancellor|Premier)\b(?! of)(?!\s+[A-Z])")


def _bare_office(ctx: ArticleContext, text: str) -> list[dict]:
    """'Prime Minister spoke ...' in an official readout: the home government's office holder."""
    match = _BARE_OFFICE.match(text)
    home = ctx.home_country()
    if not match or not home:
        return []
    kinds = OFFICE_WORDS.get(match.group(1).lower(), ())
    holder = ctx.compiled.actors.office_holder(home, kinds, ctx.reference)
    return [{"name": holder.name, "country": home, "role": match.group(1)}] if holder else []


def _people_between(mentions: list[Mention], offset: int, start: int, end: int) -> bool:
    return any(m.kind == "person" and start <= m.start - offset < end for m in mentions)


def _previous_parties(ctx: ArticleContext, sentence: Sentence) -> list[dict]:
    for previous in reversed(ctx.sentences[max(0, sentence.index - 3):sentence.index]):
        parties = _participants(ctx.mentions(previous), previous.text, previous.start)
        if len({p["country"] for p in parties if p["country"]}) >= 2:
            return parties
    return _participants(ctx.title_mentions(), ctx.article.title, 0)


def _participants(mentions: list[Mention], text: str, offset: int) -> list[dict]:
    parties: list[dict] = []
    for i, m in enumerate(mentions):
        if m.kind != "person":
            continue
        country = m.iso3 or _country_before(mentions, i, text, offset)
        if any(p["name"] == m.name and (m.name or p["country"] == country) for p in parties):
            continue
        parties.append({"name": m.name, "country": country, "role": m.role})
    named = {p["country"] for p in parties}
    coordinated = _coordinated_parties(mentions, text, offset)
    for i, m in enumerate(mentions):
        # An office named only by its country ("the Mexican side") stays a party.
        if m.kind == "country" and m.iso3 not in named and i in coordinated:
            parties.append({"name": None, "country": m.iso3, "role": None})
            named.add(m.iso3)
    return parties


def _country_before(mentions: list[Mention], index: int, text: str, offset: int) -> str | None:
    """'Chilean Foreign Minister Ana Perez': the country named just before a person."""
    if index == 0:
        return None
    prev = mentions[index - 1]
    gap = text[prev.end - offset:mentions[index].start - offset]
    if prev.kind == "country" and len(gap) < 40:
        return prev.iso3
    return None


_ROLE_NOUN = (r"(?:(?:military|defen[cs]e|foreign|top|senior|army|trade|finance) )?"
              r"(?:counterparts?|sides?|leaders?|presidents?|prime ministers?|premiers?|"
              r"chancellors?|foreign ministers?|ministers?|heads? of state|chiefs?)\b")
_PARTY_AFTER = re.compile(r"(?:'s|’s)? " + _ROLE_NOUN, re.I)
# Headline style: "Ecuador, Equatorial Guinea, Military Leaders Speak by Phone".
_PARTY_AFTER_COMMA = re.compile(r", (?=(?-i:[A-Z]))" + _ROLE_NOUN, re.I)
_COORDINATION = re.compile(r"\s*(?:,|and|&|,\s*and)\s*")


def _is_party_reference(text: str, mention: Mention, offset: int) -> bool:
    after = text[mention.end - offset:mention.end - offset + 40]
    return bool(_PARTY_AFTER.match(after) or _PARTY_AFTER_COMMA.match(after))


def _coordinated_parties(mentions: list[Mention], text: str, offset: int) -> set[int]:
    """Indexes of country mentions that are parties: 'Chad and Ireland leaders' makes both."""
    parties: set[int] = set()
    for i in range(len(mentions) - 1, -1, -1):
        m = mentions[i]
        if m.kind != "country":
            continue
        if _is_party_reference(text, m, offset):
            parties.add(i)
        elif i + 1 < len(mentions) and (i + 1 in parties or mentions[i + 1].kind == "person"
                                        and mentions[i + 1].name is None):
            gap = text[m.end - offset:mentions[i + 1].start - offset]
            if _COORDINATION.fullmatch(gap):
                parties.add(i)
    return parties


def _merge_parties(first: list[dict], second: list[dict]) -> list[dict]:
    merged = list(first)
    for party in second:
        if not any(p["name"] == party["name"] and p["country"] == party["country"] for p in merged):
            merged.append(party)
    return merged
