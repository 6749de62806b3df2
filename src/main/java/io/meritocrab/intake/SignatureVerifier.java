package io.meritocrab.intake;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks GitHub's X-Hub-Signature-256: HMAC-SHA256 of the raw body, compared in constant time. */
public final class SignatureVerifier {

    private static final String PREFIX = "sha256=";
    private static final int HEX_LENGTH = 64;

    private final SecretKeySpec key;

    public SignatureVerifier(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** True only for a well-formed header whose digest matches the body. */
    public boolean verify(byte[] body, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.length() != PREFIX.length() + HEX_LENGTH
                || !signatureHeader.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(signatureHeader, PREFIX.length(), signatureHeader.length());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(digest(body), claimed);
    }

    /** The header value GitHub would send for this body. */
    public String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(digest(body));
    }

    private byte[] digest(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
