"""Meta signs every webhook POST with HMAC-SHA256 of the raw body, keyed by the app secret."""

from __future__ import annotations

import hashlib
import hmac

PREFIX = "sha256="


def sign(*, body: bytes, secret: str) -> str:
    """The ``X-Hub-Signature-256`` header value Meta would send for ``body``."""
    return PREFIX + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def signature_is_valid(*, body: bytes, header: str | None, secret: str) -> bool:
    # An unset secret verifies nothing: refusing everything beats accepting forgeries.
    if not secret or not header or not header.startswith(PREFIX):
        return False
    return hmac.compare_digest(sign(body=body, secret=secret), header.strip())
