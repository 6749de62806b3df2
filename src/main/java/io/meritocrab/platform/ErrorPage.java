package io.meritocrab.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The page for whatever escaped the console (web.xml sends every uncaught exception and every 500
 * here): the same few sentences every time, never the exception or a stack trace, which stay in the
 * log. A plain servlet, so it works when Faces or the page's beans are what failed.
 */
@WebServlet(urlPatterns = "/error")
public class ErrorPage extends HttpServlet {

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
        response.getWriter().write(PAGE.formatted(request.getContextPath()));
    }
}
