package io.capexwatch.ingest.company;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.util.Map;

/** The companies watched from the start: {@code capexwatch.watchlist.<TICKER>=<CIK>}. */
@ConfigMapping(prefix = "capexwatch.watchlist")
public interface WatchlistConfig {
    @WithParentName
    Map<String, Long> companies();
}
