"""The base map without tiles: nearest-centre cells of the municipalities in the bbox."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from wir.core.geography import (
    BoundingBox,
    Site,
    municipality_cells,
    polygon_area,
    voronoi_cells,
)

BOX = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
coordinate = st.floats(min_value=0.01, max_value=0.99, allow_nan=False)
sites = st.lists(st.tuples(coordinate, coordinate), min_size=1, max_size=25, unique=True)


def contains(polygon: list[tuple[float, float]], point: tuple[float, float]) -> bool:
    """Inside or on the border of a convex, counter-clockwise polygon."""
    x, y = point
    return all(
        (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]) >= -1e-9
        for a, b in zip(polygon, polygon[1:] + polygon[:1], strict=True)
    )


@settings(max_examples=60, deadline=None)
@given(sites, st.tuples(coordinate, coordinate))
def test_cells_tile_the_box_and_each_point_lies_in_its_nearest_sites_cell(points, probe) -> None:
    if any(math.dist(a, b) < 1e-6 for i, a in enumerate(points) for b in points[i + 1 :]):
        return  # nearly equal centres: cells degenerate, nothing to learn
    cells = voronoi_cells(points, BOX)
    assert math.isclose(sum(polygon_area(c) for c in cells), 1.0, rel_tol=1e-6)
    for site, cell in zip(points, cells, strict=True):
        assert contains(cell, site)
    nearest = min(range(len(points)), key=lambda i: math.dist(points[i], probe))
    assert contains(cells[nearest], probe)


def test_geojson_of_municipalities_in_a_region() -> None:
    box = BoundingBox(west=8.6, south=50.1, east=9.3, north=50.6)
    towns = [
        Site("Friedberg", 50.3372, 8.7553),
        Site("Nidda", 50.4128, 9.0097),
        Site("Büdingen", 50.2903, 9.1122),
        Site("Anderswo", 52.5, 13.4),  # outside the region: left out
    ]
    collection = municipality_cells(towns, box)
    assert collection["type"] == "FeatureCollection"
    assert [f["properties"]["name"] for f in collection["features"]] == [
        "Friedberg",
        "Nidda",
        "Büdingen",
    ]
    for feature in collection["features"]:
        ring = feature["geometry"]["coordinates"][0]
        assert ring[0] == ring[-1]
        for lon, lat in ring:
            assert 8.6 <= lon <= 9.3
            assert 50.1 <= lat <= 50.6
    friedberg = collection["features"][0]
    assert friedberg["properties"]["label"] == [50.3372, 8.7553]
