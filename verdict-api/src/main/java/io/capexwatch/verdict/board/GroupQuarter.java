package io.capexwatch.verdict.board;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.util.List;

/**
 * The watched companies combined in one calendar quarter: sums of the companies that have a fiscal quarter
 * ending in it ({@code reported}); {@code missing} lists those that have none there (not filed yet, or no
 * data that far back), so a total is never silently short. TTM sums are over the companies with a TTM figure.
 *
 * @param shares each reporting company's share of the group's capex, in the quarter and over TTM
 */
@RegisterForReflection
public record GroupQuarter(String calendarQuarter, List<String> reported, List<String> missing,
                           Long capex, Long ocf, Long fcf, Long ttmCapex, Long ttmOcf, Long ttmFcf,
                           List<String> ttmMissing, List<Share> shares) {

    @RegisterForReflection
    public record Share(String ticker, String fiscalLabel, Long capex, BigDecimal capexShare, Long ttmCapex,
                        BigDecimal ttmCapexShare) {
    }
}
