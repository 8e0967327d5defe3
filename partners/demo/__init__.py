"""The demo partnership: its institutions and the public partnership page (see ``portal.demo``)."""
