package io.capexwatch.verdict.board;

import io.capexwatch.contracts.messages.MetricsSnapshot;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The group's combined capex, OCF and FCF per calendar quarter and TTM, and each company's share of capex. */
public final class PeerGroup {
    private PeerGroup() {
    }

    public static GroupQuarter of(List<MetricsSnapshot> companies, CalendarQuarter quarter) {
        List<PeerRow> rows = PeerGrid.grid(companies, quarter, "ticker", false);
        List<String> reported = rows.stream().map(PeerRow::ticker).toList();
        List<String> missing = companies.stream().map(MetricsSnapshot::ticker).filter(t -> !reported.contains(t)).sorted().toList();
        Long capex = sum(rows, PeerRow::capex);
        Long ttmCapex = sum(rows, PeerRow::ttmCapex);
        List<GroupQuarter.Share> shares = rows.stream().map(row -> new GroupQuarter.Share(row.ticker(), row.fiscalLabel(),
                row.capex(), PeerGrid.ratio(row.capex(), capex), row.ttmCapex(), PeerGrid.ratio(row.ttmCapex(), ttmCapex))).toList();
        List<String> ttmMissing = rows.stream().filter(row -> row.ttmCapex() == null).map(PeerRow::ticker).toList();
        return new GroupQuarter(quarter.toString(), reported, missing, capex, sum(rows, PeerRow::ocf), sum(rows, PeerRow::fcf),
                ttmCapex, sum(rows, PeerRow::ttmOcf), sum(rows, PeerRow::ttmFcf), ttmMissing, shares);
    }

    /** Exact sum of the figures present (Math.addExact: an overflow is an error, never a wrapped total); null if none. */
    private static Long sum(List<PeerRow> rows, Function<PeerRow, Long> figure) {
        return rows.stream().map(figure).filter(Objects::nonNull).reduce(Math::addExact).orElse(null);
    }
}
