"""Reading the files admins edit into the directory: YAML with lines, validation, cache.

Owns the line-aware YAML reader (every problem names its file and line), the validation and
building of `directory.yaml` into a `places.model.Directory`, and the compiled cache that makes
a national directory start in well under a second. It may import `places` and `errors`.
"""
