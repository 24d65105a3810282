-- Analyst schedules: each company's milestones, versioned; the highest version of a ticker is in force.
-- milestones: {"milestones": [{"metric": "TTM_CAPEX_TO_OCF", "comparison": "AT_MOST", "target": 0.75,
--               "fiscalYear": 2026, "fiscalQuarter": 4}, ...]}
CREATE TABLE schedule (
    id         BIGSERIAL PRIMARY KEY,
    ticker     VARCHAR(16)  NOT NULL,
    version    INTEGER      NOT NULL,
    milestones JSONB        NOT NULL,
    changed_by VARCHAR(255) NOT NULL,
    changed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT schedule_version_once UNIQUE (ticker, version)
);
