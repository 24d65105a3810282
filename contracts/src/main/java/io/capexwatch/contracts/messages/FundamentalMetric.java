package io.capexwatch.contracts.messages;

/**
 * The quarterly fundamentals earnings-ingest extracts, in whole USD. Flows are the discrete quarter's
 * amount; balances ({@link #isBalance()}) are the amount at the quarter's end.
 */
public enum FundamentalMetric {
    REVENUE,
    OPERATING_CASH_FLOW,
    /** Purchases of property and equipment. */
    CAPEX,
    /** Proceeds from sales of property and equipment (and incentives, where the standard tag carries them). */
    PROCEEDS_FROM_PROPERTY_SALES,
    FINANCE_LEASE_PRINCIPAL_PAYMENTS,
    DEPRECIATION_AND_AMORTIZATION,
    NET_INCOME,
    SHARE_BUYBACKS,
    DIVIDENDS,
    DEBT_ISSUED,
    DEBT_REPAID,
    /** Remaining performance obligations (contracted backlog), at the quarter's end. */
    REMAINING_PERFORMANCE_OBLIGATIONS(true),
    /** Cash, cash equivalents and marketable securities, at the quarter's end. */
    CASH_AND_MARKETABLE_SECURITIES(true);

    private final boolean balance;

    FundamentalMetric() {
        this(false);
    }

    FundamentalMetric(boolean balance) {
        this.balance = balance;
    }

    public boolean isBalance() {
        return balance;
    }
}
