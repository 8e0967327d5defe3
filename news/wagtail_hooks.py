"""Registers what the news add to the portal: the home page's sections."""

from wagtail import hooks

from . import home

hooks.register("register_portal_home_section", home.news_section)
