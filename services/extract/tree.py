"""Reading the dependency tree of a parsed sentence: clauses, negation, conditions.

Every function takes a spaCy `Doc` (or None, when the sentence was not parsed) and
character offsets relative to the sentence, and answers False / the neutral value when there
is no tree to read, so a rule falls back to its surface patterns.
"""

# Edges that open a clause of their own: a relative clause ("which X will attend"), an
# adverbial clause ("if ... "), a clausal complement ("said that ..."), an apposed clause.
CLAUSE_EDGES = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "csubj"})
# Clauses that sit apart from the event: a person named in one is no party to it.
SIDE_CLAUSES = frozenset({"relcl", "acl", "advcl", "parataxis"})
CONDITION_MARKS = frozenset({"if", "whether", "unless"})
# Negating these verbs changes the status of a measure rather than denying it
# ("did not rule out tariffs", "decided not to enforce the ban").
NEGATION_KEEPS = frozenset("""rule ruled ruling exclude excluded enforce enforced enforcing lift
lifted lifting remove removed strike struck overturn overturned block blocked extend extended
renew renewed only""".split())
# Words that deny an event when they govern it: "ruled out retaliation", "refrained from".
DENIALS = frozenset("""refrain refrained refrains declined decline declines refused refuse refuses
ruled avoided avoid""".split())


def token_at(doc, char: int):
    """The token that covers character `char` of the sentence, or None."""
    if doc is None:
        return None
    for token in doc:
        if token.idx <= char < token.idx + max(1, len(token.text)):
            return token
        if token.idx > char:
            return token
    return None


def _path_up(token):
    """The token and its ancestors, nearest first, with the edge that led to each."""
    while True:
        yield token
        if token.head.i == token.i:
            return
        token = token.head


def in_side_clause(doc, char: int, anchor: int) -> bool:
    """Whether the word at `char` sits in a relative or adverbial clause that does not hold
    the word at `anchor` ('the call ..., which Chinese Vice President Han will attend')."""
    token, trigger = token_at(doc, char), token_at(doc, anchor)
    if token is None or trigger is None:
        return False
    for node in _path_up(token):
        if node.dep_ in SIDE_CLAUSES and not _dominates(node, trigger):
            return True
    return False


def _dominates(node, token) -> bool:
    return node.left_edge.i <= token.i <= node.right_edge.i


def negated(doc, anchor: int) -> bool:
    """Whether the trigger at `anchor` is denied in its own clause: 'would not retaliate',
    'will not be seeking to impose tariffs', 'refrained from imposing'."""
    token = token_at(doc, anchor)
    if token is None:
        return False
    for node in _path_up(token):
        if node.text.lower() in DENIALS and node.i != token.i:
            return True
        for child in node.children:
            if child.dep_ == "neg" and node.text.lower() not in NEGATION_KEEPS \
                    and not _keeps_after(child):
                return True
        if node.dep_ in CLAUSE_EDGES:
            return False
    return False


def _keeps_after(neg) -> bool:
    nxt = neg.nbor(1) if neg.i + 1 < len(neg.doc) else None
    return nxt is not None and nxt.text.lower() in ("only", "just", "yet")


def conditional(doc, anchor: int) -> bool:
    """Whether the trigger at `anchor` lies inside an 'if / whether / unless' clause."""
    token = token_at(doc, anchor)
    if token is None:
        return False
    for node in _path_up(token):
        if node.dep_ in CLAUSE_EDGES or node.dep_ in ("conj", "xcomp", "ROOT"):
            if any(c.dep_ == "mark" and c.text.lower() in CONDITION_MARKS
                   for c in node.children):
                return True
    return False
