package io.meritocrab.importing;

/** Import input that is refused as a whole, before anything changed; {@code status} is the HTTP answer. */
public class ImportRefused extends RuntimeException {

    private final int status;

    ImportRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    static ImportRefused badInput(String message) {
        return new ImportRefused(400, message);
    }

    static ImportRefused notFound(String message) {
        return new ImportRefused(404, message);
    }

    static ImportRefused tooLarge(String message) {
        return new ImportRefused(413, message);
    }

    public int status() {
        return status;
    }
}
