"""Secrets never reach a log: a log-record factory that blanks them in every record.

Client libraries log their wire requests at DEBUG; aiokafka's include the SASL
authenticate request, `sasl_auth_bytes=b'user\\x00user\\x00PASSWORD'`. A filter on one
logger would miss its children and handlers set up later, so the record factory, which
every logger calls, does it.
"""

import logging
import re

_SASL_BYTES = re.compile(r"sasl_auth_bytes=b?(['\"]).*?(?<!\\)\1")
_installed: list = []


def redact_secrets(secrets: list[str]) -> None:
    """Blank `secrets` and SASL auth bytes in every log record from now on (idempotent)."""
    values = [s for s in secrets if s]
    base = _installed[0] if _installed else logging.getLogRecordFactory()
    _installed[:] = [base]

    def factory(*args, **kwargs):
        record = base(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record is logging's to report
            return record
        clean = _SASL_BYTES.sub("sasl_auth_bytes=<redacted>", message)
        for value in values:
            clean = clean.replace(value, "<redacted>")
        if clean != message:
            record.msg, record.args = clean, ()
        return record

    logging.setLogRecordFactory(factory)


def stop_redacting() -> None:
    """Restore the record factory found before `redact_secrets` (tests)."""
    if _installed:
        logging.setLogRecordFactory(_installed.pop())
