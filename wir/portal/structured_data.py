"""schema.org JSON-LD for offers and places, so that search engines and apps read them."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from wir.portal.models import Offer, Place
from wir.portal.opening import week

DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Like Django's json_script: nothing in the data can close the script element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _script(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def _place_data(place: Place) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Place",
        "name": place.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": place.street,
            "postalCode": place.postcode,
            "addressLocality": place.town,
            "addressCountry": "DE",
        },
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        },
    }
    hours = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{DAY_NAMES[day]}",
            "opens": opens.strftime("%H:%M"),
            "closes": closes.strftime("%H:%M"),
        }
        for day, slots in enumerate(week(place.schedule()))
        for opens, closes in slots
    ]
    if hours and not place.temporarily_closed and not place.appointment_only:
        data["openingHoursSpecification"] = hours
    return data


def place_json_ld(place: Place, request: HttpRequest) -> SafeString:
    return _script({"@context": "https://schema.org", **_place_data(place)})


def offer_json_ld(offer: Offer, request: HttpRequest) -> SafeString:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": offer.title,
        "description": offer.summary or strip_tags(offer.description)[:300],
        "inLanguage": offer.locale.language_code,
        "provider": {"@type": "Organization", "name": offer.provider},
        "areaServed": {"@type": "City", "name": offer.area.name},
        "isAccessibleForFree": offer.cost == "free",
        "availableLanguage": [language.code for language in offer.languages.all()],
        "url": request.build_absolute_uri(),
    }
    if offer.place is not None:
        data["availableChannel"] = {
            "@type": "ServiceChannel",
            "serviceLocation": _place_data(offer.place),
        }
    if offer.contact_phone or offer.contact_email:
        data["provider"]["contactPoint"] = {
            "@type": "ContactPoint",
            "contactType": offer.contact_role,
            "telephone": offer.contact_phone,
            "email": offer.contact_email,
        }
    return _script(data)
