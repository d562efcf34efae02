"""An OpenAPI 3.1 document of our /api/v3/ (the Integreat CMS API v3 as the app reads it).

The answer schemas follow the JSON types of the current Integreat app (digitalfabrik/
integreat-app release 2026.8.1, `shared/src/api/types.ts`, and the URLs of its endpoints
in `shared/src/api/endpoints/`): the fields the app reads are required, `| null` in the
types is nullable, `?:` is optional. Objects allow further fields, as the app ignores them
(we keep some for older apps: `id` of a region, `bcp47_tag` of a language). Where the
Integreat CMS answers differently from the app's types and the app does not read the field,
we follow the CMS (marked DEVIATION, as in tests/api/integreat/client_types.py).

`document()` is plain data; tests/api/integreat/test_fuzz.py and bench/bench_fuzz.py fuzz the
endpoints against it.
"""

from __future__ import annotations

from typing import Any

PREFIX = "/api/v3"


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(required: dict[str, Any], optional: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {**required, **(optional or {})},
        "required": list(required),
    }


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def pair(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "prefixItems": [items, items], "minItems": 2, "maxItems": 2}


STRING = {"type": "string"}
NUMBER = {"type": "number"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
DATE_TIME = {"type": "string", "format": "date-time"}  # luxon's DateTime.fromISO
FLAG = {"enum": ["1", "0", "true", "false", "True", "False"]}  # also in any other case
HH_MM = {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}

# DEVIATION: `id: number` in the app's types; null for a language in which an event or
# location is shown in its original (as the CMS answers); the app reads only `path`.
AVAILABLE_LANGUAGES = {
    "type": "object",
    "additionalProperties": obj({"id": nullable(INTEGER), "url": STRING, "path": STRING}),
}
LOCATION_FIELDS = {
    "id": INTEGER,
    "name": STRING,
    "address": STRING,
    "town": STRING,
    "postcode": STRING,
    "country": STRING,
    "latitude": NUMBER,
    "longitude": NUMBER,
}
PARENT = obj({"id": INTEGER, "url": nullable(STRING), "path": nullable(STRING)})
CATEGORY_FIELDS = {
    "id": INTEGER,
    "url": STRING,
    "path": STRING,
    "title": STRING,
    "last_updated": DATE_TIME,
    "excerpt": STRING,
    "content": STRING,
    "available_languages": ref("AvailableLanguages"),
    "thumbnail": nullable(STRING),
    "parent": PARENT,
    "order": NUMBER,
    "organization": ref("Organization"),
    "embedded_offers": array(ref("Offer")),
}
IMAGE = obj({"url": STRING, "width": NUMBER, "height": NUMBER})
IMAGE_ONE = {"type": "array", "prefixItems": [IMAGE], "minItems": 1, "maxItems": 1}
ERROR = obj({"detail": STRING}, {"parameter": STRING, "languages": array(STRING)})

SCHEMAS: dict[str, Any] = {
    "AvailableLanguages": AVAILABLE_LANGUAGES,
    "Organization": nullable(obj({"name": STRING, "website": STRING, "logo": STRING})),
    "Offer": obj(
        {"alias": STRING, "name": STRING, "url": STRING, "thumbnail": STRING},
        {"post": nullable(obj({}, {"zammad-url": nullable(STRING)}))},
    ),
    "Language": obj({"code": STRING, "native_name": STRING}),
    "Region": obj(
        {
            "name": STRING,
            "path": STRING,
            "live": BOOLEAN,
            "languages": array(ref("Language")),
            "events": BOOLEAN,
            "pois": BOOLEAN,
            "push_notifications": BOOLEAN,
            "external_news": BOOLEAN,
            "name_without_prefix": STRING,
            "prefix": nullable(STRING),
            "latitude": NUMBER,
            "longitude": NUMBER,
            "aliases": nullable(
                {
                    "type": "object",
                    "additionalProperties": obj({"longitude": NUMBER, "latitude": NUMBER}),
                }
            ),
            "bounding_box": pair(pair(NUMBER)),
            "is_chat_enabled": BOOLEAN,
            "zammad_privacy_policy": nullable(STRING),
        }
    ),
    "Category": obj(CATEGORY_FIELDS),
    # JsonImprintType = JsonCategoryType. DEVIATION: the CMS answers `parent: null` for the
    # imprint and `id: null` for one shown in another language; the app's imprint mapper
    # reads only path, title, content and last_updated.
    "Imprint": obj({**CATEGORY_FIELDS, "id": nullable(INTEGER), "parent": nullable(PARENT)}),
    "TimeSlot": obj({"end": HH_MM, "start": HH_MM, "timezone": STRING}),
    "OpeningHours": obj(
        {
            "allDay": BOOLEAN,
            "closed": BOOLEAN,
            "timeSlots": array(ref("TimeSlot")),
            "appointmentOnly": BOOLEAN,
        }
    ),
    "Location": obj(LOCATION_FIELDS),
    "Contact": obj(
        {
            field: nullable(STRING)
            for field in (
                "name",
                "area_of_responsibility",
                "email",
                "phone_number",
                "website",
                "mobile_number",
            )
        },
        {"opening_hours": nullable(array(ref("OpeningHours")))},
    ),
    "Place": obj(
        {
            "id": INTEGER,
            "url": STRING,
            "path": STRING,
            "title": STRING,
            "last_updated": DATE_TIME,
            "excerpt": STRING,
            "meta_description": nullable(STRING),
            "content": STRING,
            "available_languages": ref("AvailableLanguages"),
            "thumbnail": nullable(STRING),
            "location": ref("Location"),
            "temporarily_closed": BOOLEAN,
            "opening_hours": nullable(array(ref("OpeningHours"))),
            "appointment_url": nullable(STRING),
            "category": obj(
                {"id": INTEGER, "name": STRING, "color": STRING, "icon": STRING, "icon_url": STRING}
            ),
            "contacts": array(ref("Contact")),
            "organization": ref("Organization"),
            "barrier_free": nullable(BOOLEAN),
        }
    ),
    "FeaturedImage": obj(
        {
            "description": STRING,
            "mimetype": STRING,
            **dict.fromkeys(("thumbnail", "medium", "large", "full"), IMAGE_ONE),
        }
    ),
    # DEVIATION: without `combine_recurring` (older apps) a recurring event is listed once
    # per date, with `id: null` there and in `event`, as the CMS answers; the current app
    # asks with `combine_recurring=True` and gets the ids.
    "Event": obj(
        {
            "id": nullable(INTEGER),
            "url": STRING,
            "path": STRING,
            "title": STRING,
            "last_updated": DATE_TIME,
            "excerpt": STRING,
            "content": STRING,
            "available_languages": ref("AvailableLanguages"),
            "thumbnail": nullable(STRING),
            "event": obj(
                {
                    "id": nullable(INTEGER),
                    "start": DATE_TIME,
                    "end": DATE_TIME,
                    "all_day": BOOLEAN,
                    "only_weekdays": BOOLEAN,
                }
            ),
            # JsonLocationType<number | null>: the app builds a location only when `id` is
            # not null, so an event without a place has just `id: null`.
            "location": {"anyOf": [ref("Location"), obj({"id": {"type": "null"}})]},
            "location_path": nullable(STRING),
            "meeting_url": nullable(STRING),
        },
        {
            "featured_image": nullable(ref("FeaturedImage")),
            "recurrence_rule": nullable(STRING),
        },
    ),
    "News": obj(
        {
            "id": STRING,
            "title": STRING,
            "content": STRING,
            "display_date": DATE_TIME,
            "source": {"enum": ["local", "tunews", "amalnews"]},
            "externalUrl": STRING,
            "available_languages": nullable(
                {"type": "object", "additionalProperties": obj({"id": STRING})}
            ),
        }
    ),
    # Not in the current app's types: the older push-notification shape of fcm/.
    "PushNews": obj(
        {
            "id": INTEGER,
            "title": STRING,
            "message": STRING,
            "timestamp": STRING,
            "last_updated": DATE_TIME,
            "display_date": DATE_TIME,
            "channel": STRING,
            "available_languages": {
                "type": "object",
                "additionalProperties": obj({"id": INTEGER}),
            },
        }
    ),
    "Error": ERROR,
    "FeedbackForm": {
        "type": "object",
        "properties": {
            "rating": {"enum": ["up", "down", ""]},
            "comment": STRING,
            "query": STRING,
            "slug": STRING,
        },
    },
    "FeedbackCreated": obj({"success": STRING}),
}


def json_answer(schema: dict[str, Any], what: str) -> dict[str, Any]:
    return {"description": what, "content": {"application/json": {"schema": schema}}}


ERRORS = {
    "400": json_answer(ref("Error"), "a malformed parameter, named in `parameter`"),
    "404": json_answer(ref("Error"), "unknown region, language or item"),
}
REGION = {"name": "region", "in": "path", "required": True, "schema": STRING}
LANGUAGE = {"name": "language", "in": "path", "required": True, "schema": STRING}


def query(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "schema": schema}


# The app's feedback routes; page, poi and event need the `slug` of their item.
FEEDBACK_TYPES = {
    "enum": [
        *("page", "poi", "event"),
        *("categories", "region", "search", "events", "map", "imprint-page"),
    ]
}
URL_OR_ID = [query("url", STRING), query("id", INTEGER)]
# (operation id, path below /api/v3/, parameters beyond region/language, answer schema)
READS: list[tuple[str, str, list[dict[str, Any]], dict[str, Any]]] = [
    ("regions", "/regions/", [], array(ref("Region"))),
    ("region", "/regions/{region}/", [REGION], ref("Region")),
    ("region_languages", "/{region}/languages/", [REGION], array(ref("Language"))),
    ("region_offers", "/{region}/offers/", [REGION], array(ref("Offer"))),
    ("languages", "/{region}/{language}/languages/", [], array(ref("Language"))),
    ("pages", "/{region}/{language}/pages/", [], array(ref("Category"))),
    (
        "children",
        "/{region}/{language}/children/",
        [*URL_OR_ID, query("depth", INTEGER)],
        array(ref("Category")),
    ),
    ("page", "/{region}/{language}/page/", URL_OR_ID, ref("Category")),
    ("post", "/{region}/{language}/post/", URL_OR_ID, ref("Category")),
    ("parents", "/{region}/{language}/parents/", URL_OR_ID, array(ref("Category"))),
    (
        "events",
        "/{region}/{language}/events/",
        [query("combine_recurring", FLAG)],
        array(ref("Event")),
    ),
    ("locations", "/{region}/{language}/locations/", [query("on_map", FLAG)], array(ref("Place"))),
    ("imprint", "/{region}/{language}/imprint/", [], ref("Imprint")),
    ("disclaimer", "/{region}/{language}/disclaimer/", [], ref("Imprint")),
    ("offers", "/{region}/{language}/offers/", [], array(ref("Offer"))),
    ("extras", "/{region}/{language}/extras/", [], array(ref("Offer"))),
    (
        "news",
        "/{region}/{language}/news",
        [query("page", INTEGER), query("count", INTEGER), query("size", INTEGER)],
        array(ref("News")),
    ),
    (
        "news_item",
        "/{region}/{language}/news/{news_id}",
        [{"name": "news_id", "in": "path", "required": True, "schema": STRING}],
        ref("News"),
    ),
    (
        "push_news",
        "/{region}/{language}/fcm/",
        [query("channel", STRING), query("id", INTEGER)],
        array(ref("PushNews")),
    ),
]
# Which answer field fills which parameter of another operation (OpenAPI links; `0`
# stands for any item). Region and language are passed on.
LINKS = {
    "regions": {"region": {"region": "$response.body#/0/path"}},
    "pages": {
        target: {"url": "$response.body#/0/path"} for target in ("page", "parents", "children")
    }
    | {"post": {"id": "$response.body#/0/id"}},
    "news": {"news_item": {"news_id": "$response.body#/0/id"}},
    "push_news": {"news_item": {"news_id": "$response.body#/0/id"}},
}


def operation(
    name: str, template: str, parameters: list[dict[str, Any]], answer: dict[str, Any]
) -> dict[str, Any]:
    scoped = "{language}" in template
    ok = json_answer(answer, "the answer the app maps")
    if name in LINKS:
        ok["links"] = {
            target: {
                "operationId": target,
                "parameters": {
                    **({"region": "$request.path.region"} if "{region}" in template else {}),
                    **({"language": "$request.path.language"} if scoped else {}),
                    **values,
                },
            }
            for target, values in LINKS[name].items()
        }
    return {
        "operationId": name,
        "parameters": ([REGION, LANGUAGE] if scoped else []) + parameters,
        "responses": {"200": ok, **ERRORS},
    }


def document() -> dict[str, Any]:
    paths: dict[str, Any] = {
        PREFIX + template: {"get": operation(name, template, parameters, answer)}
        for name, template, parameters, answer in READS
    }
    paths[PREFIX + "/{region}/{language}/feedback/{type}/"] = {
        "post": {
            "operationId": "feedback",
            "parameters": [
                REGION,
                LANGUAGE,
                {"name": "type", "in": "path", "required": True, "schema": FEEDBACK_TYPES},
            ],
            "requestBody": {
                "content": {
                    "multipart/form-data": {"schema": ref("FeedbackForm")},
                    "application/json": {"schema": ref("FeedbackForm")},
                }
            },
            "responses": {
                "201": json_answer(ref("FeedbackCreated"), "stored"),
                **ERRORS,
                "429": json_answer(ref("Error"), "too much feedback from one address"),
            },
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "WIR-Plattform – Integreat-kompatible API v3",
            "version": "3",
            "description": "What the Integreat app reads (release 2026.8.1), see "
            "docs/integreat-api.md.",
        },
        "paths": paths,
        "components": {"schemas": SCHEMAS},
    }
