"""Event rules: one module per event type, wired in one table."""

from services.extract.rules import ban, call, nomination, tariff

# Per-type passes over all of an article's candidates, after every sentence was read.
ARTICLE_PASSES = {
    "tariff": tariff.resolve_orphans,
}

RULES = {
    "call": call.find,
    "tariff": tariff.find,
    "ban": ban.find,
    "nomination": nomination.find,
}
