"""Login throttling that never sleeps in a worker: lockouts per account and per address, bounded hashing.

Failed logins are counted per account name and per client address inside a sliding window. Past the
limit the account (or the address) is locked for a while and further attempts are refused at once with
429, before any password hash is computed. Password checks run on a small executor of their own, so a
storm of logins waits on the event loop and never takes the threads that serve the reviewers' pages.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

# Failures counted over this window; a lock lasts LOCKOUT_S from the failure that set it.
WINDOW_S = 15 * 60
LOCKOUT_S = 15 * 60
# An account locks after this many failures (a person mistypes two or three times, a guesser far more).
ACCOUNT_FAILS = 5
# An address locks after this many failures (an office behind one NAT address has several people).
ADDRESS_FAILS = 20
# Password hashes computed at once and logins allowed to wait for one. One at a time: an argon2 check takes
# ~0.2 s and runs 4 lanes in parallel, so two at once already fill a 2-core server (bench_workspace_load.py).
HASH_THREADS = 1
MAX_WAITING = 16
# Forget the oldest keys past this many, instead of growing without bound under a spray of names.
MAX_KEYS = 20000


class LoginGuard:
    """Counts failures, says whether a key is locked, and owns the executor that checks passwords."""

    def __init__(self, clock=time.monotonic) -> None:
        self.clock = clock
        self.lock = threading.Lock()
        self.fails: dict[str, list[float]] = {}
        self.locked_until: dict[str, float] = {}
        self.executor = ThreadPoolExecutor(HASH_THREADS, thread_name_prefix="fazhi-login")
        self.waiting = 0

    @staticmethod
    def keys(username: str, address: str) -> tuple[str, str]:
        """The account key and the address key of one attempt."""
        return "u:" + username.lower(), "ip:" + address

    def retry_after(self, *keys: str) -> int:
        """Seconds until every given key is unlocked (0: not locked)."""
        now = self.clock()
        with self.lock:
            left = [self.locked_until.get(k, 0) - now for k in keys]
        return max(0, int(max(left) + 0.999)) if left else 0

    def failed(self, account: str, address: str) -> None:
        """Count a failure; lock the account or the address when it reaches its limit."""
        now = self.clock()
        with self.lock:
            for key, limit in ((account, ACCOUNT_FAILS), (address, ADDRESS_FAILS)):
                recent = [t for t in self.fails.get(key, []) if now - t < WINDOW_S]
                recent.append(now)
                self.fails[key] = recent
                if len(recent) >= limit:
                    self.locked_until[key] = now + LOCKOUT_S
            if len(self.fails) > MAX_KEYS:
                self.fails = dict(list(self.fails.items())[-MAX_KEYS // 2 :])
                self.locked_until = {k: v for k, v in self.locked_until.items() if v > now}

    def succeeded(self, account: str) -> None:
        """A correct password clears the account's count (the address keeps its own)."""
        with self.lock:
            self.fails.pop(account, None)
            self.locked_until.pop(account, None)

    def unlock(self, username: str) -> None:
        """An administrator lifts an account's lock (after a password reset)."""
        self.succeeded("u:" + username.lower())

    def try_enter(self) -> bool:
        """Take a place in the queue for a password check; False when too many are waiting."""
        with self.lock:
            if self.waiting >= MAX_WAITING:
                return False
            self.waiting += 1
            return True

    def leave(self) -> None:
        """Give the place back."""
        with self.lock:
            self.waiting -= 1

    def close(self) -> None:
        """Stop the hashing threads."""
        self.executor.shutdown(wait=False)
