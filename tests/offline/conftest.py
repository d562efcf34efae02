from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.offline.fixtures import build_site
from wir.offline import reuse
from wir.offline.builds import beat


@pytest.fixture(autouse=True)
def _offline_dir(settings: Any, tmp_path: Path) -> Iterator[None]:
    settings.WIR_OFFLINE_DIR = tmp_path / "offline"
    # A worker (run_offline_builds) is alive: requests leave building to it, and the
    # tests build by calling it (tests/offline/test_builds.py tests the case of none).
    beat()
    yield
    reuse.forget()  # what the builds of this test read


@pytest.fixture
def site(towns, directory, make_place, make_offer) -> dict[str, Any]:
    return build_site(towns, directory, make_place, make_offer)
