package io.capexwatch.tracker.rest;

import io.capexwatch.contracts.messages.CompanyDefinedMetrics;
import io.capexwatch.contracts.messages.ExtendedMetrics;
import io.capexwatch.contracts.messages.Provenance;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.tracker.service.CompanyMetrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A company's metric series as CSV for analysts (RFC 4180: comma separated, CRLF line ends, a header row):
 * money in whole USD, ratios as decimals, and where each OCF and capex figure came from.
 */
final class MetricsCsv {
    private record Column(String name, Function<QuarterMetrics, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("fiscal_year", QuarterMetrics::fiscalYear),
            new Column("fiscal_quarter", QuarterMetrics::fiscalQuarter),
            new Column("period_start", QuarterMetrics::periodStart),
            new Column("period_end", QuarterMetrics::periodEnd),
            new Column("ocf_usd", QuarterMetrics::ocf),
            new Column("capex_usd", QuarterMetrics::capex),
            new Column("fcf_usd", QuarterMetrics::fcf),
            new Column("capex_to_ocf", QuarterMetrics::capexToOcf),
            new Column("ttm_ocf_usd", QuarterMetrics::ttmOcf),
            new Column("ttm_capex_usd", QuarterMetrics::ttmCapex),
            new Column("ttm_fcf_usd", QuarterMetrics::ttmFcf),
            new Column("ttm_capex_to_ocf", QuarterMetrics::ttmCapexToOcf),
            new Column("revenue_usd", QuarterMetrics::revenue),
            new Column("ttm_revenue_usd", QuarterMetrics::ttmRevenue),
            new Column("depreciation_amortization_usd", QuarterMetrics::depreciationAndAmortization),
            new Column("ttm_depreciation_amortization_usd", QuarterMetrics::ttmDepreciationAndAmortization),
            new Column("debt_issued_usd", QuarterMetrics::debtIssued),
            new Column("ttm_debt_issued_usd", QuarterMetrics::ttmDebtIssued),
            extended("ttm_fcf_after_finance_leases_usd", ExtendedMetrics::ttmFcfAfterFinanceLeases),
            extended("ttm_company_fcf_usd", ExtendedMetrics::ttmCompanyFcf),
            extended("ttm_fcf_margin", ExtendedMetrics::ttmFcfMargin),
            extended("ttm_capex_to_revenue", ExtendedMetrics::ttmCapexToRevenue),
            extended("ttm_depreciation_amortization_to_revenue", ExtendedMetrics::ttmDaToRevenue),
            extended("ttm_buybacks_usd", ExtendedMetrics::ttmBuybacks),
            extended("ttm_buybacks_to_fcf", ExtendedMetrics::ttmBuybacksToFcf),
            extended("ttm_revenue_growth", ExtendedMetrics::ttmRevenueGrowth),
            extended("ttm_ocf_growth", ExtendedMetrics::ttmOcfGrowth),
            extended("ttm_capex_growth", ExtendedMetrics::ttmCapexGrowth),
            extended("ttm_depreciation_amortization_growth", ExtendedMetrics::ttmDaGrowth),
            extended("ttm_fcf_growth", ExtendedMetrics::ttmFcfGrowth),
            extended("remaining_performance_obligations_usd", ExtendedMetrics::remainingPerformanceObligations),
            extended("remaining_performance_obligations_growth", ExtendedMetrics::rpoGrowth),
            extended("ttm_funding_gap_usd", ExtendedMetrics::ttmFundingGap),
            companyDefined("company_capex_definition", c -> c.capex() == null ? null : c.capex().definition()),
            companyDefined("company_capex_note", c -> c.capex() == null ? null : c.capex().note()),
            companyDefined("company_capex_usd", c -> c.capex() == null ? null : c.capex().quarter()),
            companyDefined("ttm_company_capex_usd", c -> c.capex() == null ? null : c.capex().ttm()),
            companyDefined("ttm_company_capex_basis", c -> c.capex() == null ? null : c.capex().ttmStatus()),
            companyDefined("ttm_company_capex_to_ocf", CompanyDefinedMetrics::ttmCapexToOcf),
            companyDefined("company_fcf_definition", c -> c.fcf() == null ? null : c.fcf().definition()),
            companyDefined("company_fcf_source", c -> c.fcf() == null ? null : c.fcf().source()),
            companyDefined("company_fcf_note", c -> c.fcf() == null ? null : c.fcf().note()),
            companyDefined("company_fcf_usd", c -> c.fcf() == null ? null : c.fcf().quarter()),
            companyDefined("ttm_company_defined_fcf_usd", c -> c.fcf() == null ? null : c.fcf().ttm()),
            companyDefined("ttm_company_defined_fcf_basis", c -> c.fcf() == null ? null : c.fcf().ttmStatus()),
            companyDefined("ttm_company_defined_fcf_derivation", c -> c.fcf() == null ? null
                    : c.fcf().ttmDerivation() != null ? c.fcf().ttmDerivation() : c.fcf().reason()),
            companyDefined("off_balance_sheet_commitments_usd", CompanyDefinedMetrics::offBalanceSheetCommitments),
            companyDefined("off_balance_sheet_commitments_to_ttm_ocf", CompanyDefinedMetrics::offBalanceSheetToTtmOcf),
            companyDefined("commitments", MetricsCsv::commitments),
            new Column("latest_filing_accession", q -> q.latestFiling() == null ? null : q.latestFiling().accession()),
            new Column("latest_filing_form", q -> q.latestFiling() == null ? null : q.latestFiling().form()),
            new Column("latest_filing_date", q -> q.latestFiling() == null ? null : q.latestFiling().filed()),
            new Column("ocf_source", q -> source(q.ocfSource())),
            new Column("capex_source", q -> source(q.capexSource())),
            new Column("flags", q -> String.join(";", Stream.concat(q.flags().stream(),
                    q.extended() == null ? Stream.<String>empty() : q.extended().flags().stream()).toList())));

    private MetricsCsv() {
    }

    private static Column companyDefined(String name, Function<CompanyDefinedMetrics, Object> value) {
        return new Column(name, q -> q.companyDefined() == null ? null : value.apply(q.companyDefined()));
    }

    /** "leases-not-yet-commenced=27029000000 (0.5781x TTM OCF);..." */
    private static String commitments(CompanyDefinedMetrics metrics) {
        return metrics.commitments().stream().map(c -> c.id() + "=" + (c.amount() == null ? "" : c.amount())
                + (c.toTtmOcf() == null ? "" : " (" + c.toTtmOcf().toPlainString() + "x TTM OCF)")).collect(Collectors.joining(";"));
    }

    private static Column extended(String name, Function<ExtendedMetrics, Object> value) {
        return new Column(name, q -> q.extended() == null ? null : value.apply(q.extended()));
    }

    static String of(CompanyMetrics metrics) {
        return Stream.concat(Stream.of(COLUMNS.stream().map(Column::name).collect(Collectors.joining(","))),
                        metrics.quarters().stream().map(MetricsCsv::row))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static String row(QuarterMetrics q) {
        return COLUMNS.stream().map(column -> cell(column.value().apply(q))).collect(Collectors.joining(","));
    }

    /** e.g. "PaymentsToAcquirePropertyPlantAndEquipment 9M-6M 0001652044-25-000091". */
    private static String source(Provenance provenance) {
        return provenance == null ? null : provenance.concept() + " " + provenance.derivation() + " "
                + provenance.filing().accession();
    }

    private static String cell(Object value) {
        String text = value == null ? "" : value instanceof BigDecimal decimal ? decimal.toPlainString() : Objects.toString(value);
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
