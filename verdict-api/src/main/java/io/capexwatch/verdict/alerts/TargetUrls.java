package io.capexwatch.verdict.alerts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which webhook targets may be called: http or https, no credentials in the URL, and (against SSRF inside a
 * cluster) a host all of whose addresses are public, unless {@code capexwatch.alerts.allow-private-targets}.
 * Checked when a subscription is created and again before every attempt (DNS may have changed).
 */
@ApplicationScoped
public class TargetUrls {
    static final int MAX_LENGTH = 2048;

    /** Resolves a host name to all its addresses; blocking. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Vertx vertx;

    public TargetUrls(AlertsConfig config, Vertx vertx) {
        this.allowPrivate = config.allowPrivateTargets();
        this.vertx = vertx;
    }

    /** The problems with {@code url} (none: it may be called), resolving its host off the event loop. */
    public Uni<List<String>> problems(String url) {
        return vertx.executeBlocking(() -> problems(url, allowPrivate, InetAddress::getAllByName), false);
    }

    static List<String> problems(String url, boolean allowPrivate, Resolver resolver) {
        if (url == null || url.isBlank()) {
            return List.of("targetUrl: required");
        }
        if (url.length() > MAX_LENGTH) {
            return List.of("targetUrl: at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return List.of("targetUrl: not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return List.of("targetUrl: must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return List.of("targetUrl: must not contain credentials (user:password@); the secret signs each delivery");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return List.of("targetUrl: needs a host");
        }
        if (allowPrivate) {
            return List.of();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return List.of("targetUrl: host " + host + " does not resolve");
        }
        List<String> problems = new ArrayList<>();
        for (InetAddress address : addresses) {
            String kind = forbidden(address);
            if (kind != null) {
                problems.add("targetUrl: host " + host + " resolves to " + address.getHostAddress() + ", a " + kind
                        + " address (allowed only with capexwatch.alerts.allow-private-targets=true)");
            }
        }
        return problems;
    }

    /** @return why the address may not be called, or null for a public unicast address */
    static String forbidden(InetAddress address) {
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress() || (b.length == 4 && b[0] == 0)) {
            return "unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (b.length == 4 && (b[0] & 0xff) >= 240) {
            return "reserved or broadcast";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return "private (unique local)";
        }
        if (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return "private (carrier-grade NAT)";
        }
        return null;
    }
}
