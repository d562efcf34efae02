"""The matrix's records of the team page: one role of a person no matrix client signs in
as, so that changing or revoking it leaves the matrix's own users as they are."""

from __future__ import annotations

from typing import Any

from wir.accounts.actions import grant_role
from wir.accounts.models import User
from wir.core.models import Region


def populate(region: Region, users: dict[str, User], secret: str) -> list[Any]:
    person = User.objects.create_user(
        username=f"team-{region.slug}", email=f"team-{region.slug}@{secret}.example"
    )
    return [grant_role(None, person, region, "clerk")]
