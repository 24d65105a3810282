package io.capexwatch.verdict.board;

import io.capexwatch.contracts.messages.CompanyDefinedMetrics;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.contracts.messages.Provenance;
import io.capexwatch.contracts.messages.QuarterMetrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/** Companies side by side on one calendar quarter, from their metric series (plain domain logic). */
public final class PeerGrid {
    /** The columns a grid may be sorted by. */
    public static final Map<String, Function<PeerRow, Comparable<?>>> SORTABLE = Map.ofEntries(
            Map.entry("ticker", PeerRow::ticker), Map.entry("capex", PeerRow::capex), Map.entry("ocf", PeerRow::ocf),
            Map.entry("fcf", PeerRow::fcf), Map.entry("capexToOcf", PeerRow::capexToOcf),
            Map.entry("fcfMargin", PeerRow::fcfMargin), Map.entry("daGrowth", PeerRow::daGrowth),
            Map.entry("ttmFcf", PeerRow::ttmFcf), Map.entry("ttmCompanyFcf", PeerRow::ttmCompanyFcf),
            Map.entry("periodEnd", PeerRow::periodEnd));

    private PeerGrid() {
    }

    /** The fiscal quarter of {@code series} that ends in {@code quarter}, if any. */
    public static Optional<PeerRow> row(MetricsSnapshot series, CalendarQuarter quarter) {
        List<QuarterMetrics> quarters = series.quarters();
        return quarters.stream()
                .filter(q -> CalendarQuarter.containing(q.periodEnd()).equals(quarter))
                .max(Comparator.comparing(QuarterMetrics::periodEnd))
                .map(q -> row(series, q, yearEarlier(quarters, q)));
    }

    /** Every company with a quarter in {@code quarter}, sorted by {@code sort} (nulls last), then ticker. */
    public static List<PeerRow> grid(List<MetricsSnapshot> companies, CalendarQuarter quarter, String sort, boolean descending) {
        Function<PeerRow, Comparable<?>> key = SORTABLE.get(sort);
        if (key == null) {
            throw new IllegalArgumentException("sort by one of " + new TreeSet<>(SORTABLE.keySet()));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<Comparable> natural = descending ? Comparator.<Comparable>naturalOrder().reversed() : Comparator.naturalOrder();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<PeerRow> order = Comparator.comparing(row -> (Comparable) key.apply(row), Comparator.nullsLast(natural));
        List<PeerRow> rows = new ArrayList<>();
        companies.forEach(series -> row(series, quarter).ifPresent(rows::add));
        rows.sort(order.thenComparing(PeerRow::ticker));
        return rows;
    }

    /** The calendar quarters any company has a fiscal quarter in, newest first. */
    public static List<CalendarQuarter> quarters(List<MetricsSnapshot> companies) {
        TreeSet<CalendarQuarter> all = new TreeSet<>(Comparator.reverseOrder());
        companies.forEach(series -> series.quarters().forEach(q -> all.add(CalendarQuarter.containing(q.periodEnd()))));
        return List.copyOf(all);
    }

    private static Optional<QuarterMetrics> yearEarlier(List<QuarterMetrics> quarters, QuarterMetrics q) {
        return quarters.stream()
                .filter(o -> o.fiscalYear() == q.fiscalYear() - 1 && o.fiscalQuarter() == q.fiscalQuarter())
                .findFirst();
    }

    private static PeerRow row(MetricsSnapshot series, QuarterMetrics q, Optional<QuarterMetrics> yearEarlier) {
        long cik = series.cik();
        String latest = q.latestFiling() == null ? null : q.latestFiling().accession();
        Long daBefore = yearEarlier.map(QuarterMetrics::depreciationAndAmortization).orElse(null);
        return new PeerRow(series.ticker(), cik, series.entityName(), CalendarQuarter.containing(q.periodEnd()).toString(),
                "FY" + q.fiscalYear() + " Q" + q.fiscalQuarter(), q.fiscalYear(), q.fiscalQuarter(),
                q.periodStart(), q.periodEnd(), q.capex(), q.ocf(), q.fcf(), q.capexToOcf(),
                ratio(q.fcf(), q.revenue()), growth(q.depreciationAndAmortization(), daBefore),
                q.ttmCapex(), q.ttmOcf(), q.ttmFcf(), companyFcf(q),
                EdgarLinks.filing(cik, accession(q.capexSource())), EdgarLinks.filing(cik, accession(q.ocfSource())),
                EdgarLinks.filing(cik, latest), latest);
    }

    /**
     * TTM FCF as the company defines it: its own definition where that is exact (from the filing's own XBRL),
     * else capex net of proceeds from the standard tags where reported; never an approximate definition.
     */
    static Long companyFcf(QuarterMetrics q) {
        CompanyDefinedMetrics own = q.companyDefined();
        if (own != null && own.fcf() != null && own.fcf().ttmExact()) {
            return own.fcf().ttm();
        }
        return q.extended() == null ? null : q.extended().ttmCompanyFcf();
    }

    private static String accession(Provenance source) {
        return source == null || source.filing() == null ? null : source.filing().accession();
    }

    /** numerator / denominator to four decimals; null without both or over a zero or negative denominator. */
    static BigDecimal ratio(Long numerator, Long denominator) {
        if (numerator == null || denominator == null || denominator <= 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_EVEN);
    }

    /** now / before − 1 to four decimals; null without both or from a zero or negative base. */
    static BigDecimal growth(Long now, Long before) {
        BigDecimal ratio = ratio(now, before);
        return ratio == null ? null : ratio.subtract(BigDecimal.ONE);
    }
}
