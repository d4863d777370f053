"""Services layer: the map's point layer (the public delivery points of a set of services) as GeoJSON."""

from __future__ import annotations


def service_points_geojson(services) -> dict:
    """The map's point layer: one feature per public delivery point, with short property names.

    ``id`` is the service id, ``t`` its main service area, ``l`` the label. Labels are plain
    text: ``assets/map.js`` sets them as text nodes, never as HTML.
    """
    features = []
    for s in services:
        term = s.term_ids[0] if s.term_ids else ""
        for p in s.points:
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [round(p.longitude, 5), round(p.latitude, 5)]},
                    "properties": {"id": s.id, "t": term, "l": f"{s.name} — {p.name}"},
                }
            )
    return {"type": "FeatureCollection", "features": features}
