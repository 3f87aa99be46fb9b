"""Deprecated path (version 0.1): see the modules named below."""

from ._moved import moved

moved(__name__, "geoclaims.geo.routes", "geoclaims.geo.transit", "geoclaims.geo.matrix", "geoclaims.world.routing",
      "geoclaims.datasets")
