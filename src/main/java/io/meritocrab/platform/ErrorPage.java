package io.meritocrab.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * The page for whatever escaped (web.xml sends every 500 here, an uncaught exception included): the
 * same few sentences every time, never the exception or a stack trace, which stay in the log. A plain
 * servlet, so it works when Faces or the page's beans are what failed. Faces' refusal of a stale page
 * or of a confirmation opened without the console's link (which the 500 mapping catches before any
 * mapping by exception type) is answered with the console's "expired" text instead.
 */
@WebServlet(urlPatterns = "/error")
public class ErrorPage extends HttpServlet {

    private static final Set<String> EXPIRED = Set.of("jakarta.faces.application.ViewExpiredException",
            "jakarta.faces.application.ProtectedViewException");
    private static final String EXPIRED_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>This page has expired · Meritocrab</title></head>
            <body><main><h1>This page has expired</h1>
            <p>Nothing was changed: the page was too old, or it was not opened from the console.
            Changes are accepted only from a current console page.</p>
            <p><a href="%s/console/index.xhtml">Back to the dashboard</a></p></main></body></html>
            """;
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Something went wrong · Meritocrab</title></head>
            <body><main><h1>Something went wrong</h1>
            <p>The server could not answer this request. The details are in the server's log.</p>
            <p><a href="%s/console/index.xhtml">Back to the dashboard</a></p></main></body></html>
            """;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        response.setStatus(status instanceof Integer code && code >= 400 ? code : 500);
        SecurityHeaders.apply(response);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write((expired(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION)) ? EXPIRED_PAGE : PAGE)
                .formatted(request.getContextPath()));
    }

    private static boolean expired(Object failure) {
        for (Throwable e = failure instanceof Throwable t ? t : null; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (EXPIRED.contains(e.getClass().getName())) {
                return true;
            }
        }
        return false;
    }
}
