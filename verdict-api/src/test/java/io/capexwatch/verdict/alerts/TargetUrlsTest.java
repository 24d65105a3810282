package io.capexwatch.verdict.alerts;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The SSRF checks on their own: every address a name resolves to must be public. */
class TargetUrlsTest {
    /** A DNS of our own making, so the test needs no network. */
    private static final Map<String, String[]> DNS = Map.of(
            "hooks.example.com", new String[]{"93.184.215.14"},
            "split.example.com", new String[]{"93.184.215.14", "10.0.0.7"},
            "cgnat.example.com", new String[]{"100.64.1.1"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            return InetAddress.getAllByName(host); // literals only: they need no lookup
        }
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
        }
        return resolved;
    }

    private static List<String> problems(String url, boolean allowPrivate) {
        return TargetUrls.problems(url, allowPrivate, TargetUrlsTest::resolve);
    }

    @Test
    void aPublicHostIsFine() {
        assertEquals(List.of(), problems("https://hooks.example.com/capex?team=research", false));
        assertEquals(List.of(), problems("http://93.184.215.14:8443/hook", false));
    }

    @Test
    void everyAddressOfTheHostCounts() {
        assertEquals(List.of("targetUrl: host split.example.com resolves to 10.0.0.7, a private address"
                + " (allowed only with capexwatch.alerts.allow-private-targets=true)"), problems("https://split.example.com/", false));
        assertEquals(List.of("targetUrl: host cgnat.example.com resolves to 100.64.1.1, a private (carrier-grade NAT) address"
                + " (allowed only with capexwatch.alerts.allow-private-targets=true)"), problems("https://cgnat.example.com/", false));
    }

    @Test
    void innerAddressesAreAllowedOnlyByConfiguration() {
        assertEquals(List.of(), problems("http://127.0.0.1:8080/hook", true));
        assertEquals(List.of(), problems("http://10.0.0.7/hook", true));
        assertEquals(1, problems("http://127.0.0.1:8080/hook", false).size());
    }

    @Test
    void schemeCredentialsAndShapeAreCheckedWhateverTheConfiguration() {
        assertEquals(List.of("targetUrl: must be an http or https URL"), problems("file:///etc/passwd", true));
        assertEquals(List.of("targetUrl: must be an http or https URL"), problems("gopher://127.0.0.1/", true));
        assertEquals(List.of("targetUrl: must not contain credentials (user:password@); the secret signs each delivery"),
                problems("https://bot:token@hooks.example.com/", true));
        assertEquals(List.of("targetUrl: needs a host"), problems("https:///hook", true));
        assertEquals(List.of("targetUrl: required"), problems(" ", true));
        assertEquals(List.of("targetUrl: not a URL (Illegal character in path)"), problems("https://hooks.example.com/a b", true));
        assertEquals(List.of("targetUrl: at most 2048 characters"), problems("https://hooks.example.com/" + "a".repeat(2048), true));
    }

    @Test
    void addressKinds() throws Exception {
        assertEquals("loopback", TargetUrls.forbidden(InetAddress.getByName("127.9.9.9")));
        assertEquals("loopback", TargetUrls.forbidden(InetAddress.getByName("::1")));
        assertEquals("link-local", TargetUrls.forbidden(InetAddress.getByName("fe80::1")));
        assertEquals("private", TargetUrls.forbidden(InetAddress.getByName("172.31.255.255")));
        assertNull(TargetUrls.forbidden(InetAddress.getByName("172.32.0.1")));
        assertEquals("private (unique local)", TargetUrls.forbidden(InetAddress.getByName("fc00::1")));
        assertEquals("multicast", TargetUrls.forbidden(InetAddress.getByName("ff02::1")));
        assertEquals("unspecified", TargetUrls.forbidden(InetAddress.getByName("::")));
        assertEquals("reserved or broadcast", TargetUrls.forbidden(InetAddress.getByName("255.255.255.255")));
        // An IPv4-mapped IPv6 literal is the IPv4 address it maps.
        assertEquals("private", TargetUrls.forbidden(InetAddress.getByName("::ffff:192.168.0.1")));
        assertNull(TargetUrls.forbidden(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946")));
    }
}
