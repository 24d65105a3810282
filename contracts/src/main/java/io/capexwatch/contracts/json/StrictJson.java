package io.capexwatch.contracts.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The services' ObjectMapper refuses a JSON object that names a field twice: with "last one wins" a
 * request could say two things and be taken to mean one, so such a body is a 400 (a JsonParseException,
 * answered as problem+json by ProblemMappers), never silently half-read.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
