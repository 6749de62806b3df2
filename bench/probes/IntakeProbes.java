package io.meritocrab.intake;

import io.meritocrab.inbox.Acceptance;
import io.meritocrab.inbox.DeliveryInbox;
import io.meritocrab.inbox.IncomingDelivery;
import io.meritocrab.inbox.PayloadSummary;
import io.meritocrab.platform.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;

/**
 * Benchmark probes, never part of the product (see bench/README.md, "Intake probes"): the same intake,
 * verified and parsed with or without storing it, received by a JAX-RS resource and by a plain Servlet, to
 * tell the framework's share of the intake's cost from the application's. Copied into
 * src/main/java/io/meritocrab/intake/ for a measurement only, with RestVerify and RestStoreSync added to
 * MeritocrabApplication.getClasses().
 */
public final class IntakeProbes {

    private static volatile SignatureVerifier verifier;

    static byte[] verified(InputStream in, String signature, Secrets secrets) throws IOException {
        SignatureVerifier v = verifier;
        if (v == null) {
            v = new SignatureVerifier(secrets.webhookSecret().get());
            verifier = v;
        }
        Mac mac = v.newMac();
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        byte[] chunk = new byte[16 * 1024];
        int n;
        while ((n = in.read(chunk)) != -1) {
            mac.update(chunk, 0, n);
            out.write(chunk, 0, n);
        }
        return v.matches(mac.doFinal(), signature) ? out.toByteArray() : null;
    }

    private record Verified(byte[] payload, PayloadSummary summary) {
    }

    /** The Servlet probes' verification and parsing; null once the response says 401 or 400. */
    static Verified verifiedOrRefused(HttpServletRequest request, HttpServletResponse response, Secrets secrets)
            throws IOException {
        byte[] payload = verified(request.getInputStream(), request.getHeader("X-Hub-Signature-256"), secrets);
        if (payload == null) {
            response.setStatus(401);
            return null;
        }
        try {
            return new Verified(payload, PayloadSummaryReader.read(payload));
        } catch (Exception e) {
            response.setStatus(400);
            return null;
        }
    }

    @Path("/probe/rest-verify")
    @ApplicationScoped
    public static class RestVerify {
        @Inject
        Secrets secrets;

        @POST
        @Consumes(MediaType.WILDCARD)
        public Response receive(@HeaderParam("X-Hub-Signature-256") String signature, InputStream body)
                throws Exception {
            byte[] payload = verified(body, signature, secrets);
            if (payload == null) {
                return Response.status(401).build();
            }
            PayloadSummaryReader.read(payload);
            return Response.accepted("{\"status\":\"accepted\"}").type(MediaType.APPLICATION_JSON).build();
        }
    }

    @WebServlet(urlPatterns = "/probe/servlet-verify", asyncSupported = true)
    public static class ServletVerify extends HttpServlet {
        @Inject
        Secrets secrets;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (verifiedOrRefused(request, response, secrets) == null) {
                return;
            }
            response.setStatus(202);
            response.setContentType("application/json");
            response.getWriter().write("{\"status\":\"accepted\"}");
        }
    }

    @WebServlet(urlPatterns = "/probe/servlet", asyncSupported = true)
    public static class ServletStore extends HttpServlet {
        @Inject
        Secrets secrets;
        @Inject
        DeliveryInbox inbox;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Verified verified = verifiedOrRefused(request, response, secrets);
            if (verified == null) {
                return;
            }
            AsyncContext async = request.startAsync();
            String id = request.getHeader("X-GitHub-Delivery");
            inbox.submit(new IncomingDelivery(id, request.getHeader("X-GitHub-Event"), verified.summary(),
                            verified.payload(), Instant.now()))
                    .whenComplete((acceptance, failure) -> {
                        HttpServletResponse answer = (HttpServletResponse) async.getResponse();
                        try {
                            answer.setStatus(failure != null ? 503 : acceptance == Acceptance.ACCEPTED ? 202 : 200);
                            answer.setContentType("application/json");
                            answer.getWriter().write("{\"status\":\"accepted\",\"delivery\":\"" + id + "\"}");
                        } catch (IOException e) {
                            answer.setStatus(500);
                        } finally {
                            async.complete();
                        }
                    });
        }
    }

    @Path("/probe/rest-store-sync")
    @ApplicationScoped
    public static class RestStoreSync {
        @Inject
        Secrets secrets;
        @Inject
        DeliveryInbox inbox;

        @POST
        @Consumes(MediaType.WILDCARD)
        public Response receive(@HeaderParam("X-Hub-Signature-256") String signature,
                                @HeaderParam("X-GitHub-Delivery") String id, @HeaderParam("X-GitHub-Event") String event,
                                InputStream body) throws Exception {
            byte[] payload = verified(body, signature, secrets);
            if (payload == null) {
                return Response.status(401).build();
            }
            PayloadSummary summary = PayloadSummaryReader.read(payload);
            Acceptance acceptance = inbox.submit(new IncomingDelivery(id, event, summary, payload, Instant.now()))
                    .get(5, TimeUnit.SECONDS);
            return Response.status(acceptance == Acceptance.ACCEPTED ? 202 : 200)
                    .entity("{\"status\":\"accepted\"}").type(MediaType.APPLICATION_JSON).build();
        }
    }
}
