"""Pure computation on the ellipsoid, in (latitude, longitude) order with units in names:
geodesics (:mod:`.geodesy`), unit conversions (:mod:`.units`), GSHHS coastlines
(:mod:`.coastline`), searoute's maritime network (:mod:`.network`), corridor routes
(:mod:`.routes`), transit time (:mod:`.transit`), the batch port matrix (:mod:`.matrix`)
and strait widths (:mod:`.straits`). Libraries that take (lon, lat) — pyproj, searoute,
shapely — are wrapped here and nowhere else.
"""
