"""How long a login must wait after failures: per account and per client address.

Five failures are free; after that each further attempt must wait twice as long as the
one before (1 s, 2 s, 4 s, … up to an hour). An account's failures count since its last
successful login (within a day); a client address's failures count within the last hour,
whoever they were for. A refused (throttled) attempt checks no password and adds no delay.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

FREE_FAILURES = 5
LONGEST_WAIT = 3600.0
ACCOUNT_WINDOW = 86400.0
CLIENT_WINDOW = 3600.0


@dataclass(frozen=True)
class Throttle:
    """The rule's numbers, so a deployment or a test can change them."""

    free_failures: int = FREE_FAILURES
    longest_wait: float = LONGEST_WAIT
    account_window: float = ACCOUNT_WINDOW
    client_window: float = CLIENT_WINDOW

    def wait(self, failures: list[float], now: float) -> float:
        """Seconds still to wait before the next attempt (0 when it may go ahead)."""
        extra = len(failures) - self.free_failures
        if extra < 0:
            return 0.0
        delay = min(self.longest_wait, 2.0**extra)
        return max(0.0, max(failures) + delay - now)


def retry_after(seconds: float) -> int:
    """Whole seconds for a Retry-After header (never 0 while a wait remains)."""
    return max(1, math.ceil(seconds))
