"""The conversation core: a pure function from (state, event, time, knowledge) to replies.

Owns the events channels hand in (`Incoming`) and the replies they render (`Reply`), the
resident's small JSON state, the dialogue split by phase (entry, need, place, answer,
follow-ups), the texts of answers and the deep-link format. No I/O, no clock read, no channel:
it may import `places` and `understanding` only. The runtime and the channels import it.
"""
