package io.meritocrab.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an upload up to the cap (413 beyond it), into memory or into a temporary file. */
final class Uploads {

    private Uploads() {
    }

    static byte[] bytes(InputStream body, long maxBytes) {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy(body, copy, maxBytes);
        return copy.toByteArray();
    }

    /** The upload in a new temporary file, which the caller deletes. */
    static Path file(InputStream body, long maxBytes) {
        try {
            Path file = Files.createTempFile("meritocrab-import-", ".upload");
            try (OutputStream out = Files.newOutputStream(file)) {
                copy(body, out, maxBytes);
            } catch (RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the upload", e);
        }
    }

    private static void copy(InputStream body, OutputStream out, long maxBytes) {
        if (body == null) {
            throw ImportRefused.badInput("the request has no body");
        }
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                total += read;
                if (total > maxBytes) {
                    throw ImportRefused.tooLarge("the upload is larger than " + maxBytes
                            + " bytes (meritocrab.import.max-upload-bytes)");
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw ImportRefused.badInput("the upload could not be read: " + e.getMessage());
        }
        if (total == 0) {
            throw ImportRefused.badInput("the upload is empty");
        }
    }
}
