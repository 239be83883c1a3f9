"""diplowire services: the extraction core, the stream workers, ingest, alerter and CLI."""

__version__ = "0.1.0"
