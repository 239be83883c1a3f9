"""Actor recognition: countries, bodies and officials, normalised to ISO3 and canonical names.

One compiled alternation of every alias finds mentions; officials resolve by the article's
date (roles carry dates in office), and "the Chinese leader" style references resolve to
the office holder on that date.
"""

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from services.extract.lexicon import NAME_STOPWORDS, Lexicon, PersonEntry, default_lexicon

MentionKind = Literal["country", "person"]
SURNAME_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR", "VNM", "HKG"})
HONORIFICS = (
    "President", "Prime Minister", "Premier", "Chancellor", "Foreign Minister", "Minister",
    "Foreign Affairs Minister", "External Affairs Minister", "Economy Minister",
    "Defense Minister", "Interior Minister", "Deputy Prime Minister", "Foreign Secretary",
    "President-elect", "Emir", "Sheikh", "Crown Prince", "Secretary-General",
    "Secretary General", "Director-General", "Director General", "High Representative",
    "Vice-President", "Vice Chancellor", "Leader", "leader", "Supreme Leader", "Sultan",
    "Secretary", "Mr.", "Mrs.", "Ms.", "Dr.", "Vice President", "Vice Premier", "Senator",
    "Sen.", "Ambassador", "Commissioner", "Governor", "Gov.", "Chairman", "Chair",
    "Secretary of State", "Trade Representative", "Treasury Secretary", "Commerce Secretary",
    "Commerce Minister", "Trade Minister", "Finance Minister", "Defence Minister",
    "Defense Secretary", "Crown Prince", "King", "Queen", "Shri", "Mr", "Ms", "Mrs",
)
OFFICE_WORDS = {
    "president": ("head_of_state", "head_of_government"),
    "leader": ("head_of_state", "head_of_government"),
    "leaders": ("head_of_state", "head_of_government"),
    "head of state": ("head_of_state",),
    "head of government": ("head_of_government",),
    "foreign secretary": ("foreign_minister",),
    "foreign affairs minister": ("foreign_minister",),
    "minister of foreign affairs": ("foreign_minister",),
    "top diplomat": ("foreign_minister",),
    "economy minister": ("trade_minister",),
    "prime minister": ("head_of_government", "head_of_state"),
    "premier": ("head_of_government", "head_of_state"),
    "chancellor": ("head_of_government",),
    "foreign minister": ("foreign_minister",),
    "secretary of state": ("foreign_minister",),
    "trade minister": ("trade_minister",),
    "commerce minister": ("trade_minister",),
    "finance minister": ("finance_minister",),
    "defence minister": ("defence_minister",),
    "defense minister": ("defence_minister",),
    "minister of defence": ("defence_minister",),
    "minister of defense": ("defence_minister",),
    "defense secretary": ("defence_minister",),
    "defence secretary": ("defence_minister",),
    # Offices the lexicon keeps no holders of: the country's unnamed party.
    "interior minister": (),
    "deputy foreign minister": (),
    "ambassador": (),
    "envoy": (),
    "national security adviser": (),
    "army chief": (),
    "military chief": (),
}
_NAME_WORD = r"(?:[A-Z][a-zà-ÿğşıç'’\-]+|[A-Z]\.|[A-Z][a-z]*[A-Z][a-z]+)"
_TITLED = re.compile(
    r"(?<![\w])(?:" + "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
    + r")\s+(" + _NAME_WORD + r"(?:[ ·\-]" + _NAME_WORD + r"){0,3})"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text naming a country, body or person."""

    start: int
    end: int
    kind: MentionKind
    iso3: str | None
    name: str | None = None
    role: str | None = None
    titled: bool = False


@dataclass(frozen=True)
class ActorIndex:
    """Compiled matchers over the actor lexicon."""

    pattern: re.Pattern
    countries: dict[str, str]
    people: dict[str, tuple[PersonEntry, ...]]
    office_pattern: re.Pattern
    demonym_of: dict[str, str]
    bodies: frozenset[str]

    def find(self, text: str, day: dt.date, offset: int = 0) -> list[Mention]:
        """Every actor mention in `text`, people resolved to who held office on `day`."""
        mentions: list[Mention] = []
        for match in self.pattern.finditer(text):
            alias = match.group(0)
            start, end = match.start() + offset, match.end() + offset
            if alias in self.people:
                person = pick_person(self.people[alias], day)
                if " " not in alias and alias != person.name and _other_first_name(
                        text[:match.start()], person, self.countries):
                    continue  # "Stanislas Guerini" is not Lorenzo Guerini
                mentions.append(Mention(start, end, "person", country_on(person, day),
                                        person.name, role_on(person, day)))
            else:
                mentions.append(Mention(start, end, "country", self.countries[alias]))
        headline = title_case(text)
        mentions.extend(self._offices(text, day, offset, mentions, headline))
        mentions.extend(self._titled_unknown(text, offset, mentions, headline))
        return settle(mentions, text, offset)

    def _offices(self, text, day, offset, known, headline=False) -> list[Mention]:
        """'the Chinese leader', 'President of the Russian Federation' -> office holder."""
        out = []
        for match in self.office_pattern.finditer(text):
            alias = match.group("c1") or match.group("c2")
            office = (match.group("o1") or match.group("o2")).lower()
            start, end = match.start() + offset, match.end() + offset
            if any(m.kind == "person" and start <= m.start < end + 2 for m in known):
                continue
            if match.group("c1") and not headline \
                    and re.match(r"\s+[A-Z]", text[match.end():match.end() + 2]):
                continue  # "Chinese President Xi": the name follows, found by the lexicon
            iso3 = self.countries.get(alias) or self.demonym_of.get(alias)
            before = text[max(0, match.start() - 12):match.start()].lower()
            if re.search(r"\b(?:former|ex-|late|then)\s*$", before) \
                    or (match.group("adj") or "").strip() in ("former", "then"):
                continue  # "the former U.S. president": no one in office now
            when = day
            if re.search(r"\b(?:incoming|next|future)\s*$", before):
                when = self.next_term(iso3, OFFICE_WORDS.get(office, ()), day) or day
            holder = self.office_holder(iso3, OFFICE_WORDS.get(office, ()), when)
            if holder:
                out.append(Mention(start, end, "person", country_on(holder, day), holder.name,
                                   role_on(holder, day)))
            elif iso3 and iso3 not in self.bodies:
                # "the Mongolian President": an office the lexicon has no holder for is
                # still a party of that country, unnamed.
                out.append(Mention(start, end, "person", iso3, None, office.title()))
        return out

    def _titled_unknown(self, text, offset, known, headline=False) -> list[Mention]:
        """'Foreign Minister Ana Perez': a person outside the lexicon, country unknown.

        In a Title Case headline a lone capitalised word after a title is no name.
        """
        out = []
        for match in _TITLED.finditer(text):
            start, end = match.start(1) + offset, match.end(1) + offset
            if any(m.start < end and start < m.end for m in known):
                continue
            if headline and " " not in match.group(1):
                continue
            name = match.group(1).replace("·", " ")
            out.append(Mention(start, end, "person", None, name, titled=True))
        return out

    def next_term(self, iso3: str | None, kinds: tuple[str, ...], day: dt.date):
        """The first day of the next term of one of `kinds` of office after `day` ('incoming')."""
        starts = [r.from_ for people in self.people.values() for person in people
                  for r in person.roles if r.kind in kinds and r.from_ > day
                  and (r.country or person.country) == iso3]
        return min(starts, default=None)

    def office_holder(self, iso3: str | None, kinds: tuple[str, ...], day: dt.date):
        """The person who held one of `kinds` of office for `iso3` on `day`, if known."""
        if not iso3:
            return None
        for kind in kinds:
            for people in self.people.values():
                for person in people:
                    if any(r.kind == kind and r.held_on(day)
                           and (r.country or person.country) == iso3 for r in person.roles):
                        return person
        return None


# Words of a title between a country and an official's name ("Armenian Prime Minister").
TITLE_WORDS = frozenset("""president prime minister ministers foreign affairs external secretary
leader premier chancellor vice deputy trade finance commerce economy economic defence defense
interior home king queen emir crown prince sheikh sultan envoy special ambassador top diplomat
chief head of state government the national security adviser advisor acting interim new
incoming outgoing spokesman spokeswoman spokesperson counterpart representative high
director general director-general secretary-general commissioner governor central bank
supreme elect president-elect military army""".split())


def title_case(text: str) -> bool:
    """A headline in Title Case ('Chad President Defends his Call'): capitals say little."""
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_WORD_BEFORE = re.compile(r"(?<![\w.])([A-Z][^\W\d_]+)\s+$")


def _other_first_name(before: str, person: PersonEntry, places) -> bool:
    """Whether a word that looks like another first name stands right before a bare surname:
    capitalised, inside the sentence, and no title, weekday, place or part of their name."""
    match = _WORD_BEFORE.search(before[-40:])
    if not match or not before[:match.start(1)].strip():
        return False
    word = match.group(1)
    own = {t for n in (person.name, *person.aliases) for t in n.split()}
    return word not in own and word.lower() not in TITLE_WORDS and word not in HONORIFICS \
        and word not in NAME_STOPWORDS and word not in places \
        and not any(word in r.role.split() for r in person.roles)


def settle(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """Sorted mentions: countries inside a person's span dropped, and an official of unknown
    country given the country named just before his title ('Armenian Prime Minister X')."""
    people = [m for m in mentions if m.kind == "person"]
    kept = sorted((m for m in mentions if m.kind == "person" or not any(
        p.start <= m.start and m.end <= p.end for p in people)), key=lambda m: m.start)
    out: list[Mention] = []
    for m in kept:
        prev = out[-1] if out else None
        if m.kind == "person" and m.iso3 is None and prev is not None and prev.kind == "country":
            gap = text[prev.end - offset:m.start - offset]
            gap = gap[:-2] if gap.endswith(", ") else gap  # "Somalia's prime minister, X"
            words = gap.replace("’s", " ").replace("'s", " ").split()
            if len(gap) < 60 and "," not in gap and all(w.lower() in TITLE_WORDS for w in words):
                m = replace(m, iso3=prev.iso3)
        if prev is not None and prev.kind == "person" and prev.iso3 is None and prev.name \
                and m.kind == "person" and m.name is None and m.iso3 \
                and re.fullmatch(r",\s*", text[prev.end - offset:m.start - offset]):
            # "Harry Tseng, Taiwan's deputy foreign minister": the apposition places him
            out[-1] = replace(prev, iso3=m.iso3, role=m.role)
            continue
        out.append(m)
    return out


def country_on(person: PersonEntry, day: dt.date) -> str:
    """The country (or body) `person` acts for on `day`."""
    role = next((r for r in person.roles if r.held_on(day) and r.country), None)
    return role.country if role else person.country


def role_on(person: PersonEntry, day: dt.date) -> str | None:
    """The role `person` held on `day`, if any."""
    return next((r.role for r in person.roles if r.held_on(day)), None)


def pick_person(candidates: tuple[PersonEntry, ...], day: dt.date) -> PersonEntry:
    """Among people sharing an alias, prefer the one in office on `day`."""
    for person in candidates:
        if any(r.held_on(day) for r in person.roles):
            return person
    return candidates[0]


# Surnames that are also everyday words are only matched with a title or a first name.
_COMMON_WORDS = frozenset(
    "may march june april august will rose king long young wong li wang kim lee costa "
    "lula ross carney payne tai abe he sen han ali patel fall khan ahmed hussein hassan cohen "
    "shah park moon suzuki mustafa abdullah ibrahim mohamad ghani hasan kelly rice power austin "
    "paz henry carter perdue morales castro murillo rodríguez rodriguez fernández fernandez "
    "garcía garcia lópez lopez martínez martinez gonzález gonzalez pérez perez sánchez sanchez "
    "singh kumar das wu lin chen zhang liu yang huang zhao zhou xu sun ma zhu hu guo lim tan "
    "ng nguyen tran pham le hoang vo dang bui do ho ngo duong ly joseph jean wagner miller wolf "
    "duke said hamid grant brown black green white wood hill price ford bush hunt "
    "bolton law".split()
)


def _person_aliases(person: PersonEntry) -> set[str]:
    tokens = person.name.split()
    surname = tokens[0] if person.country in SURNAME_FIRST else tokens[-1]
    aliases = {person.name, *person.aliases}
    if person.bare_surname and surname.lower() not in _COMMON_WORDS:
        aliases.add(surname)
    for role in person.roles:
        aliases.add(f"{role.role} {surname}")
    return {a for a in aliases if len(a) > 1}


def build_index(lexicon: Lexicon) -> ActorIndex:
    """Compile the actor matchers from a lexicon."""
    countries: dict[str, str] = {}
    demonym_of: dict[str, str] = {}
    for entry in lexicon.countries:
        for alias in (*entry.names, *entry.metonyms, *entry.demonyms):
            countries.setdefault(alias, entry.iso3)
        for alias in entry.demonyms:
            demonym_of.setdefault(alias, entry.iso3)
        for alias in entry.names:  # "BRITAIN." as a section head; capitals stay datelines
            if len(alias) > 3 and alias.upper() != alias:
                countries.setdefault(alias.upper(), entry.iso3)
    people: dict[str, list[PersonEntry]] = {}
    for person in lexicon.people:
        for alias in _person_aliases(person):
            if alias not in countries:
                people.setdefault(alias, []).append(person)
    for alias in [a for a in countries if a.startswith("the ")]:
        countries.setdefault("The " + alias[4:], countries[alias])  # sentence-initial
    aliases = sorted({*countries, *people}, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w]|\.\w)"
    )
    place = "|".join(re.escape(a) for a in sorted(countries, key=len, reverse=True))
    offices = "|".join(sorted(OFFICE_WORDS, key=len, reverse=True))
    office_pattern = re.compile(
        rf"(?:the )?(?P<c1>{place})(?:'s|’s)? (?P<adj>(?:current|new|acting|interim|former|then) )?"
        rf"(?P<o1>{offices}|{offices.title()})\b"
        rf"|(?<!Vice )(?<!Deputy )\b(?P<o2>{offices.title()}|{offices}) of (?:the )?(?P<c2>{place})\b"
    )
    return ActorIndex(
        pattern=pattern, countries=countries,
        people={k: tuple(v) for k, v in people.items()},
        office_pattern=office_pattern, demonym_of=demonym_of,
        bodies=frozenset(e.iso3 for e in lexicon.countries if e.body),
    )


@cache
def default_index() -> ActorIndex:
    """The index over the bundled lexicon, built once per process."""
    return build_index(default_lexicon())
