package io.capexwatch.verdict.alerts;

import io.capexwatch.verdict.service.QuarterFigures;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The figures of a verdict's evaluated quarter that a subscription can watch cross a threshold. */
public enum AlertMetric {
    TTM_CAPEX_TO_OCF(QuarterFigures::ttmCapexToOcf),
    CAPEX_TO_OCF(QuarterFigures::capexToOcf),
    TTM_FCF(q -> money(q.ttmFcf())),
    FCF(q -> money(q.fcf())),
    TTM_CAPEX(q -> money(q.ttmCapex())),
    CAPEX(q -> money(q.capex())),
    TTM_OCF(q -> money(q.ttmOcf())),
    OCF(q -> money(q.ocf()));

    private final Function<QuarterFigures, BigDecimal> value;

    AlertMetric(Function<QuarterFigures, BigDecimal> value) {
        this.value = value;
    }

    /** @return the figure (whole USD or a ratio), or null when the quarter lacks it */
    BigDecimal of(QuarterFigures quarter) {
        return quarter == null ? null : value.apply(quarter);
    }

    static boolean known(String name) {
        return Arrays.stream(values()).anyMatch(m -> m.name().equals(name));
    }

    static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    private static BigDecimal money(Long usd) {
        return usd == null ? null : BigDecimal.valueOf(usd);
    }
}
