package io.meritocrab.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.crypto.Mac;

/**
 * Reads a webhook body as it arrives, in chunks, feeding the HMAC on the way: memory grows with the
 * bytes received (granted by the {@link BodyBudget}), never with the length a client declares, and a
 * body that takes longer than the deadline is given up. The signature is known when the last byte is.
 */
final class WebhookBody {

    static final int CHUNK = 16 * 1024;

    /** How reading ended. */
    enum Ending { COMPLETE, TOO_LARGE, OVER_BUDGET, TOO_SLOW }

    /** The body and its HMAC when complete; otherwise why not. */
    record Read(Ending ending, byte[] payload, byte[] digest) {
    }

    private WebhookBody() {
    }

    /**
     * Reads up to {@code maxBytes}; a longer body is TOO_LARGE. {@code deadlineNanos} is a
     * {@link System#nanoTime()} instant, checked after each chunk (a read that blocks is ended by the
     * HTTP server's read timeout).
     */
    static Read read(InputStream body, long declaredLength, int maxBytes, Mac mac, BodyBudget.Reservation budget,
                     long deadlineNanos) throws IOException {
        // The read buffer counts too: it is what a request that sends nothing holds.
        if (!budget.grow(CHUNK)) {
            return new Read(Ending.OVER_BUDGET, null, null);
        }
        int expected = declaredLength < 0 ? CHUNK : (int) Math.min(declaredLength, CHUNK);
        ByteArrayOutputStream received = new ByteArrayOutputStream(expected);
        byte[] chunk = new byte[CHUNK];
        int total = 0;
        int n;
        while ((n = body.read(chunk, 0, chunk.length)) != -1) {
            if (total + (long) n > maxBytes) {
                return new Read(Ending.TOO_LARGE, null, null);
            }
            if (!budget.grow(n)) {
                return new Read(Ending.OVER_BUDGET, null, null);
            }
            mac.update(chunk, 0, n);
            received.write(chunk, 0, n);
            total += n;
            if (System.nanoTime() - deadlineNanos > 0) {
                return new Read(Ending.TOO_SLOW, null, null);
            }
        }
        return new Read(Ending.COMPLETE, received.toByteArray(), mac.doFinal());
    }
}
