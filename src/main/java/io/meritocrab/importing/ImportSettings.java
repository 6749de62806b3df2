package io.meritocrab.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The import's settings: the largest upload (an original database or its two JSON files), in bytes. */
@ApplicationScoped
public class ImportSettings {

    @Inject @ConfigProperty(name = "meritocrab.import.max-upload-bytes", defaultValue = "67108864")
    long maxUploadBytes;

    public long maxUploadBytes() {
        return maxUploadBytes;
    }
}
