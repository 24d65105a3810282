package io.capexwatch.verdict.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** Rule thresholds from configuration ({@code capexwatch.rules.*}); the defaults are {@link Thresholds#DEFAULTS}. */
@ConfigMapping(prefix = "capexwatch.rules")
public interface RulesConfig {
    @WithDefault("0.60")
    BigDecimal capexIntensityWatch();

    @WithDefault("0.85")
    BigDecimal capexIntensitySlipping();

    @WithDefault("0.25")
    BigDecimal fcfDeclineWatch();

    @WithDefault("0.00")
    BigDecimal cashEngineWatch();

    @WithDefault("-0.10")
    BigDecimal cashEngineSlipping();

    @WithDefault("0.40")
    BigDecimal monetizationGapWatch();

    @WithDefault("0.10")
    BigDecimal paybackHurdle();

    @WithDefault("0.15")
    BigDecimal depreciationGapWatch();

    @WithDefault("1.00")
    BigDecimal commitmentsOverhangWatch();

    @WithDefault("3.00")
    BigDecimal commitmentsOverhangSlipping();

    default Thresholds thresholds() {
        return new Thresholds(capexIntensityWatch(), capexIntensitySlipping(), fcfDeclineWatch(), cashEngineWatch(),
                cashEngineSlipping(), monetizationGapWatch(), paybackHurdle(), depreciationGapWatch(),
                commitmentsOverhangWatch(), commitmentsOverhangSlipping());
    }
}
