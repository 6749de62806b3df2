package io.meritocrab.inbox;

/** A webhook body, or a part a handler needs, is not what GitHub sends; retrying cannot help. */
public class MalformedPayloadException extends RuntimeException {

    public MalformedPayloadException(String message) {
        super(message);
    }
}
