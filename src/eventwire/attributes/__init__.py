"""The attributes stage: an event's date, place and casualty counts, read from its clause.

The event coder calls these with the trigger token of each event it finds:
`event_date(trigger, publication)`, `Gazetteer.load().locate(trigger)` and
`count_casualties(trigger)`. Each reads the trigger's own clause (see `clause`), so that in
a sentence with several events each gets its own date, place and counts.
"""

from __future__ import annotations

from eventwire.attributes.casualties import Casualties, count_casualties
from eventwire.attributes.dates import event_date
from eventwire.attributes.places import Gazetteer

__all__ = ["Casualties", "Gazetteer", "count_casualties", "event_date"]
