package io.capexwatch.verdict.alerts;

import java.util.Locale;

/** How a subscription's deliveries are written: the JSON event, or a Slack message (text and blocks). */
public enum AlertFormat {
    JSON,
    SLACK;

    /** @return the format named {@code name} (json, slack), or null */
    static AlertFormat named(String name) {
        for (AlertFormat format : values()) {
            if (format.wireName().equals(name)) {
                return format;
            }
        }
        return null;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
