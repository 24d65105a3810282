package io.capexwatch.tracker.service;

import io.capexwatch.contracts.messages.QuarterMetrics;

import java.time.LocalDate;
import java.util.List;

/**
 * A company's metric series as the API serves it, oldest quarter first.
 *
 * @param revision the stored series' revision; 0 for a point-in-time series computed on request
 * @param asOf     the day the series is as known on; null for the current series
 */
public record CompanyMetrics(String ticker, long cik, String entityName, long revision, LocalDate asOf,
                             List<QuarterMetrics> quarters) {
}
