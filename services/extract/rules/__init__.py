"""Event rules: one module per event type, wired in one table."""

from services.extract.rules import ban, call, nomination, tariff

RULES = {
    "call": call.find,
    "tariff": tariff.find,
    "ban": ban.find,
    "nomination": nomination.find,
}
