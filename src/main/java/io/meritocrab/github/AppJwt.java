package io.meritocrab.github;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The JSON Web Token that authenticates the App itself: RS256, issued by the App id, back-dated 60 s
 * against clock drift and valid for 9 minutes (GitHub refuses more than 10).
 */
public final class AppJwt {

    static final Duration BACKDATE = Duration.ofSeconds(60);
    static final Duration LIFETIME = Duration.ofMinutes(9);

    private final String appId;
    private final RSASSASigner signer;

    public AppJwt(String appId, RSAPrivateKey key) {
        this.appId = appId;
        this.signer = new RSASSASigner(key);
    }

    public String issue(Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(appId)
                .issueTime(Date.from(now.minus(BACKDATE)))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign the App JWT", e);
        }
        return jwt.serialize();
    }
}
