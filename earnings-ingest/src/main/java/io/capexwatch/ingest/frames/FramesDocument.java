package io.capexwatch.ingest.frames;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An SEC frames document ({@code /api/xbrl/frames/{taxonomy}/{tag}/{unit}/{period}.json}): one fact per filer,
 * the one last filed that best fits the calendar period {@code ccp}.
 *
 * @param pts the number of data points (filers)
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record FramesDocument(String taxonomy, String tag, String ccp, String uom, String label, String description,
                             int pts, List<Entry> data) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String accn, long cik, String entityName, String loc, LocalDate start, LocalDate end, BigDecimal val) {
    }
}
