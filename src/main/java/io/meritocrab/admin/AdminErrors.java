package io.meritocrab.admin;

import io.meritocrab.access.NotAllowedException;
import io.meritocrab.appeals.AppealException;
import io.meritocrab.importing.ImportRefused;
import io.meritocrab.maintainer.MaintainerActionException;
import io.meritocrab.maintainer.MaintainerActionException.EvaluationNotPending;
import io.meritocrab.maintainer.MaintainerActionException.InvalidRequest;
import io.meritocrab.shared.SharedListException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Domain refusals as API answers: unknown or not allowed → 404, not pending (or an appeal not open) →
 * 409, bad input → 400; a refused import with its own status; a shared list another user may not read
 * or change → 403 (the list's existence is no secret, its entries are).
 */
public final class AdminErrors {

    private AdminErrors() {
    }

    @Provider
    public static class MaintainerActionRefused implements ExceptionMapper<MaintainerActionException> {
        @Override
        public Response toResponse(MaintainerActionException e) {
            int status = e instanceof EvaluationNotPending ? 409 : e instanceof InvalidRequest ? 400 : 404;
            return ApiError.response(status, e.getMessage()).build();
        }
    }

    @Provider
    public static class AppealRefused implements ExceptionMapper<AppealException> {
        @Override
        public Response toResponse(AppealException e) {
            int status = e instanceof AppealException.NotOpen ? 409 : e instanceof AppealException.Refused ? 400 : 404;
            return ApiError.response(status, e.getMessage()).build();
        }
    }

    @Provider
    public static class SharedListRefused implements ExceptionMapper<SharedListException> {
        @Override
        public Response toResponse(SharedListException e) {
            int status = e instanceof SharedListException.Forbidden ? 403
                    : e instanceof SharedListException.Conflict ? 409
                    : e instanceof SharedListException.Invalid ? 400
                    : e instanceof SharedListException.Unavailable ? 503 : 404;
            return ApiError.response(status, e.getMessage()).build();
        }
    }

    /** Import input refused as a whole (not SQLite, wrong JSON, too large, unknown repository). */
    @Provider
    public static class ImportRefusedAnswer implements ExceptionMapper<ImportRefused> {
        @Override
        public Response toResponse(ImportRefused e) {
            return ApiError.response(e.status(), e.getMessage()).build();
        }
    }

    @Provider
    public static class NotAllowed implements ExceptionMapper<NotAllowedException> {
        @Override
        public Response toResponse(NotAllowedException e) {
            return ApiError.response(404, e.getMessage()).build();
        }
    }
}
