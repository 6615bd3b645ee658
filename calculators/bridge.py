"""The browser's one entry point: JSON text in, JSON text out.

The Web Worker calls `load_protocol` once with the site's protocol.json, keeps the
result, and then calls `handle` for every request:

    request:  {"type": "risk", "payload": {...}}
    response: {"ok": true, "result": {...}}
           or {"ok": false, "errors": [{"field": "...", "message": "..."}]}

Every failure (bad JSON, an unknown type, bad input, an unexpected exception)
comes back as data a page can show, never as a traceback. This module only
converts; the calculators do the work, and the command line calls the same
functions.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from calculators import __version__
from calculators.errors import InputError
from calculators.json_text import load_json
from calculators.limits import MAX_REQUEST_BYTES
from calculators.protocol import Protocol, protocol_from_mapping
from calculators.registry import request_answers

Handler = Callable[[Protocol, dict[str, Any]], dict[str, Any]]

UNEXPECTED = (
    "The calculator met a problem it did not expect ({kind}). Nothing was sent anywhere. "
    "Please try again, and tell the handbook's owner if it happens again."
)


# Handlers -------------------------------------------------------------------


def handle_ping(protocol: Protocol, payload: dict[str, Any]) -> dict[str, Any]:
    """Answer a readiness check with the versions in use and the request types known."""
    return {
        "calculators_version": __version__,
        "protocol_version": protocol.metadata.version,
        "types": sorted(HANDLERS),
    }


# Each request type names the function that answers it, as "module:function"
# (calculators.registry). A module is imported on its first request, so the calculator
# is ready sooner.
HANDLERS: Mapping[str, Handler | str] = MappingProxyType({"ping": handle_ping, **request_answers()})


def handler(request_type: str, handlers: Mapping[str, Handler | str] = HANDLERS) -> Handler:
    """The function that answers a request type, importing its module on first use."""
    found = handlers[request_type]
    if isinstance(found, str):
        module, _, name = found.partition(":")
        found = getattr(importlib.import_module(module), name)
    return found


def warm_up_modules(handlers: Mapping[str, Handler | str] = HANDLERS) -> tuple[str, ...]:
    """The modules that answer the request types, each once, in the table's order.

    The worker imports them one at a time once it is ready and idle (`warm_up`), so
    that a page's first question of a kind does not wait for its module's import.
    """
    names = (found.partition(":")[0] for found in handlers.values() if isinstance(found, str))
    return tuple(dict.fromkeys(names))


def warm_up(module: str, handlers: Mapping[str, Handler | str] = HANDLERS) -> None:
    """Import one of the modules `warm_up_modules` names (no other module is imported)."""
    if module not in warm_up_modules(handlers):
        raise ValueError(f"{module!r} answers no request type")
    importlib.import_module(module)


# Entry points ---------------------------------------------------------------


def load_protocol(json_text: str) -> Protocol:
    """Parse and validate the protocol JSON the site serves; raise ProtocolError if unusable."""
    return protocol_from_mapping(json.loads(json_text))


def handle(
    protocol: Protocol, request_json: str, handlers: Mapping[str, Handler | str] = HANDLERS
) -> str:
    """Answer one JSON request with a JSON response; never raise."""
    try:
        request_type, payload = _read_request(request_json, handlers)
        result = handler(request_type, handlers)(protocol, payload)
        return _dumps({"ok": True, "result": result})
    except InputError as error:
        return _dumps({"ok": False, "errors": error.as_data()})
    except Exception as error:  # the page shows a message, never a traceback
        message = UNEXPECTED.format(kind=type(error).__name__)
        return _dumps({"ok": False, "errors": [{"field": "", "message": message}]})


# Helpers --------------------------------------------------------------------


def _read_request(
    request_json: str, handlers: Mapping[str, Handler | str]
) -> tuple[str, dict[str, Any]]:
    """Check the request's envelope and return its type and payload, or raise InputError."""
    if not isinstance(request_json, str):
        raise InputError.one("request", "The request must be JSON text.")
    too_large = len(request_json) > MAX_REQUEST_BYTES  # a character is at least one byte
    if too_large or len(request_json.encode("utf-8", "surrogatepass")) > MAX_REQUEST_BYTES:
        raise InputError.one(
            "request", f"The request is too large: at most {MAX_REQUEST_BYTES:,} bytes."
        )
    request = load_json(request_json, "request", "The request")
    if not isinstance(request, dict):
        raise InputError.one("request", "The request must be a JSON object.")
    request_type = request.get("type")
    if not isinstance(request_type, str) or request_type not in handlers:
        known = ", ".join(sorted(handlers))
        shown = repr(request_type)[:60]
        raise InputError.one("type", f"Unknown request type {shown}; known: {known}.")
    payload = request.get("payload", {})
    if not isinstance(payload, dict):
        raise InputError.one("payload", "The payload must be a JSON object.")
    return request_type, payload


def _dumps(response: dict[str, Any]) -> str:
    return json.dumps(response, ensure_ascii=False, allow_nan=False)
