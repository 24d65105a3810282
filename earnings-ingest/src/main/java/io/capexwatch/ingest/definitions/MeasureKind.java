package io.capexwatch.ingest.definitions;

/** What a company-defined measure is: a capex figure, a free-cash-flow figure, or a commitment at a date. */
public enum MeasureKind {
    CAPEX, FCF, COMMITMENT
}
