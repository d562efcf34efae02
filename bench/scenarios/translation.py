"""Translations saved in the translation editor: a signed-in coordinator changes the title
of a complete translation and saves, which publishes the translated page.

Several writers save the same few pages at once, so later saves overwrite earlier texts:
the acknowledged write to check is therefore the revision each save published (a
revision is never overwritten), found by the token in its title.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from scenarios import Data, Request, Scenario, flash_levels, letters

REGION = "wetterau"
LANGUAGE = "en"
PAGES = 6
CSRF = "benchcsrftokenbenchcsrftoken0123"
TITLE = "t-title:0"


class EditorFields(HTMLParser):
    """The editor form's text fields and their pre-filled values (the earlier translation)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: dict[str, str] = {}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        name = named.get("name") or ""
        if not name.startswith("t-"):
            return
        if tag == "textarea":
            self._open = name
            self.fields[name] = ""
        elif tag == "input":
            self.fields[name] = named.get("value") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.fields[self._open] += data


def prepare() -> Data:
    from django.conf import settings
    from django.test import Client
    from django.utils import timezone
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from wagtail.models import Locale, Page

    from wir.accounts.actions import grant_role
    from wir.accounts.models import User
    from wir.core.models import Region

    region = Region.objects.get(slug=REGION)
    user = User.objects.create_user(username=f"lue-{timezone.now():%H%M%S%f}", password=None)
    grant_role(None, user, region, "coordination")
    device = TOTPDevice.objects.create(user=user, name="Lastprobe", confirmed=True)
    # A host the installation accepts (the bench's settings do not list the test client's).
    host = next((h for h in settings.ALLOWED_HOSTS if h not in {"", "*"} and h[0] != "."), None)
    client = Client(HTTP_HOST=host or "testserver")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    german, target = (
        Locale.objects.get(language_code="de"),
        Locale.objects.get(language_code=LANGUAGE),
    )
    root = region.root_page
    assert root is not None
    translated = Page.objects.filter(locale=target).values_list("translation_key", flat=True)
    pages: list[dict[str, Any]] = []
    candidates = (
        Page.objects.descendant_of(root)
        .filter(locale=german, live=True, translation_key__in=translated, depth__gt=root.depth)
        .order_by("path")
    )
    for page in candidates[:40]:
        url = f"/admin/uebersetzung/bearbeiten/{REGION}/page/{page.pk}/{LANGUAGE}/"
        answer = client.get(url)
        if answer.status_code != 200:
            continue
        parser = EditorFields()
        parser.feed(answer.content.decode())
        # Only complete translations: a save publishes them (a new revision to look for).
        if TITLE in parser.fields and all(value.strip() for value in parser.fields.values()):
            pages.append({"url": url, "fields": parser.fields})
        if len(pages) == PAGES:
            break
    assert pages, "no completely translated page in the bench database"
    return {
        "pages": pages,
        "session": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "cookie": settings.SESSION_COOKIE_NAME,
    }


def _title(token: str) -> str:
    return f"Lastprobe {letters(token)[:16]}"


def save(data: Data, token: str) -> Request:
    page = data["pages"][int(token[:8], 16) % len(data["pages"])]
    form = {**page["fields"], TITLE: _title(token), "csrfmiddlewaretoken": CSRF}
    return Request(
        "POST",
        page["url"],
        form,
        cookies={data["cookie"]: data["session"], "csrftoken": CSRF},
    )


SCENARIOS = [
    Scenario(
        "translation_saved",
        1,
        save,
        write=True,
        prepare=prepare,
        acknowledged=lambda status, headers, body: status == 302 and 25 in flash_levels(headers),
        expect=lambda data, token: ("wagtailcore.Revision", {"content__title": _title(token)}),
    ),
]
