"""A light base map from a region's own geography, for maps without a tile server.

Areas carry centre points, not outlines. The honest picture that can be drawn from
points alone: each municipality's nearest-centre cell (a Voronoi cell), clipped to the
region's bounding box. It shows where places are relative to the named municipalities;
it is not a boundary map, and the map says so.

Pure functions on plain numbers: no Django, no ORM.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

Point = tuple[float, float]  # (x, y) in a local plane


@dataclass(frozen=True)
class Site:
    name: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class BoundingBox:
    west: float
    south: float
    east: float
    north: float


def _clip(polygon: list[Point], normal: Point, limit: float) -> list[Point]:
    """Sutherland–Hodgman: the part of a convex polygon where normal · p <= limit."""

    def inside(p: Point) -> bool:
        return normal[0] * p[0] + normal[1] * p[1] <= limit + 1e-12

    def crossing(a: Point, b: Point) -> Point:
        da = normal[0] * a[0] + normal[1] * a[1] - limit
        db = normal[0] * b[0] + normal[1] * b[1] - limit
        t = da / (da - db)
        return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))

    result: list[Point] = []
    for index, current in enumerate(polygon):
        previous = polygon[index - 1]
        if inside(current):
            if not inside(previous):
                result.append(crossing(previous, current))
            result.append(current)
        elif inside(previous):
            result.append(crossing(previous, current))
    return result


def voronoi_cells(sites: Sequence[Point], box: list[Point]) -> list[list[Point]]:
    """For each site, the part of the convex polygon `box` nearer to it than to any other
    site (ties: both cells keep the border). Sites at the same point share one cell."""
    cells = []
    for i, (xi, yi) in enumerate(sites):
        cell = list(box)
        for j, (xj, yj) in enumerate(sites):
            if i == j or (xi, yi) == (xj, yj) or not cell:
                continue
            # |p - si|² <= |p - sj|²  ⇔  (sj - si) · p <= (|sj|² - |si|²) / 2
            normal = (xj - xi, yj - yi)
            limit = (xj * xj + yj * yj - xi * xi - yi * yi) / 2
            cell = _clip(cell, normal, limit)
        cells.append(cell)
    return cells


def polygon_area(polygon: Sequence[Point]) -> float:
    return abs(
        sum(
            polygon[i - 1][0] * polygon[i][1] - polygon[i][0] * polygon[i - 1][1]
            for i in range(len(polygon))
        )
        / 2
    )


def municipality_cells(sites: Sequence[Site], bbox: BoundingBox) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: one polygon per site (its nearest-centre cell inside the
    bounding box) and the site's name and centre for a label.

    Distances are measured in a plane scaled by the cosine of the box's middle latitude, so
    that a degree of longitude counts as what it is on the ground there.
    """
    middle = (bbox.south + bbox.north) / 2
    scale = math.cos(math.radians(middle))

    def project(latitude: float, longitude: float) -> Point:
        return ((longitude - bbox.west) * scale, latitude - bbox.south)

    def unproject(point: Point) -> list[float]:
        return [round(point[0] / scale + bbox.west, 5), round(point[1] + bbox.south, 5)]

    inside = [
        site
        for site in sites
        if bbox.south <= site.latitude <= bbox.north and bbox.west <= site.longitude <= bbox.east
    ]
    box = [
        project(bbox.south, bbox.west),
        project(bbox.south, bbox.east),
        project(bbox.north, bbox.east),
        project(bbox.north, bbox.west),
    ]
    cells = voronoi_cells([project(s.latitude, s.longitude) for s in inside], box)
    features = []
    for site, cell in zip(inside, cells, strict=True):
        if len(cell) < 3:
            continue
        ring = [unproject(point) for point in cell]
        ring.append(ring[0])
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "name": site.name,
                    "label": [round(site.latitude, 5), round(site.longitude, 5)],
                    # relative size of the cell: the map labels large cells first
                    "size": round(polygon_area(cell) / polygon_area(box), 4),
                },
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    return {
        "type": "FeatureCollection",
        "bbox": [bbox.west, bbox.south, bbox.east, bbox.north],
        "features": features,
    }
