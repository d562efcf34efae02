"""Images need an alternative text: in the admin form, the database and on the page."""

import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import Client
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Page

from tests.conftest import verified_client
from wir.accounts.models import User
from wir.portal.actions import publish
from wir.portal.models import ContentPage

pytestmark = pytest.mark.django_db


def png_bytes() -> bytes:
    buffer = BytesIO()
    PillowImage.new("RGB", (40, 30), (0, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def upload(description: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("eingang.png", png_bytes(), content_type="image/png")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def admin_client(db) -> Client:
    user = User.objects.create_superuser("bildredaktion", password="korrekt-Pferd-Batterie-42")
    return verified_client(user)


def test_the_configured_image_model_is_ours() -> None:
    assert get_image_model()._meta.label == "media.AccessibleImage"


def test_upload_without_alt_text_is_refused_in_german(admin_client: Client) -> None:
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Eingang", "file": upload(""), "description": "   "},
    )
    assert response.status_code == 200  # the form again, with the error
    assert "Bitte einen Alternativtext eingeben" in response.text
    assert not get_image_model().objects.exists()


def test_upload_with_alt_text_is_stored(admin_client: Client) -> None:
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Eingang",
            "file": upload("x"),
            "description": "Eingang des Rathauses mit Rampe",
        },
    )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert image.default_alt_text == "Eingang des Rathauses mit Rampe"


def test_the_database_refuses_an_image_without_alt_text() -> None:
    model = get_image_model()
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(title="Ohne", file=upload(""), description="")


@pytest.mark.parametrize("stored_alt", ["Rampe am Eingang", ""])
def test_images_in_rich_text_render_with_alt_text(region, stored_alt: str) -> None:
    image = get_image_model().objects.create(
        title="Eingang", file=upload(""), description="Eingang des Rathauses mit Rampe"
    )
    home = Page.objects.get(url_path="/testkreis/de/")
    page = ContentPage(
        title="Barrierefreiheit",
        slug="barrierefreiheit",
        body=(
            f'<p>So kommen Sie hinein:</p><embed embedtype="image" id="{image.pk}" '
            f'format="fullwidth" alt="{stored_alt}"/>'
        ),
    )
    home.add_child(instance=page)
    publish(page)
    response = Client().get("/testkreis/de/barrierefreiheit/")
    assert response.status_code == 200
    expected = stored_alt or "Eingang des Rathauses mit Rampe"  # empty: the image's own text
    img = re.search(r'<img [^>]*class="richtext-image full-width"[^>]*>', response.text)
    assert img is not None
    assert f'alt="{expected}"' in img.group(0)
    assert "<embed" not in response.text
    assert '<img alt=""' not in response.text
