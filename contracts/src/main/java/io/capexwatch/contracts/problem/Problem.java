package io.capexwatch.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json} by all three services.
 *
 * @param type   a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param errors extension member: individual findings, e.g. one per invalid field
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, String instance, List<String> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://capexwatch.io/problems/";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(slug == null ? "about:blank" : TYPE_BASE + slug, title, status, detail, null, List.of());
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Problem withErrors(List<String> findings) {
        return new Problem(type, title, status, detail, instance, List.copyOf(findings));
    }
}
