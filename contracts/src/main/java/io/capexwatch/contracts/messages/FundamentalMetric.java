package io.capexwatch.contracts.messages;

/** The quarterly fundamentals earnings-ingest extracts; all are flows over the quarter, in whole USD. */
public enum FundamentalMetric {
    OPERATING_CASH_FLOW,
    CAPEX
}
