"""Two demo programme cycles and the protocols of their team meetings (see ``portal.demo``)."""
