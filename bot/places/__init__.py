"""Places and time: the directory in memory, distances, opening hours, what to propose.

Owns the need ids, the directory model (quartiers, communes, places, mobile tours) with its grid
index, distances and map links, opening hours in the territory's wall time (public holidays,
closures, DST), and the ranking of options near a position. Pure code with no I/O; it imports
nothing else of the bot, and everything else may import it.
"""
