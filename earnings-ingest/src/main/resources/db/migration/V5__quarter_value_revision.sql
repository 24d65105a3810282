-- The company revision in which each value last changed (0: before this was recorded), so a publication
-- can say exactly what changed since the revision published before it (e.g. what a 10-Q/A restated).
ALTER TABLE quarter_value ADD COLUMN changed_in_revision BIGINT NOT NULL DEFAULT 0;
