"""Temporal expressions, normalised to TIMEX3 values against the report's own date.

Values follow TIMEX3: ``2021-10-06`` (day), ``2021-W40`` (week), ``2021-10`` (month), ``2020``
(year), ``2021-Q3``, ``2021-SU``, ``199`` (a decade), ``2021-10-06T14:30`` (a time), ``P3Y`` (a
duration), ``P1W`` (a set), ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``. A relative
expression in a report with no date stays unresolved (value None): unknown is a value, never
today's date.

Every rule of ``grammar`` is matched over the whole text; where matches overlap the longest
wins ("the past five years" over "five years"). A line that holds nothing but a full date is
the report's dateline, its creation time: it is not an expression of the report's text. Some
values depend on the text's other expressions ("the same day", "a year earlier", "the
following year", "April 24 and 25"): ``discourse`` and ``pairs`` settle them (``finder``).
"""

from tidings.timex.finder import find_timexes
from tidings.timex.lexicon import TimexLexicon, load_timex_lexicon

__all__ = ["TimexLexicon", "find_timexes", "load_timex_lexicon"]
