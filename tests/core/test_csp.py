"""Every answer carries a Content-Security-Policy: the public one, or the admin's."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_admin_has_its_own_policy(region: object) -> None:
    for path in ("/admin/", "/admin/login/", "/admin/pages/"):
        policy = Client().get(path)["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "object-src 'none'" in policy
        assert "connect-src 'self';" in policy
        assert "frame-ancestors 'self'" in policy
    public = Client().get("/testkreis/de/")["Content-Security-Policy"]
    assert "script-src 'self';" in public
    assert "unsafe-inline" not in public
