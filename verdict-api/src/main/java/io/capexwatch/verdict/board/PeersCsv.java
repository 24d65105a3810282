package io.capexwatch.verdict.board;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The peer grid as CSV (RFC 4180, CRLF, a header row), in the same conventions as capex-tracker's metrics CSV:
 * money in whole USD, ratios as decimals, and the filing each figure came from.
 */
final class PeersCsv {
    private record Column(String name, Function<PeerRow, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("calendar_quarter", PeerRow::calendarQuarter),
            new Column("ticker", PeerRow::ticker),
            new Column("cik", PeerRow::cik),
            new Column("fiscal_quarter", PeerRow::fiscalLabel),
            new Column("period_start", PeerRow::periodStart),
            new Column("period_end", PeerRow::periodEnd),
            new Column("capex_usd", PeerRow::capex),
            new Column("ocf_usd", PeerRow::ocf),
            new Column("fcf_usd", PeerRow::fcf),
            new Column("capex_to_ocf", PeerRow::capexToOcf),
            new Column("fcf_margin", PeerRow::fcfMargin),
            new Column("depreciation_amortization_growth", PeerRow::daGrowth),
            new Column("ttm_capex_usd", PeerRow::ttmCapex),
            new Column("ttm_ocf_usd", PeerRow::ttmOcf),
            new Column("ttm_fcf_usd", PeerRow::ttmFcf),
            new Column("ttm_company_fcf_usd", PeerRow::ttmCompanyFcf),
            new Column("filing_accession", PeerRow::filingAccession),
            new Column("capex_filing_url", PeerRow::capexFilingUrl),
            new Column("ocf_filing_url", PeerRow::ocfFilingUrl));

    private PeersCsv() {
    }

    static String of(List<PeerRow> rows) {
        return Stream.concat(Stream.of(COLUMNS.stream().map(Column::name).collect(Collectors.joining(","))),
                        rows.stream().map(PeersCsv::row))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static String row(PeerRow row) {
        return COLUMNS.stream().map(column -> cell(column.value().apply(row))).collect(Collectors.joining(","));
    }

    private static String cell(Object value) {
        String text = value == null ? "" : value instanceof BigDecimal decimal ? decimal.toPlainString() : Objects.toString(value);
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
