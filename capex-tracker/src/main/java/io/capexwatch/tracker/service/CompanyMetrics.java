package io.capexwatch.tracker.service;

import io.capexwatch.contracts.messages.QuarterMetrics;

import java.util.List;

/** A company's metric series as the API serves it, oldest quarter first. */
public record CompanyMetrics(String ticker, long cik, String entityName, long revision, List<QuarterMetrics> quarters) {
}
