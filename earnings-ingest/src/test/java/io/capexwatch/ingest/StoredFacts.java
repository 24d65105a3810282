package io.capexwatch.ingest;

import org.eclipse.microprofile.config.ConfigProvider;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The as-filed facts and disagreement flags as PostgreSQL holds them, read over JDBC from the test thread. */
public final class StoredFacts {
    /** One filed_fact row: the fields a test checks. */
    public record Row(String concept, String dimensions, String start, String end, BigDecimal value, String accession,
                      String form, String filed, String source) {
        /** The fact's identity and value, whatever its filing or source: what two forms of one filing must share. */
        public String content() {
            return concept + "|" + dimensions + "|" + start + "|" + end + "|" + value.stripTrailingZeros().toPlainString();
        }
    }

    private StoredFacts() {
    }

    public static List<Row> of(long cik) {
        return query("select concept, dimensions, period_start, period_end, value, accession, form, filed, source"
                + " from filed_fact where cik = ? order by id", cik, r -> new Row(r.getString(1), r.getString(2),
                r.getString(3), r.getString(4), r.getBigDecimal(5), r.getString(6), r.getString(7), r.getString(8),
                r.getString(9)));
    }

    public static List<Row> of(long cik, String concept) {
        return of(cik).stream().filter(r -> r.concept().equals(concept)).toList();
    }

    /** "concept|stored value|stored source|incoming value|incoming source" per fact_disagreement row. */
    public static List<String> disagreements(long cik) {
        return query("select concept, stored_value, stored_source, incoming_value, incoming_source from fact_disagreement"
                + " where cik = ? order by id", cik, r -> r.getString(1) + "|" + r.getBigDecimal(2).stripTrailingZeros().toPlainString()
                + "|" + r.getString(3) + "|" + r.getBigDecimal(4).stripTrailingZeros().toPlainString() + "|" + r.getString(5));
    }

    private interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private static <T> List<T> query(String sql, long cik, Mapper<T> mapper) {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
             PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setLong(1, cik);
            List<T> rows = new ArrayList<>();
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    rows.add(mapper.map(r));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
