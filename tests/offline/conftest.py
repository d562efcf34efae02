from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.offline.fixtures import build_site


@pytest.fixture(autouse=True)
def _offline_dir(settings: Any, tmp_path: Path) -> None:
    settings.WIR_OFFLINE_DIR = tmp_path / "offline"


@pytest.fixture
def site(towns, directory, make_place, make_offer) -> dict[str, Any]:
    return build_site(towns, directory, make_place, make_offer)
