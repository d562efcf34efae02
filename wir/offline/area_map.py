"""The base map of a region's maps when no tile server is configured (no external request):
the nearest-centre cells of its municipalities (wir.core.geography), as GeoJSON. Online it
is served at `area_map_url`; every offline bundle carries it under the same address."""

from __future__ import annotations

import json

from wir.core.geography import BoundingBox, Site, municipality_cells
from wir.core.models import Region
from wir.core.queries import municipalities


def area_map_url(region: Region) -> str:
    return f"/offline/{region.slug}/gebiete.json"


def area_map_json(region: Region) -> bytes:
    sites = [
        Site(name, float(latitude), float(longitude))
        for name, latitude, longitude in municipalities(region).values_list(
            "name", "latitude", "longitude"
        )
    ]
    west, south, east, north = (float(value) for value in region.bbox)
    collection = municipality_cells(sites, BoundingBox(west, south, east, north))
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode()
