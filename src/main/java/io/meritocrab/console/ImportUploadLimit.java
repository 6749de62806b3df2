package io.meritocrab.console;

import io.meritocrab.importing.MeritocrabImport;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers 413 with a message to an upload on the import page larger than its two files may be, before
 * Faces reads it: the import's own cap ({@link MeritocrabImport#keep}) then says so per file.
 */
@WebFilter(urlPatterns = "/console/import.xhtml")
public class ImportUploadLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Room for the form's other fields and the multipart framing. */
    private static final long FORM_OVERHEAD = 64 * 1024;

    @Inject
    transient MeritocrabImport imports;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long limit = 2 * imports.maxUploadBytes() + FORM_OVERHEAD;
        if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > limit) {
            response.setStatus(413);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(("The upload is larger than the import takes (" + limit
                    + " bytes; meritocrab.import.max-upload-bytes per file).\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
