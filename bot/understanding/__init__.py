"""Understanding what residents type: words normalised, intents, the matcher, places named.

Owns the normaliser (accents, SMS spellings, elisions), the intents files and their
validation, the matcher that tells which need a message is about, the gazetteer that finds a
quartier, commune or postcode in a message, the rules that recognise danger (the `danger`
package: one module of patterns per category, assembled and tried by alphabet in rules.py), and
the evaluation of the matcher and of those rules. It may import
`places` (need ids, the directory's names) and `data.yamlfile` (line-aware YAML) only.
"""
