-- A 10-Q/10-K listed in submissions whose figures companyfacts does not carry yet (EDGAR updates the two
-- separately): which filing is awaited and since when, so the poller keeps fetching companyfacts until the
-- filing's facts arrive and warns when that takes too long. poll_status (VARCHAR, no constraint) gets the
-- new value AWAITING_XBRL.
ALTER TABLE company
    ADD COLUMN awaiting_xbrl_accession VARCHAR(32),
    ADD COLUMN awaiting_xbrl_since     TIMESTAMP(6) WITH TIME ZONE;
