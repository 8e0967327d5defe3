from django.urls import path

from .feeds import NewsAtomFeed, NewsFeed

app_name = "news"
urlpatterns = [
    path("rss/", NewsFeed(), name="rss"),
    path("atom/", NewsAtomFeed(), name="atom"),
]
