package io.meritocrab.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppPrivateKeyTest {

    private static KeyPair keys;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @Test
    void readsPkcs8Pem() {
        assertThat(AppPrivateKey.parse(pkcs8()).getModulus()).isEqualTo(publicKey().getModulus());
    }

    @Test
    void readsPkcs1PemAsGitHubHandsItOut() throws Exception {
        assertThat(pkcs1()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(AppPrivateKey.parse(pkcs1()).getModulus()).isEqualTo(publicKey().getModulus());
    }

    @Test
    void readsTheKeyFromAFilePath(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("app.pem");
        Files.writeString(file, pkcs1());
        assertThat(AppPrivateKey.parse(file.toString() + "\n").getModulus()).isEqualTo(publicKey().getModulus());
    }

    @Test
    void readsPemWhoseNewlinesWereEscapedInAnEnvironmentVariable() {
        assertThat(AppPrivateKey.parse(pkcs8().replace("\n", "\\n")).getModulus())
                .isEqualTo(publicKey().getModulus());
    }

    @Test
    void refusesSomethingThatIsNotAKeyWithoutQuotingIt() {
        assertThatThrownBy(() -> AppPrivateKey.parse("-----BEGIN CERTIFICATE-----\nc2VjcmV0\n-----END CERTIFICATE-----"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("c2VjcmV0");
        assertThatThrownBy(() -> AppPrivateKey.parse("-----BEGIN RSA PRIVATE KEY-----\nMIIE%%damaged\n"
                + "-----END RSA PRIVATE KEY-----\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid PEM");
        assertThatThrownBy(() -> AppPrivateKey.parse("/no/such/key.pem"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither PEM text nor a readable file");
    }

    @Test
    void appJwtIsRs256SignedByTheKeyBackdatedAndShortLived() throws Exception {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        SignedJWT jwt = SignedJWT.parse(new AppJwt("4242", AppPrivateKey.parse(pkcs1())).issue(now));

        assertThat(jwt.verify(new RSASSAVerifier(publicKey()))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("4242");
        assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(now.minusSeconds(60));
        assertThat(Duration.between(jwt.getJWTClaimsSet().getIssueTime().toInstant(),
                jwt.getJWTClaimsSet().getExpirationTime().toInstant())).isLessThanOrEqualTo(Duration.ofMinutes(10));
    }

    private static RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    private static String pkcs8() {
        return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    private static String pkcs1() throws Exception {
        byte[] rsaPrivateKey = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded()).parsePrivateKey()
                .toASN1Primitive().getEncoded();
        return pem("RSA PRIVATE KEY", rsaPrivateKey);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
