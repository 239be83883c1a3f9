"""POST alerts to a webhook with a timeout and retries."""

import asyncio

import aiohttp


class WebhookNotifier:
    """Deliver alert JSON to one URL; returns False after the last failed retry."""

    def __init__(self, url: str, timeout_s: float, retries: int) -> None:
        self.url = url
        self.timeout = aiohttp.ClientTimeout(total=timeout_s)
        self.retries = retries

    async def send(self, body: bytes) -> bool:
        """POST `body`; back off 0.5 s, 1 s, 2 s... between tries."""
        for attempt in range(self.retries + 1):
            try:
                async with aiohttp.ClientSession(timeout=self.timeout) as session:
                    async with session.post(self.url, data=body,
                                            headers={"Content-Type": "application/json"}) as resp:
                        if resp.status < 400:
                            return True
            except (TimeoutError, aiohttp.ClientError):
                pass
            if attempt < self.retries:
                await asyncio.sleep(0.5 * 2 ** attempt)
        return False
