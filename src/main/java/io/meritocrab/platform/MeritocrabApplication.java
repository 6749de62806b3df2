package io.meritocrab.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application: webhooks under /webhooks, the admin API under /api. */
@ApplicationPath("/")
public class MeritocrabApplication extends Application {
}
