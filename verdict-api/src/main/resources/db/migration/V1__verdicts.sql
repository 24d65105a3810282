-- Every evaluation of a company, newest last; the latest row per company is its current verdict.
-- body is the verdict exactly as the API serves it (and as Redis caches it).
CREATE TABLE verdict (
    id               BIGSERIAL PRIMARY KEY,
    cik              BIGINT       NOT NULL,
    ticker           VARCHAR(16)  NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    previous_state   VARCHAR(20),
    state_since      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    period_end       DATE,
    metrics_revision BIGINT       NOT NULL,
    evaluated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    body             TEXT         NOT NULL
);

CREATE INDEX verdict_latest_per_company ON verdict (cik, id DESC);
