-- Companies on the watchlist. revision grows with every change to the company's quarters;
-- published_revision is the last revision Kafka acknowledged (an outbox marker: anything between
-- the two is republished, so nothing accepted is lost).
CREATE TABLE company (
    cik                BIGINT PRIMARY KEY,
    ticker             VARCHAR(16)  NOT NULL UNIQUE,
    entity_name        VARCHAR(255),
    revision           BIGINT       NOT NULL DEFAULT 0,
    published_revision BIGINT       NOT NULL DEFAULT 0,
    last_import_at     TIMESTAMP(6) WITH TIME ZONE
);

-- The current discrete value of each metric per fiscal quarter, with its provenance.
CREATE TABLE quarter_value (
    id             BIGSERIAL PRIMARY KEY,
    cik            BIGINT       NOT NULL REFERENCES company (cik),
    metric         VARCHAR(40)  NOT NULL,
    fiscal_year    INTEGER      NOT NULL,
    fiscal_quarter INTEGER      NOT NULL,
    period_start   DATE         NOT NULL,
    period_end     DATE         NOT NULL,
    value_usd      BIGINT       NOT NULL,
    concept        VARCHAR(255) NOT NULL,
    accession      VARCHAR(32)  NOT NULL,
    form           VARCHAR(16)  NOT NULL,
    filed          DATE         NOT NULL,
    derivation     VARCHAR(16)  NOT NULL,
    -- {"derivedFrom": [source facts], "flags": [data-quality flags]}
    details        JSONB        NOT NULL,
    CONSTRAINT quarter_value_once UNIQUE (cik, metric, period_end)
);

CREATE INDEX quarter_value_by_company ON quarter_value (cik, period_end);
