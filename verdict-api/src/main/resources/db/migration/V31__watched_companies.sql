-- The watched companies as earnings-ingest announces them on capexwatch.filing-status (after each poll, at
-- start and when one is added), so the board has a tile for each before its first filing.
CREATE TABLE watched_company (
    cik                   BIGINT PRIMARY KEY,
    ticker                VARCHAR(16)  NOT NULL,
    status                VARCHAR(64)  NOT NULL,
    detail                TEXT,
    last_filing_accession VARCHAR(32),
    last_filing_form      VARCHAR(16),
    last_filing_date      DATE,
    polled_at             TIMESTAMP(6) WITH TIME ZONE,
    updated_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
