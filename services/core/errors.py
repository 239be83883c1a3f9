"""One base exception for the project; typed errors where bad input enters."""

from schemas.dead_letter import RejectReason


class DiplowireError(Exception):
    """Base of every error diplowire raises on purpose."""


class RejectedInput(DiplowireError):
    """A message that cannot become an article; carries the dead-letter reason."""

    def __init__(self, reason: RejectReason, message: str) -> None:
        super().__init__(f"{reason.value}: {message}")
        self.reason = reason
        self.message = message


class ConfigError(DiplowireError):
    """A lexicon, rules file or setting that cannot be loaded."""
