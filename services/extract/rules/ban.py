"""Bans: cross-border prohibitions of apps, companies, exports, imports, travel, investment."""

import re

from services.extract.candidate import Candidate
from services.extract.context import ArticleContext
from services.extract.rules.common import (
    after_preposition,
    clause_bounds,
    is_hypothetical,
    is_object_mention,
    pick_subject,
    previous_subject,
    status_of,
)
from services.extract.text import Sentence
from services.extract.tree import in_side_clause

_CROSS_BORDER = re.compile(r"\b(?:export|import|foreign(?! (?:governments?|ministers?|ministry|policy|"
                           r"affairs|office|secretary|relations|agents?|funding|ties|interference))|overseas|cross-border|shipments|purchases|entity list|visa|travel)", re.I)
_SUBJECT_STOP = re.compile(
    r",|;|:|(?<![A-Z])\.(?=\s|$)|\((?![A-Z]{2,6}\))|\bafter\b|\band (?:halt|suspend|ban|bar|block|stop|add|put|"
    r"impose)\w*\b|\bbecause\b|\bwhich\b|\bthat\b|\bwho\b|\bciting\b|\bover\b|\bamid\b|"
    r"\b(?:(?:in order|so as) )?to (?:slow|curb|limit|prevent|stop|protect|counter|hinder|block|"
    r"punish|pressure|force|ensure|safeguard|deny|keep|hamper|weaken|thwart|deter|avoid)\b|"
    r"\bin (?:a|an|the) (?:move|bid|step)|\bin (?:the )?(?=[A-Z])|\bas\b|\bunless\b|\buntil\b|\bwhile\b|\bon (?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)\b|\bsaying\b|\bsaid\b|\blast\b|\bthis\b|"
    r"\bwith (?:immediate )?effect\b|\b(?:indefinitely|temporarily|permanently|immediately|"
    r"nationwide|outright|again)\b|\bsince\b|\b(?:is|was|are|were|will|would|may|might|could|can|should|must|has|have|had|runs|remains|applies|"
    r"lasts|expires|covers|took|takes|came|comes)\b|\bfrom (?:January|"
    r"February|March|April|May|June|July|August|September|October|November|December)\b"
)
_SECURITY_CLOSURE = re.compile(
    r"\b(?:because of|due to|amid|after|following|owing to) (?:the |a |heavy |renewed )?(?:\w+ )?"
    r"(?:fighting|violence|clashes|conflict|unrest|shelling|storms?|floods?|flooding|hurricane|"
    r"typhoon|cyclone|earthquake|wildfires?|snow)\b", re.I)
_POWER = re.compile(r"\b(?:allows?|allowing|permits?|permitting|authori[sz](?:es|ing))\s+(?:\w+\s+)?$",
                    re.I)
_POSSESSOR = re.compile(r"(?:'s|’s)\s+(?:(?:own|new|latest|planned|proposed|sweeping|"
                        r"national|nationwide|unilateral|\w+-wide)\s+)*$")
_AND = re.compile(r",\s*|,?\s+and\s+|\s*&\s*")
_OBJECT_INSIDE = frozenset({"ban.import_halt", "ban.closure", "ban.visa", "ban.trade_halt"})
_RULE_KINDS = {"ban.closure": "travel", "ban.visa": "travel", "ban.sanctions": "sanctions",
               "ban.platform_block": "app"}
_TRIGGER_WORDS = frozenset("ban bans banned banning export exports import imports".split())
_GENERIC_HEADS = frozenset("app apps application applications company companies firm firms platform "
                           "it them this these those".split())
_AFTER_TRIGGER = re.compile(r"^\s*(?:on|of|against|to|for)?\s*(?:the |a |an |all |its |their )?", re.I)
_ADDED = re.compile(
    r"\b(?:add(?:ed|s|ing)?|put(?:s|ting)?|place[sd]?|placing)\s+(?P<subj>.{3,120}?)\s+(?:to|on) "
    r"(?:the |its |an? )?(?:so-called )?[\"“]?(?:entity|unverified|unreliable entity|export[- ]control|"
    r"sanctions) list", re.I)
_KINDS = (
    ("entity_list", re.compile(r"entity list|blacklist|unverified list|export[- ]control list", re.I)),
    ("export_control", re.compile(r"export", re.I)),
    ("app", re.compile(r"\bapps?\b|application|TikTok|WeChat|platform", re.I)),
    ("import", re.compile(r"import|purchases|shipments", re.I)),
    ("travel", re.compile(r"travel|visa|entry", re.I)),
    ("investment", re.compile(r"invest", re.I)),
)


_PLATFORM_NOUN = re.compile(
    r"^\s*(?:the |its |access to |all )*(?:[\w-]+ ){0,3}?(?:app|apps|platforms?|social network|"
    r"social media|messaging service|microblogging site|chatbot|website)\b", re.I)
_PLATFORM_REACH = 60  # characters after the verb in which its platform object must start


def _platform_object(ctx: ArticleContext, text: str, hit: re.Match) -> bool:
    """'blocked the microblogging platform', 'suspension of Twitter', 'remove TikTok from
    work phones': the verb's object is a platform (not 'blocked a consensus')."""
    after = text[hit.end():hit.end() + _PLATFORM_REACH]
    if _PLATFORM_NOUN.match(after):
        return True
    for match in ctx.compiled.entities.finditer(after):
        if match.start() < 25 and ctx.compiled.entity_info[match.group(0)][2] == "app":
            return True
    return False


def find(ctx: ArticleContext, sentence: Sentence, hit: re.Match, rule: str, weight: float) -> list[Candidate]:
    """A ban candidate when a government bans something with a foreign party."""
    text = sentence.text
    if rule == "ban.platform_block" and not _platform_object(ctx, text, hit):
        return []
    if rule == "ban.closure" and _SECURITY_CLOSURE.search(text):
        return []  # a border shut against fighting or a storm is no measure against a country
    if _POWER.search(text[max(0, hit.start() - 40):hit.start()]):
        return []  # "Section 232, which allows import restrictions": a power, not a measure
    start, end = clause_bounds(text, hit.start())
    mentions = [m for m in ctx.mentions(sentence)
                if m.iso3 and m.iso3 not in ctx.compiled.actors.bodies]
    before = [m for m in mentions if m.start - sentence.start < hit.start()]
    after = [m for m in mentions if m.start - sentence.start >= hit.end()]
    doc = ctx.parse(sentence)
    # "After Pelosi visited Taipei, Beijing suspended imports": not an actor of the measure.
    before = [m for m in before if not in_side_clause(doc, m.start - sentence.start, hit.start())]
    authority, allies = _authority(ctx, before, after, text, sentence.start, hit.start())
    if authority is None and not _actors(ctx, before, text, sentence.start):
        # "the ban on Chinese apps": the ban the article reported last, else the last subject;
        # but an official of no known country speaks for the country the text is about.
        unplaced = any(m.kind == "person" and m.iso3 is None
                       and m.start - sentence.start < hit.start()
                       for m in ctx.mentions(sentence))
        if unplaced:
            authority = previous_subject(ctx, sentence) or ctx.last.get("ban")
        else:
            authority = ctx.last.get("ban") or previous_subject(ctx, sentence)
    if authority is None:
        return []
    entities = _entities(ctx, text)
    foreign = ({m.iso3 for m in mentions} - {authority}) or {
        c for _, c, _ in entities if c and c != authority}
    if not foreign and not _CROSS_BORDER.search(text) and not entities:
        return []
    found = _subject(text, hit, start, end, rule)
    vague = found is None and not entities
    subject = found or (entities[0][0] if entities else hit.group(0))
    generic = (not subject.split() or subject.split()[-1].lower() in _GENERIC_HEADS
               or subject.split()[0].lower() in ("from", "in", "at", "across", "within"))
    if entities and generic:
        subject = " and ".join(e[0] for e in entities)  # "banning the app" -> "TikTok"
    aliases = [name for name, _, _ in entities if name.lower() not in subject.lower()]
    confidence = weight if not is_hypothetical(text) else weight * 0.4
    # "revoked visas", "suspended imports": the verb is the measure, not a change of status.
    verb_is_measure = rule in _OBJECT_INSIDE or rule == "ban.platform_block"  # "removed TikTok"
    trigger = (hit.start(), hit.end()) if verb_is_measure else None
    status = status_of(ctx, "ban", text, hit.start(), trigger)
    ctx.last["ban"] = authority
    out = []
    for iso3 in (authority, *allies):  # "Poland, Hungary and Slovakia banned ...": one each
        fields = {"authority": iso3, "subject": subject, "aliases": aliases,
                  "ban_kind": _RULE_KINDS.get(rule) or _kind(text)}
        key = ("ban", iso3, status, _subject_key(subject, aliases))
        out.append(Candidate("ban", key, status, fields, sentence, rule, confidence, vague=vague))
    return out


_OBJECT_NOUN = re.compile(r"^(?:-made|-linked|-owned|-based)?\s*(?:(?![\w-]*ed\b|(?:ban|bar|halt|stop|block|suspend|restrict|close|shut)s?\b)[\w-]+\s+)?(?:companies|firms|organi[sz]ations|entities|goods|apps?|imports|exports|products|suppliers|chipmakers|beef|logs|soybeans|seafood|citizens|nationals|investors|users|stores)\b", re.I)


def _is_object(text: str, mention, offset: int) -> bool:
    """'15 American companies': a demonym describing what is banned, not who bans."""
    return bool(_OBJECT_NOUN.match(text[mention.end - offset:mention.end - offset + 40]))


def _actors(ctx, mentions, text: str, offset: int) -> list:
    """Mentions that can be the banning government: not objects, not after a preposition."""
    return [m for m in mentions if not _is_object(text, m, offset)
            and not is_object_mention(ctx, text, m, offset, _TRIGGER_WORDS)
            and not after_preposition(text, m, offset)]


def _authority(ctx, before, after, text: str, offset: int,
               anchor: int) -> tuple[str | None, list[str]]:
    """The banning government, and the governments coordinated with it ('A, B and C ban')."""
    subjects = _actors(ctx, before, text, offset)
    owner = _POSSESSOR.search(text[max(0, anchor - 40):anchor])
    if owner and before and before[-1].end - offset == max(0, anchor - 40) + owner.start():
        return before[-1].iso3, []  # "ahead of Japan's curbs on exports", "Slovakia's ban"
    if subjects:
        chosen = pick_subject(text, subjects, offset, anchor)
        return chosen.iso3, _coordinated(subjects, chosen, text, offset)
    for m in after:
        if re.search(r"\bby (?:the )?$", text[max(0, m.start - offset - 8):m.start - offset]):
            return m.iso3, []
    return None, []


def _coordinated(subjects: list, chosen, text: str, offset: int) -> list[str]:
    """Countries joined to `chosen` by commas and 'and', on either side."""
    index = subjects.index(chosen)
    allies: list[str] = []
    for step in (-1, 1):
        i = index
        while 0 <= i + step < len(subjects):
            left, right = sorted((subjects[i], subjects[i + step]), key=lambda m: m.start)
            if left.kind != "country" or right.kind != "country" or not _AND.fullmatch(
                    text[left.end - offset:right.start - offset]):
                break
            i += step
            if subjects[i].iso3 not in (chosen.iso3, *allies):
                allies.append(subjects[i].iso3)
    return allies


def _entities(ctx: ArticleContext, text: str) -> list[tuple[str, str | None, str]]:
    seen: dict[str, tuple[str, str | None, str]] = {}
    for match in ctx.compiled.entities.finditer(text):
        info = ctx.compiled.entity_info[match.group(0)]
        seen.setdefault(info[0], (info[0], info[1], info[2]))
    return list(seen.values())


def _subject(text: str, hit: re.Match, start: int, end: int, rule: str) -> str | None:
    added = next((m for m in _ADDED.finditer(text) if m.start() <= hit.start() < m.end()), None)
    if added:
        return added.group("subj").strip()
    rest = text[hit.end():end]
    if rule in _OBJECT_INSIDE:
        # "suspended beef imports from four plants", "closed its airspace to Indian airlines":
        # the object is inside the trigger, after its verb.
        head = hit.group(0)
        if not re.match(r"(?:visa|entry)\b", head, re.I):
            head = re.sub(r"^\S+\s+(?:off\s+)?(?:of\s+|to\s+)?(?:(?:\w+\s+){0,3}?of\s+)?", "", head)
            head = re.sub(r"^(?:its|their|the)\s+", "", head, flags=re.I)
        stop = _SUBJECT_STOP.search(rest)
        return " ".join((head + (rest[:stop.start()] if stop else rest)).split()[:12]) or None
    if re.match(r"\s*(?:to|and|by|is|was|were|are|has|have|had|would|will|may)\b", rest):
        return None  # "export controls to block...": no object follows the trigger
    rest = rest[_AFTER_TRIGGER.match(rest).end():]
    stop = _SUBJECT_STOP.search(rest)
    phrase = rest[:stop.start()] if stop else rest
    words = phrase.split()[:10]
    return " ".join(words).strip(" '\"“”‘’") or None


def _subject_key(subject: str, aliases: list[str]) -> tuple[str, ...]:
    return tuple(sorted({w.lower() for w in (subject, *aliases)}))[:1]


def _kind(text: str) -> str:
    return next((kind for kind, pattern in _KINDS if pattern.search(text)), "other")
