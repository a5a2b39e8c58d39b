"""The satisfaction survey's screens: the one facing the taxpayer at a counter (the fourth
role, ``kiosk survey``) and the nine questions, which the lobby's rating uses too."""
