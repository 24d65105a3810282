-- Inputs of the monetization, depreciation and debt rules: quarter and TTM, NULL where not reported.
ALTER TABLE quarter_metrics
    ADD COLUMN revenue                       BIGINT,
    ADD COLUMN ttm_revenue                   BIGINT,
    ADD COLUMN depreciation_amortization     BIGINT,
    ADD COLUMN ttm_depreciation_amortization BIGINT,
    ADD COLUMN debt_issued                   BIGINT,
    ADD COLUMN ttm_debt_issued               BIGINT;
