-- capex/OCF has no upper bound: capex of $10^12 over an OCF of $1 must be stored, not overflow NUMERIC(12, 4)
-- and fail the snapshot. 20 integer digits hold any ratio of two whole-dollar BIGINT amounts.
ALTER TABLE quarter_metrics
    ALTER COLUMN capex_to_ocf TYPE NUMERIC(24, 4),
    ALTER COLUMN ttm_capex_to_ocf TYPE NUMERIC(24, 4);
