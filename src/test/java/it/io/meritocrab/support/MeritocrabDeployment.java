package it.io.meritocrab.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR under test: the one the build produced, so the tests exercise what ships. */
public final class MeritocrabDeployment {

    private MeritocrabDeployment() {
    }

    public static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("meritocrab.it.war")));
    }
}
