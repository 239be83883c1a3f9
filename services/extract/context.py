"""Per-article analysis shared by the event rules: sentences, trigger hits and actors."""

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from schemas.article import RawArticle
from services.extract.actors import ActorIndex, Mention, build_index, settle, title_case
from services.extract.dates import dateline
from services.extract.lexicon import NAME_STOPWORDS, Lexicon, default_lexicon
from services.extract.parse import default_parser
from services.extract.text import Sentence, split_sentences

EVENT_TYPES = ("call", "tariff", "ban", "nomination")
_TOKEN = re.compile(r"[a-z]+")


def last_name_run(sequence: str) -> str | None:
    """The last run of two or more name words in a capitalised sequence.

    'Los Angeles Mayor Eric Garcetti' -> 'Eric Garcetti'; 'President Trump' -> None.
    """
    runs, current = [], []
    for token in sequence.split():
        if token.strip(".") in NAME_STOPWORDS or token.split("-")[0] in NAME_STOPWORDS:
            runs.append(current)
            current = []
        else:
            current.append(token)
    runs.append(current)
    named = [r for r in runs if len(r) >= 2]
    return " ".join(named[-1][-3:]) if named else None


def tokens(text: str) -> set[str]:
    """Lower-case word tokens, for the trigger gate."""
    return set(_TOKEN.findall(text.lower()))
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,4}\b")


_NAME_TOKEN = re.compile(r"^[A-Z][^\W\d_]*(?:[-'’][A-Za-z][^\W\d_]*)*\.?$")


def confirmed_titled(doc, offset: int, found: list[Mention]) -> list[Mention]:
    """In Title Case, 'President Defends' is no name unless the parse's NER says PERSON."""
    people = [(e.start_char + offset, e.end_char + offset) for e in doc.ents
              if e.label_ == "PERSON"]
    return [m for m in found if not m.titled or any(
        s < m.end and m.start < e for s, e in people)]


OPENING_QUOTES = frozenset({'"', "“", "‘", "'", "``"})  # a name after one is a nickname


def unknown_people(doc, offset: int, known: list[Mention]) -> list[Mention]:
    """People that the parse's NER finds and no lexicon mention covers: two or more name words."""
    if doc is None:
        return []
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.ent_id_:
            continue  # ruler-labelled people are the lexicon's own, already found
        words = [t.text for t in ent if t.text not in ("'s", "’s")]
        while words and words[0].strip(".") in NAME_STOPWORDS:
            words = words[1:]
        if len(words) < 2 or not all(_NAME_TOKEN.match(w) for w in words):
            continue
        if ent.start > 0 and doc[ent.start - 1].text in OPENING_QUOTES:
            continue  # 'introduced as "Mad Dog"': a nickname or a quoted phrase, not a person
        start, end = ent.start_char + offset, ent.end_char + offset
        if any(m.start < end and start < m.end for m in known):
            continue
        name = " ".join(words)
        if ent.text.endswith(name):  # a leading title word was cut off the name
            start = end - len(name)
        out.append(Mention(start, end, "person", None, name, titled=True))
    return out


@dataclass(frozen=True)
class Compiled:
    """Regexes compiled once from the lexicon."""

    lexicon: Lexicon
    actors: ActorIndex
    gate: frozenset[str]
    gates: dict[str, frozenset[str]]
    place_words: frozenset[str]
    triggers: dict[str, list[tuple[str, float, re.Pattern]]]
    excludes: dict[str, re.Pattern | None]
    exclude_scopes: dict[str, str]
    status: dict[str, list[tuple[str, re.Pattern, bool, bool]]]
    positions: list[tuple[str, bool, str | None, re.Pattern]]
    entities: re.Pattern
    entity_info: dict[str, tuple[str, str | None, str]]
    parser: object = default_parser  # () -> Parser; tests of pure rules may pass a stub


def _words(pattern: str) -> str:
    return rf"(?<![\w-])(?:{pattern})(?![\w])"


def compile_lexicon(lexicon: Lexicon) -> Compiled:
    """Compile every pattern in `lexicon`."""
    triggers, excludes, status = {}, {}, {}
    for kind, spec in lexicon.triggers.items():
        triggers[kind] = [(t.id, t.weight, re.compile(_words(t.pattern), re.I)) for t in spec.triggers]
        excludes[kind] = (re.compile(_words("|".join(spec.exclude)), re.I)
                          if spec.exclude else None)
        status[kind] = [(c.status, re.compile(_words(c.pattern), re.I), c.strong, c.mood)
                        for c in spec.status]
    gates = {kind: frozenset(spec.gate) for kind, spec in lexicon.triggers.items()}
    gate = frozenset().union(*gates.values())
    positions = [
        (p.name, p.ambassador, p.country,
         re.compile(_words("|".join(p.patterns)), 0 if p.ambassador else re.I))
        for p in lexicon.positions
    ]
    entity_info = {}
    for e in lexicon.entities:
        for alias in (e.name, *e.aliases):
            entity_info[alias] = (e.name, e.country, e.kind)
    entities = re.compile(_words("|".join(re.escape(a) for a in
                                          sorted(entity_info, key=len, reverse=True))))
    place_words = frozenset(w.lower() for e in lexicon.countries
                            for alias in (*e.names, *e.demonyms) for w in alias.split())
    return Compiled(lexicon, build_index(lexicon),
                    gate, gates, place_words, triggers, excludes,
                    {kind: spec.exclude_scope for kind, spec in lexicon.triggers.items()},
                    status, positions, entities, entity_info)


@cache
def default_compiled() -> Compiled:
    """The compiled bundled lexicon, once per process."""
    return compile_lexicon(default_lexicon())


@dataclass
class ArticleContext:
    """What every rule needs to know about one article."""

    article: RawArticle
    compiled: Compiled
    sentences: list[Sentence]
    reference: dt.date
    _mentions: dict[int, list[Mention]] = field(default_factory=dict)
    _full_names: dict[str, str] | None = None
    last: dict[str, str] = field(default_factory=dict)  # type -> actor of its last candidate
    dateline_end: int = 0  # body offset where the text after a dateline starts
    _memo: dict[tuple[str, int], object] = field(default_factory=dict)

    def per_sentence(self, name: str, sentence: Sentence, compute):
        """`compute()` once per sentence for `name`: a rule's sentence-wide scan, whatever
        the number of trigger hits in it (keeps a hit-stuffed sentence linear)."""
        key = (name, sentence.index)
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def mentions(self, sentence: Sentence) -> list[Mention]:
        """Actor mentions in one sentence (offsets into the body), computed once.

        The lexicon finds known actors; the parse adds the people its NER finds that the
        lexicon does not know, with the country named before their title if any.
        """
        if sentence.index not in self._mentions:
            found = self.compiled.actors.find(sentence.text, self.reference, sentence.start)
            doc = self.parse(sentence)
            if doc is not None and title_case(sentence.text):
                found = confirmed_titled(doc, sentence.start, found)
            extra = unknown_people(doc, sentence.start, found)
            if extra:
                found = settle([*found, *extra], sentence.text, sentence.start)
            self._mentions[sentence.index] = found
        return self._mentions[sentence.index]

    def parse(self, sentence: Sentence):
        """The parsed sentence (a spaCy `Doc`), or None when it is too long to parse."""
        return self.compiled.parser()(sentence.text)

    def main_country(self) -> str | None:
        """The country named most often in the sentences analysed so far."""
        counts: dict[str, int] = {}
        for mentions in self._mentions.values():
            for m in mentions:
                if m.iso3:
                    counts[m.iso3] = counts.get(m.iso3, 0) + 1
        return max(counts, key=counts.get) if counts else None

    def full_names(self) -> dict[str, str]:
        """Surname -> the full name the article first gave it ('Gaetz' -> 'Matt Gaetz')."""
        if self._full_names is None:
            self._full_names = {}
            for match in _FULL_NAME.finditer(self.article.body):
                if self.article.body[match.end():match.end() + 1] == ")":
                    continue
                if self.article.body[max(0, match.start() - 1):match.start()] in OPENING_QUOTES:
                    continue  # '"Mad Dog"': a nickname, not the full name of a 'Dog'
                name = last_name_run(match.group(0))
                if name:
                    self._full_names.setdefault(name.split()[-1], name)
        return self._full_names

    def without_dateline(self, sentence: Sentence) -> tuple[str, int]:
        """The sentence text after any dateline, and how many characters were cut."""
        cut = max(0, self.dateline_end - sentence.start) if sentence.start < self.dateline_end else 0
        return sentence.text[cut:], cut

    def country_name(self, alias: str) -> str:
        """'Beijing' -> 'China': the first name the lexicon gives an alias's country."""
        iso3 = self.compiled.actors.countries.get(alias)
        entry = next((c for c in self.compiled.lexicon.countries if c.iso3 == iso3), None)
        return entry.names[0] if entry else alias

    def home_country(self) -> str | None:
        """The country of the dateline city ('New Delhi, 20 March' -> IND), if any."""
        head = self.article.body[:60].split("\n")[0]
        mentions = self.compiled.actors.find(head.split(",")[0], self.reference)
        return mentions[0].iso3 if mentions and mentions[0].kind == "country" else None

    def title_mentions(self) -> list[Mention]:
        """Actor mentions in the headline (offsets into the title)."""
        return self.compiled.actors.find(self.article.title, self.reference)


def build_context(article: RawArticle, compiled: Compiled) -> ArticleContext:
    """Split the article and fix its reference date (dateline, else publication date)."""
    published = article.published_at.date()
    day, dateline_end = dateline(article.body, published)
    return ArticleContext(article, compiled, split_sentences(article.body), day or published,
                          dateline_end=dateline_end)
