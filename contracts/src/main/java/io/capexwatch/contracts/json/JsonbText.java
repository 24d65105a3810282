package io.capexwatch.contracts.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;

/**
 * A value written as one JSON text for a native statement, which binds it as {@code cast(cast(:p as text) as
 * jsonb)}: PostgreSQL parses it once. A parameter typed jsonb would take a Java String as one JSON string value,
 * and persisting through Hibernate Reactive copies the value for dirty checking and binds it through a Vert.x
 * JsonObject, which costs several passes over a large series on every write.
 */
public final class JsonbText {
    private JsonbText() {
    }

    public static String of(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
