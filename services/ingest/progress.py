"""A dependency-free progress bar on stderr."""

import sys
import time


class Progress:
    """Draws `[#####.....] n/total` at most 10 times a second."""

    def __init__(self, total: int | None, enabled: bool = True) -> None:
        self.total, self.enabled, self.done, self._drawn = total, enabled, 0, 0.0

    def advance(self, n: int = 1) -> None:
        """Count `n` more records."""
        self.done += n
        now = time.monotonic()
        if self.enabled and now - self._drawn > 0.1:
            self._drawn = now
            self._draw()

    def _draw(self) -> None:
        if self.total:
            filled = int(30 * self.done / self.total)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total}")
        else:
            sys.stderr.write(f"\r{self.done} records")
        sys.stderr.flush()

    def close(self) -> None:
        """Draw the final state and end the line."""
        if self.enabled:
            self._draw()
            sys.stderr.write("\n")
