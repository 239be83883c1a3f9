"""The alerter: event topics -> rules -> `alerts` (and an optional webhook)."""
