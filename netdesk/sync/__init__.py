"""CardDAV: the HTTP/XML client and the field-level merge (no store, no Qt)."""
