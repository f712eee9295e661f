"""One reply job at a time per conversation, across every worker on every host."""

from __future__ import annotations

import uuid

import django_rq
import redis
from django.conf import settings

# Delete the key only if it still holds our token: a lock that expired and was taken by
# another worker must not be released by the one that lost it.
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""


def redis_connection() -> redis.Redis:
    return django_rq.get_connection(settings.REPLY_QUEUE)


class ConversationLock:
    def __init__(self, conversation_id: int, *, ttl_seconds: int | None = None) -> None:
        self.key = f"switchboard:reply-lock:{conversation_id}"
        self.token = uuid.uuid4().hex
        self.ttl_seconds = ttl_seconds or settings.REPLY_LOCK_SECONDS
        self._redis = redis_connection()

    def acquire(self) -> bool:
        return bool(self._redis.set(self.key, self.token, nx=True, ex=self.ttl_seconds))

    def is_held(self) -> bool:
        """The fencing check: still ours, not expired and taken by another worker."""
        held = self._redis.get(self.key)
        return held is not None and held.decode() == self.token

    def is_taken(self) -> bool:
        """Someone (anyone) holds this conversation right now."""
        return bool(self._redis.exists(self.key))

    def release(self) -> None:
        self._redis.eval(_RELEASE, 1, self.key, self.token)
