"""The WhatsApp Cloud API webhook: verify, store, enqueue after commit, answer 200 fast."""

from __future__ import annotations

import hmac
import json
import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from conversations.services.inbound import webhook_ingest
from conversations.whatsapp.parser import PayloadError, parse_webhook
from conversations.whatsapp.signature import signature_is_valid

logger = logging.getLogger(__name__)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def whatsapp_webhook(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _verify_subscription(request)
    if not signature_is_valid(
        body=request.body,
        header=request.headers.get("X-Hub-Signature-256"),
        secret=settings.WHATSAPP_APP_SECRET,
    ):
        if not settings.WHATSAPP_APP_SECRET:
            logger.error("WHATSAPP_APP_SECRET is not set: every webhook POST is refused")
        return JsonResponse({"error": "invalid or missing X-Hub-Signature-256"}, status=403)
    try:
        parsed = parse_webhook(json.loads(request.body))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return JsonResponse({"error": f"body is not valid JSON: {error}"}, status=400)
    except PayloadError as error:
        return JsonResponse({"error": f"not a WhatsApp webhook payload: {error}"}, status=400)
    result = webhook_ingest(parsed=parsed)
    return JsonResponse(
        {
            "stored": result.stored,
            "duplicates": result.duplicates,
            "statuses": result.statuses_applied,
        }
    )


def _verify_subscription(request: HttpRequest) -> HttpResponse:
    mode = request.GET.get("hub.mode")
    token = request.GET.get("hub.verify_token", "")
    challenge = request.GET.get("hub.challenge", "")
    expected = settings.WHATSAPP_VERIFY_TOKEN
    if mode == "subscribe" and expected and hmac.compare_digest(token.encode(), expected.encode()):
        return HttpResponse(challenge, content_type="text/plain")
    return HttpResponse("verification failed", status=403, content_type="text/plain")
