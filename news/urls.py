from django.urls import path

from . import views
from .feeds import NewsAtomFeed, NewsFeed

app_name = "news"
urlpatterns = [
    path("feeds/news/rss/", NewsFeed(), name="rss"),
    path("feeds/news/atom/", NewsAtomFeed(), name="atom"),
    path("newsletter/subscribe/", views.subscribe, name="subscribe"),
    path("newsletter/subscribe/sent/", views.subscription_requested, name="subscription_requested"),
    path(
        "newsletter/confirm/<str:token>/", views.subscription_confirm, name="subscription_confirm"
    ),
    path("newsletter/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
