-- What the EDGAR poller knows per company: the last periodic filing it processed, the results release
-- (8-K item 2.02) it saw, the validators for conditional requests, and how the last poll went.
ALTER TABLE company
    ADD COLUMN last_poll_at             TIMESTAMP(6) WITH TIME ZONE,
    ADD COLUMN poll_status              VARCHAR(40) NOT NULL DEFAULT 'AWAITING_FIRST_POLL',
    ADD COLUMN poll_detail              VARCHAR(500),
    ADD COLUMN last_filing_accession    VARCHAR(32),
    ADD COLUMN last_filing_form         VARCHAR(16),
    ADD COLUMN last_filing_date         DATE,
    ADD COLUMN results_release_accession VARCHAR(32),
    ADD COLUMN results_release_date     DATE,
    ADD COLUMN submissions_etag         VARCHAR(200),
    ADD COLUMN submissions_last_modified VARCHAR(64),
    ADD COLUMN facts_etag               VARCHAR(200),
    ADD COLUMN facts_last_modified      VARCHAR(64);

-- Only one replica polls EDGAR: whoever holds this lease. It expires, so a dead holder is replaced.
CREATE TABLE poller_lease (
    name       VARCHAR(32) PRIMARY KEY,
    holder     VARCHAR(64) NOT NULL,
    expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
INSERT INTO poller_lease (name, holder, expires_at) VALUES ('edgar', '', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00Z');
