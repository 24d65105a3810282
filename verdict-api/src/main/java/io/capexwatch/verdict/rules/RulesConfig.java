package io.capexwatch.verdict.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** Rule thresholds from configuration ({@code capexwatch.rules.*}). */
@ConfigMapping(prefix = "capexwatch.rules")
public interface RulesConfig {
    @WithDefault("0.60")
    BigDecimal capexIntensityWatch();

    @WithDefault("0.85")
    BigDecimal capexIntensitySlipping();

    @WithDefault("0.25")
    BigDecimal fcfDeclineWatch();

    default Thresholds thresholds() {
        return new Thresholds(capexIntensityWatch(), capexIntensitySlipping(), fcfDeclineWatch());
    }
}
