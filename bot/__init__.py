"""Orientation bot: guides residents to the nearest human help for their need.

How the code is laid out (each package's `__init__` says what it owns and may import):

    channels/      console, telegram        ← a message comes in here
    runtime/       load state → step → save → effects → replies back to the channel
    conversation/  the pure core: events, state, dialogue by phase, answer texts
    understanding/ normaliser, intents, matcher, gazetteer
    places/        directory model, geo, opening hours, ranking
    data/          reading directory.yaml: YAML with lines, validation, cache
    storage/       SQLite store, pseudonymous keys
    admin/         check, explain, stats, links and QR codes
    __main__.py    the command line (wiring only)
"""

__version__ = "0.1.0"
