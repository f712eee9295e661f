"""Request typing and view decorators every app's views share.

The lowest app holds them because every app's views use them: ``HtmxHttpRequest`` (the
request as django-htmx's middleware leaves it), the ``View`` type, and the decorators that
keep a logged-out or unprivileged visitor out of a page:

- :func:`login_required` sends a visitor who is not logged in to the login page; for an
  HTMX request (a poll, a form) it answers ``HX-Redirect`` so the whole tab goes there,
  rather than the login form being swapped into a fragment of the page.
- :func:`operator_required` is for pages that belong to no business (the shared prompts):
  anyone but an operator gets a 404, as for any page that is not theirs.

Roles on a business's own things (owners edit, operators pin) are checked where the thing is
fetched, by the access helpers in :mod:`agents.access`: an outsider gets a 404, a member
without the role a 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils.cache import patch_vary_headers
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

from agents.access import user_is_operator


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


View = Callable[..., HttpResponse]


def login_required(view: View) -> View:
    """``login_required`` that an HTMX poll survives.

    A plain 302 to the login page would be followed by htmx and the login form swapped
    into the fragment; an HTMX request gets ``HX-Redirect`` back to the page it came from,
    so the whole tab goes to log in and returns there.
    """

    @wraps(view)
    def wrapper(request: HtmxHttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if request.htmx:
            page = urlsplit(request.htmx.current_url or "/")
            back_to = urlunsplit(("", "", page.path or "/", page.query, ""))
            response: HttpResponse = HttpResponseClientRedirect(
                redirect_to_login(back_to, resolve_url(settings.LOGIN_URL)).url
            )
        else:
            response = redirect_to_login(request.get_full_path())
        # The answer depends on the header: a cache must not hand one to the other.
        patch_vary_headers(response, ("HX-Request",))
        return response

    return wrapper


def operator_required(view: View) -> View:
    """:func:`login_required`, then a 404 for anyone who is not an operator (staff).

    For pages shared by every business (prompts), which no membership opens: to a
    non-operator they do not exist, so they get no hint that they do.
    """

    @wraps(view)
    def wrapper(request: HtmxHttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not user_is_operator(user=request.user):
            raise Http404("No such page.")
        return view(request, *args, **kwargs)

    return login_required(wrapper)
