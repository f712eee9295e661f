"""What the base template shows on every page, without each view passing it."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from agents.models import Business
from agents.selectors import business_list_for_user


def businesses(request: HttpRequest) -> dict[str, object]:
    """``businesses``: the businesses the user belongs to, which the top bar names.

    Lazy: read (once) only by a template that shows it, so an HTMX fragment, a page for an
    operator (the bar says "all businesses") or a logged-out page costs no query.
    A view that passes its own ``businesses`` wins over this one.
    """

    def read() -> list[Business]:
        return list(business_list_for_user(user=request.user))

    return {"businesses": SimpleLazyObject(read)}
