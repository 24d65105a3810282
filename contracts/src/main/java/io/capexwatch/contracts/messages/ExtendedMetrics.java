package io.capexwatch.contracts.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The rest of a quarter's capex metrics, over the trailing twelve months (TTM) unless named otherwise.
 * Money in whole USD, ratios and growth to four decimals. A value is null where an input is missing in any
 * of the four quarters, or where a ratio would divide by zero or by a negative; {@code flags} says which.
 *
 * @param ttmFcfAfterFinanceLeases TTM FCF minus principal repayments of finance leases (capex bought on lease)
 * @param ttmCompanyFcf            FCF as companies such as Amazon define it: OCF minus capex net of proceeds
 *                                 from property sales and incentives, where a standard tag reports those proceeds
 * @param ttmFcfMargin             TTM FCF / TTM revenue
 * @param ttmBuybacksToFcf         TTM share buybacks / TTM FCF
 * @param ttmRevenueGrowth         year over year: this TTM against the TTM ending a year earlier
 * @param rpoGrowth                remaining performance obligations (backlog) at the quarter's end, year over year
 * @param ttmFundingGap            TTM capex minus TTM OCF where capex is higher, else 0
 * @param ttmDebtRepaid            TTM debt repaid, next to the TTM debt issued of the quarter's metrics
 */
@RegisterForReflection
public record ExtendedMetrics(Long ttmFinanceLeasePrincipal, Long ttmFcfAfterFinanceLeases,
                              Long ttmProceedsFromPropertySales, Long ttmCompanyFcf,
                              BigDecimal ttmFcfMargin, BigDecimal ttmCapexToRevenue, BigDecimal ttmDaToRevenue,
                              Long ttmBuybacks, BigDecimal ttmBuybacksToFcf,
                              BigDecimal ttmRevenueGrowth, BigDecimal ttmOcfGrowth, BigDecimal ttmCapexGrowth,
                              BigDecimal ttmDaGrowth, BigDecimal ttmFcfGrowth,
                              Long remainingPerformanceObligations, BigDecimal rpoGrowth,
                              Long ttmFundingGap, Long ttmDebtRepaid, List<String> flags) {

    /** The same metrics with every ratio at {@code scale} decimals: JSON storage may drop trailing zeros. */
    public ExtendedMetrics withRatioScale(int scale) {
        return new ExtendedMetrics(ttmFinanceLeasePrincipal, ttmFcfAfterFinanceLeases, ttmProceedsFromPropertySales,
                ttmCompanyFcf, scaled(ttmFcfMargin, scale), scaled(ttmCapexToRevenue, scale), scaled(ttmDaToRevenue, scale),
                ttmBuybacks, scaled(ttmBuybacksToFcf, scale), scaled(ttmRevenueGrowth, scale), scaled(ttmOcfGrowth, scale),
                scaled(ttmCapexGrowth, scale), scaled(ttmDaGrowth, scale), scaled(ttmFcfGrowth, scale),
                remainingPerformanceObligations, scaled(rpoGrowth, scale), ttmFundingGap, ttmDebtRepaid, flags);
    }

    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
