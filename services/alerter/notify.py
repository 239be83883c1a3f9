"""POST alerts to a webhook with a timeout and retries; redirects are never followed."""

import asyncio
import logging

import aiohttp

log = logging.getLogger(__name__)


class WebhookNotifier:
    """Deliver alert JSON to one URL; returns False after the last failed retry.

    Only a 2xx answer is a delivery. A redirect is a failure, not a new destination: a
    307 would re-post the alert to whatever host the receiver names.
    """

    def __init__(self, url: str, timeout_s: float, retries: int,
                 max_bytes: int = 256 * 1024) -> None:
        self.url = url
        self.timeout = aiohttp.ClientTimeout(total=timeout_s)
        self.retries = retries
        self.max_bytes = max_bytes

    async def send(self, body: bytes) -> bool:
        """POST `body`; back off 0.5 s, 1 s, 2 s... between tries."""
        if len(body) > self.max_bytes:
            log.warning("alert of %d bytes not posted: over the %d-byte webhook limit",
                        len(body), self.max_bytes)
            return False
        for attempt in range(self.retries + 1):
            try:
                async with aiohttp.ClientSession(timeout=self.timeout) as session:
                    async with session.post(self.url, data=body, allow_redirects=False,
                                            headers={"Content-Type": "application/json"}) as resp:
                        if 200 <= resp.status < 300:
                            return True
                        log.warning("webhook answered %d (try %d)", resp.status, attempt + 1)
            except (TimeoutError, aiohttp.ClientError) as exc:
                log.warning("webhook failed (try %d): %s", attempt + 1, exc)
            if attempt < self.retries:
                await asyncio.sleep(0.5 * 2 ** attempt)
        return False
