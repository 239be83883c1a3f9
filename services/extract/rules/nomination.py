"""Nominations: a person nominated, picked, appointed, confirmed or withdrawn for a public post."""

import re

from services.extract.candidate import Candidate
from services.extract.context import OPENING_QUOTES, ArticleContext, last_name_run
from services.extract.dates import MONTHS, WEEKDAYS
from services.extract.lexicon import NAME_STOPWORDS as _NOT_NAME
from services.extract.rules.common import after_preposition, status_cue
from services.extract.text import Sentence

_NAME = re.compile(
    r"(?<![\w'’.])((?:[A-Z][^\W\d_]+(?:-[A-Z]?[^\W\d_]+)?|[A-Z]\.)(?:\s+(?:[A-Z][^\W\d_]+(?:-[A-Z]?[^\W\d_]+)?|[A-Z]\.|(?:de|van|von|da|bin|der|den|la|le)(?=\s+(?:[A-Z]|der\b|den\b)))){1,5})(?:'s|’s)?"
)
_HEADS = ("head_of_state", "head_of_government")


def find(ctx: ArticleContext, sentence: Sentence, hit: re.Match, rule: str, weight: float) -> list[Candidate]:
    """One candidate per (person, post) pair in the sentence."""
    text = sentence.text
    posts = ctx.per_sentence("posts", sentence, lambda: _posts(ctx, text))
    if not posts:
        return []
    # "Stoltenberg will not take up the post": a withdrawal is the nominee's own act, and a
    # head of government or of a body can withdraw as well as anyone.
    withdrawal = rule == "nomination.withdraw"
    nominator = None if withdrawal else _nominator(ctx, sentence)
    # "the next president of the European Council" resolved to its holder is the post itself.
    people = [p for p in _people(ctx, sentence, nominator,
                                 withdrawing_at=hit.start() if withdrawal else None)
              if not any(ps <= p[1] < pe for _, ps, pe, _ in posts)]
    named = people + [(m.name, m.start - sentence.start, m.end - sentence.start)
                      for m in ctx.mentions(sentence) if m.kind == "person" and m.name]
    # "Israeli Prime Minister Benjamin Netanyahu named ...": a title is no post to fill.
    posts = [p for p in posts if not any(_own_title(text, p, s, e) for _, s, e in named)]
    out = []
    for (name, n_start, _), post in _pair(text, people, posts):
        position, p_start, p_end, country = post
        anchor = n_start if abs(n_start - hit.start()) < 60 else hit.start()
        status = status_cue(ctx, "nomination", text, anchor,
                            segment=_stretch(text, people, n_start, max(p_end, n_start)))[0]
        country = (country or (nominator[1] if nominator else None)
                   or _country_near(ctx, sentence, p_start) or ctx.last.get("nomination"))
        if country:
            ctx.last["nomination"] = country
        fields = {"nominee": {"name": name, "country": country}, "position": position,
                  "country": country, "nominator": nominator[0] if nominator else None}
        key = ("nomination", name.split()[-1].lower())
        out.append(Candidate("nomination", key, status, fields, sentence, rule, weight))
    return out


_FORMER = re.compile(r"\b(?:former|ex-|then-|onetime|previously|who (?:served|was) as|outgoing)\s*(?:\w+\s+){0,2}$", re.I)
_FOR_POST = re.compile(r"\b(?:as|to be|will be|would be|for|to serve as|to lead|to head|to run|to become|nominee for|pick for)\s+(?:the\s+)?(?:next\s+|new\s+|U\.?S\.?\s+|his\s+|her\s+)?$", re.I)


def _pair(text: str, people: list, posts: list) -> list:
    """One post per person and one person per post, closest pairs first (lists of picks)."""
    scored = sorted((_score(text, post, p[1], p[2]), post[1] < p[1], i, j)
                    for i, p in enumerate(people) for j, post in enumerate(posts))
    used_people, used_posts, pairs = set(), set(), []
    for score, _, i, j in scored:
        if score > 140 or i in used_people or j in used_posts:
            continue
        used_people.add(i)
        used_posts.add(j)
        pairs.append((people[i], posts[j]))
    return sorted(pairs, key=lambda pair: pair[0][1])


def _stretch(text: str, people: list, n_start: int, last: int) -> tuple[int, int]:
    """The part of a list of picks that speaks of one nominee: from the previous person to
    the clause break before the next ('..., elected Costa as ...' is Costa's)."""
    start = max((e for _, s, e in people if e <= n_start), default=0)
    later = [s for _, s, _ in people if s > last]
    if not later:
        return start, len(text)
    nxt = min(later)
    breaks = [m.start() for m in re.finditer(r",|;|\band\b", text[last:nxt])]
    return start, last + breaks[-1] if breaks else nxt


def _own_title(text: str, post: tuple, n_start: int, n_end: int) -> bool:
    """'Trade Minister Simon Birmingham said': the holder's title, not a pick; but 'Secretary
    of State Marco Rubio, confirmed 99-0' is confirmed to the post he is titled with."""
    if post[2] > n_start or text[post[2]:n_start].strip() \
            or _FOR_POST.search(text[max(0, post[1] - 40):post[1]]):
        return False
    return not _CONFIRMED_AFTER.match(text[n_end:n_end + 40])


_CONFIRMED_AFTER = re.compile(r",?\s*(?:who (?:was|has been|had been) )?(?:confirmed|approved|sworn in)\b")


def _gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, a_start - b_end, b_start - a_end)


def _score(text: str, post: tuple, n_start: int, n_end: int) -> int:
    """Distance from the person to the post; lower is better.

    A post introduced by 'as / for / to be' is the one being filled; one that follows
    'former' is the person's past job.
    """
    before = text[max(0, post[1] - 40):post[1]]
    score = _gap(post[1], post[2], n_start, n_end)
    if post[2] <= n_start and re.search(r",|;", text[post[2]:n_start]):
        score += 100  # "..., will be deputy adviser, and Sebastian Gorka returns": not his post
    if _FORMER.search(before):
        score += 500
    elif _FOR_POST.search(before):
        score //= 2  # "X for defense secretary", "X to lead the CIA": the post being filled
    return score


def _posts(ctx: ArticleContext, text: str) -> list[tuple[str, int, int, str | None]]:
    """Posts named in the text; where two overlap, the longer one ('principal deputy
    national security adviser' over 'national security adviser')."""
    found: list[tuple[str, int, int, str | None]] = []
    for name, ambassador, country, pattern in ctx.compiled.positions:
        for match in pattern.finditer(text):
            end = match.end()
            label = name
            if ambassador:
                dest = match.group("dest").rstrip(".")
                end = match.start("dest") + len(dest)
                label = f"Ambassador to {ctx.country_name(dest)}"
            found.append((label, match.start(), end, country))
    found.extend(_portfolios(ctx, text))
    found.extend(_relative_posts(ctx, text))
    found.sort(key=lambda p: p[1] - p[2])
    kept: list[tuple[str, int, int, str | None]] = []
    for post in found:
        if not any(s < post[2] and post[1] < e for _, s, e, _ in kept):
            kept.append(post)
    return sorted(kept, key=lambda p: p[1])


# "picked Hassan Joho for Mining and Blue Economy", "reappointing Kindiki to the Interior
# ministry": a cabinet portfolio named by its title alone.
_PORTFOLIO = re.compile(
    r"\bfor (?:the )?(?P<p>[A-Z][a-z]+(?:(?:, | and | of | )(?:[A-Z][a-z]+|Micro|Small)){0,6})"
    r"(?P<m> (?:[Mm]inistry|portfolio|docket))?"
    r"|\bto (?:the )?(?P<q>[A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+){0,3}) (?P<n>[Mm]inistry|portfolio|docket)\b")


# "The IMF's board selected X as its next managing director", "WTO members appointed X as
# the body's director-general": a post named relative to the organisation filling it.
_RELATIVE_POST = re.compile(
    r"\b(?:its|the (?:body|organi[sz]ation|fund|bank|agency|alliance|institution|union|"
    r"council|court|league|group|bloc|commission)['’]s|(?:the )?(?P<org>[A-Z]{2,6})['’]s)"
    r" (?:next |new |first |sole |top )?"
    r"(?P<title>managing director|director[- ]general|secretary[- ]general|president|governor|"
    r"chief executive|executive director|chair(?:man|woman|person)?|head|chief|leader)\b",
    re.IGNORECASE)
# Organisation names: capitalised words ending in an institution noun, or an acronym.
_ORGANISATION = re.compile(
    r"\b(?!(?:The|A|An) )(?:[A-Z][a-z]+ ){1,5}(?:Fund|Organi[sz]ation|Bank|Union|Council|Commission|Agency|"
    r"Alliance|Court|Nations|Forum|Association|League)\b|\b[A-Z]{2,6}\b")


def _relative_posts(ctx: ArticleContext, text: str) -> list[tuple[str, int, int, str | None]]:
    """Posts such as 'its next managing director', resolved against the organisations the
    sentence names first (the one choosing), then the headline, to a post of the lexicon."""
    out = []
    for match in _RELATIVE_POST.finditer(text):
        organisations = [match.group("org")] if match.group("org") else []
        organisations += [m.group(0) for m in _ORGANISATION.finditer(text[:match.start()])]
        organisations += [m.group(0) for m in _ORGANISATION.finditer(ctx.article.title)]
        for organisation in organisations:
            post = _lexicon_post(ctx, f"{match.group('title')} of the {organisation}")
            if post is not None:
                out.append((post[0], match.start(), match.end(), post[1]))
                break
    return out


def _lexicon_post(ctx: ArticleContext, phrase: str) -> tuple[str, str | None] | None:
    """The canonical post (and its country) that a whole phrase names, if any."""
    for name, ambassador, country, pattern in ctx.compiled.positions:
        if not ambassador and (m := pattern.search(phrase)) and m.start() == 0:
            return name, country
    return None


_AFTER_NAME = re.compile(r"[A-Z][^\W\d_]+[’']?,?\s+$")
_CALENDAR = frozenset({w.title() for w in (*WEEKDAYS, *MONTHS)} | {"Today"})


def _portfolios(ctx: ArticleContext, text: str) -> list[tuple[str, int, int, str | None]]:
    out = []
    for match in _PORTFOLIO.finditer(text):
        if not _AFTER_NAME.search(text[max(0, match.start() - 40):match.start()]):
            continue  # the portfolio follows its nominee: "Hassan Joho for Mining"
        phrase = match.group("p") or match.group("q")
        end = match.end()
        if match.group("p") and not match.group("m") and " and " in phrase \
                and re.match(r"\s+for\b", text[end:]):
            # "for Mining and Blue Economy and Joseph Otieno for Energy": the next nominee
            phrase = phrase.rsplit(" and ", 1)[0]
            end = match.start("p") + len(phrase)
        first = phrase.split()[0].rstrip(",")
        if first in _CALENDAR or ctx.compiled.actors.pattern.fullmatch(phrase) \
                or ctx.compiled.actors.pattern.match(phrase):
            continue  # "for Tuesday", "for China": no portfolio
        suffix = match.group("m") or (" " + match.group("n") if match.group("n") else "")
        start = match.start("p") if match.group("p") else match.start("q")
        out.append((phrase + suffix, start, end if not suffix else match.end(), None))
    return out


def _nominator(ctx: ArticleContext, sentence: Sentence) -> tuple[str, str | None] | None:
    for m in ctx.mentions(sentence):
        if m.kind == "person" and m.name and _is_head(ctx, m.name):
            return m.name, m.iso3
    return None


def _is_head(ctx: ArticleContext, name: str) -> bool:
    for person in ctx.compiled.lexicon.people:
        if person.name == name:
            return any(r.kind in _HEADS and r.held_on(ctx.reference) or r.role == "President-elect"
                       and r.held_on(ctx.reference) for r in person.roles)
    return False


def _people(ctx: ArticleContext, sentence: Sentence, nominator,
            withdrawing_at: int | None = None) -> list[tuple[str, int, int]]:
    """Candidate nominees: lexicon people and capitalised names, minus the nominator.

    A head of government or of a body is a nominee only right after a pick verb, or as the
    subject just before a withdrawal ('Stoltenberg will not take up the post')."""
    text = sentence.text
    people: list[tuple[str, int, int]] = []
    picked = _picked_spans(ctx, text)
    for m in ctx.mentions(sentence):
        start, end = m.start - sentence.start, m.end - sentence.start
        if m.kind == "person" and m.name and (
                not nominator or m.name != nominator[0]) and (
                    not _is_head(ctx, m.name) or withdrawing_at is not None
                    and _SUBJECT_GAP.fullmatch(text[end:withdrawing_at])) \
                or m.kind == "person" and m.name and any(
                    _OBJECT_GAP.fullmatch(text[e:start]) for e in picked):
            # a head of government right after 'chose' is the pick ("chose Estonian Prime
            # Minister Kaja Kallas as ..."), not the one choosing
            people.append((m.name, start, end))
    taken = [(m.start - sentence.start, m.end - sentence.start) for m in ctx.mentions(sentence)
             if m.kind == "person"]
    for match in _NAME.finditer(text):
        if any(s < match.end(1) and match.start(1) < e for s, e in taken):
            continue  # part of a known person's mention (the nominator included)
        if text[match.end():match.end() + 1] == ")":
            continue  # "(Reuters)", "(Sample Wire)": a credit, not a person
        if text[max(0, match.start(1) - 1):match.start(1)] in OPENING_QUOTES:
            continue  # 'introduced as "Mad Dog"': a nickname or a quote, not a person
        found = last_name_run(match.group(1))
        if found is None:
            continue
        name = found
        start = match.start(1) + match.group(1).rfind(name.split()[0] + " " + name.split()[1])
        if any(s <= start < e or start <= s < match.end(1) for _, s, e in people):
            continue
        if ctx.compiled.actors.pattern.fullmatch(name) or _NOT_A_PERSON.search(text[:start]):
            continue
        people.append((name, start, match.end(1)))
    people = _known_surnames(ctx, sentence, people)
    return [p for p in people if not _ORG_CONTEXT.search(text[:p[1]])
            and not _NOT_A_PERSON.search(text[:p[1]])
            and not _PREDECESSOR.search(text[max(0, p[1] - 30):p[1]])
            and p[0].split()[-1] not in _ORG_WORDS
            and not all(w.isupper() and len(w) > 2 for w in p[0].split())]  # "BUENOS AIRES"


# "to succeed Mario Draghi", "after firing Yoav Gallant": the one leaving the post.
_PREDECESSOR = re.compile(r"\b(?:succeed(?:s|ed|ing)?|replac(?:e|es|ed|ing)|tak(?:e|es|ing) over from|"
                          r"took over from|in place of|fir(?:e|es|ed|ing)|oust(?:s|ed|ing)?|"
                          r"dismiss(?:es|ed|ing)?|sack(?:s|ed|ing)?)\s+(?:\w+\s+){0,2}$", re.I)
# "the European Commission", "Norges Bank": capitalised, but an institution.
_ORG_WORDS = frozenset("""Commission Council Parliament Bank Fund Union Organization Organisation
Ministry Department Office Agency Committee Court Party Assembly Senate Congress Group Board
Authority Service Institute University Corporation Company Forum Treaty Summit Government
Administration Cabinet""".split())


# What may stand between a pick verb and the pick: names, adjectives and the pick's current
# or past title ("appointed former Nigerian finance minister Ngozi Okonjo-Iweala").
_SUBJECT_GAP = re.compile(r"\s*(?:[\w’']+\s+){0,3}")  # "Stoltenberg [has said he] will not"
_OBJECT_GAP = re.compile(
    r"\s+(?:(?:former|outgoing|incumbent|acting|deputy|vice|prime|finance|foreign|trade|economy|"
    r"defen[cs]e|interior|justice|health|energy|minister|secretary|president|governor|"
    r"ambassador|envoy|director|chief|head|commissioner|[A-Z][\w'’.-]*)\s+){0,6}")


def _picked_spans(ctx: ArticleContext, text: str) -> list[int]:
    """Ends of the nomination verbs in the sentence ('to nominate', 'chose')."""
    return [hit.end() for rule, _, pattern in ctx.compiled.triggers["nomination"]
            if rule != "nomination.confirm" for hit in pattern.finditer(text)]


# "the Cantor Fitzgerald chief", "on Truth Social", "to Robert Lighthizer": not a nominee.
_NOT_A_PERSON = re.compile(r"\b(?:the|a|an|its|on|at|in|from|of|by|to|for|with|into)\s+$", re.I)
_ORG_CONTEXT = re.compile(r"\b(?:chief of staff|adviser|aide|deputy|spokes\w+) (?:to|for)\s+$", re.I)


def _known_surnames(ctx, sentence, people):
    """'Gaetz' alone resolves to 'Matt Gaetz' when the article named him in full before."""
    full = {n.split()[-1]: n for n, _, _ in people}
    named = [(m.start - sentence.start, m.end - sentence.start) for m in ctx.mentions(sentence)
             if m.kind == "person"]
    for match in re.finditer(r"(?<![\w'’])([A-Z][^\W\d_]{2,})(?:'s|’s)?(?![\w])", sentence.text):
        surname = match.group(1)
        if surname in full or surname in _NOT_NAME:
            continue
        if any(s <= match.start(1) < e for s, e in named):
            continue  # part of a mention already placed (the nominator's own name)
        known = ctx.full_names().get(surname)
        if known:
            people.append((known, match.start(1), match.end(1)))
    return people


def _country_near(ctx: ArticleContext, sentence: Sentence, position_start: int) -> str | None:
    """The country named last before the post ('U.S. ambassador'), not one after a
    preposition ('an official who worked on North Korea')."""
    before = [m for m in ctx.mentions(sentence) if m.start - sentence.start <= position_start
              and m.iso3 and not after_preposition(sentence.text, m, sentence.start)]
    if before:
        return before[-1].iso3
    return ctx.main_country()
