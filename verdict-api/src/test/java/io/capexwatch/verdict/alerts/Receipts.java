package io.capexwatch.verdict.alerts;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Verifies X-Capexwatch-Signature the way docs/alerts.md tells a receiver to, independently of Signatures. */
final class Receipts {
    private Receipts() {
    }

    /** @return whether {@code header} signs {@code body} with {@code secret}, dated within {@code toleranceSeconds} of now */
    static boolean verifies(String header, String body, String secret, long toleranceSeconds) throws Exception {
        long t = -1;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv[0].equals("t")) {
                t = Long.parseLong(kv[1]);
            } else if (kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t < 0 || v1 == null || Math.abs(System.currentTimeMillis() / 1000 - t) > toleranceSeconds) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
    }
}
