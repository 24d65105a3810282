-- Webhook alerts (docs/alerts.md). A subscription's secret signs its deliveries and is never served.
-- filters: {"stateChange": true, "ruleOutcomeChange": false, "filingStatusChange": false, "restatement": false,
--           "thresholds": [{"metric": "TTM_CAPEX_TO_OCF", "value": 0.8}]}; ticker null: every company.
CREATE TABLE alert_subscription (
    id         BIGSERIAL PRIMARY KEY,
    target_url VARCHAR(2048) NOT NULL,
    secret     VARCHAR(256)  NOT NULL,
    format     VARCHAR(8)    NOT NULL,
    ticker     VARCHAR(16),
    filters    JSONB         NOT NULL,
    created_by VARCHAR(255)  NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- What changed, written in the transaction that recorded the change (an outbox); id orders a company's events.
-- event_key is the Idempotency-Key of every delivery of the event.
CREATE TABLE alert_event (
    id         BIGSERIAL PRIMARY KEY,
    event_key  UUID        NOT NULL UNIQUE,
    cik        BIGINT      NOT NULL,
    ticker     VARCHAR(16) NOT NULL,
    type       VARCHAR(16) NOT NULL,
    verdict_id BIGINT REFERENCES verdict (id),
    changes    JSONB       NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- One event to one subscription: its rendered body (the same bytes on every attempt), state and lease.
-- A sender claims due rows with FOR UPDATE SKIP LOCKED and holds them until locked_until (claim_token).
CREATE TABLE alert_delivery (
    id              BIGSERIAL PRIMARY KEY,
    subscription_id BIGINT      NOT NULL REFERENCES alert_subscription (id) ON DELETE CASCADE,
    event_id        BIGINT      NOT NULL REFERENCES alert_event (id),
    event_key       UUID        NOT NULL,
    event_type      VARCHAR(16) NOT NULL,
    cik             BIGINT      NOT NULL,
    ticker          VARCHAR(16) NOT NULL,
    status          VARCHAR(12) NOT NULL,
    body            TEXT        NOT NULL,
    attempts        INTEGER     NOT NULL,
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE,
    locked_until    TIMESTAMP(6) WITH TIME ZONE,
    claim_token     UUID,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT alert_delivery_once UNIQUE (subscription_id, event_id)
);
CREATE INDEX alert_delivery_due ON alert_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX alert_delivery_in_order ON alert_delivery (subscription_id, cik, event_id) WHERE status = 'PENDING';

-- Every attempt of a delivery: when, the HTTP status or the error, and what follows.
CREATE TABLE alert_attempt (
    id              BIGSERIAL PRIMARY KEY,
    delivery_id     BIGINT      NOT NULL REFERENCES alert_delivery (id) ON DELETE CASCADE,
    attempted_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    duration_ms     BIGINT      NOT NULL,
    status_code     INTEGER,
    error           VARCHAR(500),
    outcome         VARCHAR(12) NOT NULL,
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX alert_attempt_of_delivery ON alert_attempt (delivery_id, id);

-- Each company's last EDGAR status as alerts saw it, so a change (results released, XBRL arrived) is told once.
CREATE TABLE alert_filing_status (
    cik        BIGINT PRIMARY KEY,
    ticker     VARCHAR(16) NOT NULL,
    status     VARCHAR(40) NOT NULL,
    changed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
