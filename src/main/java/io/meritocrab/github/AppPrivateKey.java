package io.meritocrab.github;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The App's RSA private key, from PEM text or from a file holding it. GitHub hands out PKCS#1
 * ("BEGIN RSA PRIVATE KEY"); keys converted with openssl are often PKCS#8 ("BEGIN PRIVATE KEY").
 * Error messages never include the key.
 */
public final class AppPrivateKey {

    private AppPrivateKey() {
    }

    public static RSAPrivateKey parse(String pemOrPath) {
        String pem = pemOrPath.contains("-----BEGIN") ? pemOrPath : readFile(pemOrPath.trim());
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem.replace("\\n", "\n")))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            // BouncyCastle reports damaged base64 or ASN.1 with unchecked exceptions of its own.
            throw new IllegalArgumentException("the GitHub App private key is not valid PEM", e);
        }
        PrivateKey key;
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pkcs1) {
                key = converter.getKeyPair(pkcs1).getPrivate();
            } else if (parsed instanceof PrivateKeyInfo pkcs8) {
                key = converter.getPrivateKey(pkcs8);
            } else {
                throw new IllegalArgumentException("the GitHub App private key must be an unencrypted PKCS#1 or "
                        + "PKCS#8 PEM private key");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the GitHub App private key could not be read", e);
        }
        if (!(key instanceof RSAPrivateKey rsa)) {
            throw new IllegalArgumentException("the GitHub App private key must be an RSA key");
        }
        return rsa;
    }

    private static String readFile(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException | InvalidPathException e) {
            throw new IllegalArgumentException("the GitHub App private key is neither PEM text nor a readable file", e);
        }
    }
}
