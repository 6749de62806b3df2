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
        return matches(digest(body), signatureHeader);
    }

    /** True only for a well-formed header naming this digest (computed with {@link #newMac()}). */
    public boolean matches(byte[] digest, String signatureHeader) {
        byte[] claimed = claimed(signatureHeader);
        return claimed != null && MessageDigest.isEqual(digest, claimed);
    }

    /** Whether the header can be a signature at all (checked before a body is read for it). */
    public static boolean wellFormed(String signatureHeader) {
        return claimed(signatureHeader) != null;
    }

    /** A MAC keyed with the secret, to be fed the body as it arrives. */
    public Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static byte[] claimed(String signatureHeader) {
        if (signatureHeader == null || signatureHeader.length() != PREFIX.length() + HEX_LENGTH
                || !signatureHeader.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(signatureHeader, PREFIX.length(), signatureHeader.length());
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    /** The header value GitHub would send for this body. */
    public String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(digest(body));
    }

    private byte[] digest(byte[] body) {
        return newMac().doFinal(body);
    }
}
