-- Facts from a filing's own XBRL (instance or inline) join companyfacts facts in filed_fact. Their
-- dimensions (explicit and typed members, "axis=member;...", sorted) become part of what makes a fact the
-- same fact; every fact stored before has none (''). source says which document a row came from.
ALTER TABLE filed_fact
    ADD COLUMN dimensions VARCHAR(1000) NOT NULL DEFAULT '',
    ADD COLUMN source     VARCHAR(16)   NOT NULL DEFAULT 'COMPANYFACTS';

DROP INDEX filed_fact_once;
CREATE UNIQUE INDEX filed_fact_once
    ON filed_fact (cik, concept, dimensions, unit, COALESCE(period_start, DATE '0001-01-01'), period_end, accession);

-- A fact both sources report for one filing with different values: flagged here, never resolved. The
-- value stored first stays in filed_fact; this row keeps both, and which source said what.
CREATE TABLE fact_disagreement (
    id              BIGSERIAL PRIMARY KEY,
    cik             BIGINT         NOT NULL REFERENCES company (cik),
    concept         VARCHAR(255)   NOT NULL,
    dimensions      VARCHAR(1000)  NOT NULL,
    unit            VARCHAR(32)    NOT NULL,
    period_start    DATE,
    period_end      DATE           NOT NULL,
    accession       VARCHAR(32)    NOT NULL,
    stored_value    NUMERIC(28, 4) NOT NULL,
    stored_source   VARCHAR(16)    NOT NULL,
    incoming_value  NUMERIC(28, 4) NOT NULL,
    incoming_source VARCHAR(16)    NOT NULL,
    detected_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX fact_disagreement_once
    ON fact_disagreement (cik, concept, dimensions, unit, COALESCE(period_start, DATE '0001-01-01'), period_end,
                          accession, incoming_source, incoming_value);
