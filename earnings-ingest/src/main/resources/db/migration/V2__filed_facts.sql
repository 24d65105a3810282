-- Every fact as filed, never updated or deleted: the current quarters are derived from all of them, and
-- "as known on date D" from those filed on or before D.
-- Ids from a sequence that hands out blocks of 50, so inserts can be batched.
CREATE SEQUENCE filed_fact_seq INCREMENT BY 50;

CREATE TABLE filed_fact (
    id           BIGINT PRIMARY KEY,
    cik          BIGINT        NOT NULL REFERENCES company (cik),
    concept      VARCHAR(255)  NOT NULL,
    unit         VARCHAR(32)   NOT NULL,
    period_start DATE,
    period_end   DATE          NOT NULL,
    value        NUMERIC(28, 4) NOT NULL,
    accession    VARCHAR(32)   NOT NULL,
    form         VARCHAR(16)   NOT NULL,
    filed        DATE          NOT NULL,
    fy           INTEGER,
    fp           VARCHAR(8)
);

-- One row per concept, period and filing (period_start is NULL for balances, hence the COALESCE).
CREATE UNIQUE INDEX filed_fact_once
    ON filed_fact (cik, concept, unit, COALESCE(period_start, DATE '0001-01-01'), period_end, accession);
CREATE INDEX filed_fact_by_company ON filed_fact (cik, filed);
