-- Per company: which fundamentals snapshot the metrics rest on, and the outbox state of the metrics
-- (revision grows when the series changes; published_revision is the last one Kafka acknowledged).
CREATE TABLE company_metrics (
    cik                   BIGINT PRIMARY KEY,
    ticker                VARCHAR(16)  NOT NULL,
    entity_name           VARCHAR(255),
    fundamentals_revision BIGINT       NOT NULL,
    revision              BIGINT       NOT NULL,
    published_revision    BIGINT       NOT NULL DEFAULT 0,
    updated_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- The metrics of each fiscal quarter. Money in whole USD; ratios to four decimals; NULL where a metric
-- cannot be computed (the flags in details say why).
CREATE TABLE quarter_metrics (
    id               BIGSERIAL PRIMARY KEY,
    cik              BIGINT  NOT NULL REFERENCES company_metrics (cik),
    fiscal_year      INTEGER NOT NULL,
    fiscal_quarter   INTEGER NOT NULL,
    period_start     DATE    NOT NULL,
    period_end       DATE    NOT NULL,
    ocf              BIGINT,
    capex            BIGINT,
    fcf              BIGINT,
    capex_to_ocf     NUMERIC(12, 4),
    ttm_ocf          BIGINT,
    ttm_capex        BIGINT,
    ttm_fcf          BIGINT,
    ttm_capex_to_ocf NUMERIC(12, 4),
    -- {"latestFiling": ..., "ocfSource": provenance, "capexSource": provenance, "flags": [...]}
    details          JSONB   NOT NULL,
    CONSTRAINT quarter_metrics_once UNIQUE (cik, period_end)
);
