"""Finding the same person twice: E.164 phones, profile and e-mail keys, blocking, scoring.

A layer beside vcard: it may import domain and its own libraries (phonenumberslite for
E.164, rapidfuzz for name similarity), never store, services or Qt. The rule deciding
"same person" is the domain's (``netdesk.domain.matching.likely_same_contact``).
"""
