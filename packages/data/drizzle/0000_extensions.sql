-- Trigram matching for fuzzy name search (misspellings, transliterations). Available in PGlite
-- (passed as an extension at open) and in PostgreSQL's contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
