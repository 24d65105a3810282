-- Every revision of a company's metric series, as computed: the history behind the current quarter_metrics.
CREATE TABLE metrics_revision (
    cik                   BIGINT       NOT NULL REFERENCES company_metrics (cik),
    revision              BIGINT       NOT NULL,
    fundamentals_revision BIGINT       NOT NULL,
    computed_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    changed_quarters      INTEGER      NOT NULL,
    series                JSONB        NOT NULL,
    PRIMARY KEY (cik, revision)
);
