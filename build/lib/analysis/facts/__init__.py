"""Per-week fact tables: each snapshot week reduced once to what the analyses need.

A fact is ``sql/<kind>__<name>.sql``: a query over the view ``<kind>`` that keeps ``week``
as a grouping key (so running it over many weeks equals the union of running it per week).
"""

from analysis.facts.definitions import Fact, facts, materialize

__all__ = ["Fact", "facts", "materialize"]
