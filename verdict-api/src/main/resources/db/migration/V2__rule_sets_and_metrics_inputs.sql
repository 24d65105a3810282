-- Rule thresholds, versioned; the highest version is in force. Before the first change the configured
-- defaults (capexwatch.rules.*) apply, as version 0. body: {"defaults": {...}, "companies": {"ORCL": {...}}}.
CREATE TABLE rule_set (
    version    BIGSERIAL PRIMARY KEY,
    body       JSONB        NOT NULL,
    changed_by VARCHAR(255) NOT NULL,
    changed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- The latest metrics snapshot of each company, so that a change of rules can evaluate every company again.
CREATE TABLE metrics_input (
    cik      BIGINT PRIMARY KEY,
    ticker   VARCHAR(16) NOT NULL,
    revision BIGINT      NOT NULL,
    snapshot JSONB       NOT NULL
);
