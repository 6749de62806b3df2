package io.meritocrab.console;

import io.meritocrab.access.CurrentUser;
import io.meritocrab.importing.ImportRefused;
import io.meritocrab.importing.ImportReport;
import io.meritocrab.importing.MeritocrabImport;
import jakarta.annotation.PreDestroy;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "Import from meritocrab": upload the original's SQLite database or its Actions-mode files (or name its
 * PostgreSQL database), see the dry run's report, then confirm. The uploads wait in temporary files until
 * the import or until the view ends; the PostgreSQL password only in memory.
 */
@Named("importPage")
@ViewScoped
public class ImportPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ImportPage.class.getName());

    enum Source { SQLITE, ACTIONS, POSTGRESQL }

    @Inject
    MeritocrabImport imports;
    @Inject
    CurrentUser currentUser;

    private transient Part database;
    private transient Part contributorsFile;
    private transient Part eventsFile;
    private String repository;
    private String url;
    private String user;
    private transient String password;

    private Source source;
    private final List<String> kept = new ArrayList<>();
    private ImportReport report;

    public void dryRunDatabase() {
        start(Source.SQLITE, database);
    }

    public void dryRunActions() {
        start(Source.ACTIONS, contributorsFile, eventsFile);
    }

    public void dryRunPostgres() {
        start(Source.POSTGRESQL);
    }

    /** Imports what the dry run showed. */
    public void confirm() {
        if (source == null || report == null) {
            Pages.error("Upload the data and look at the dry run first.");
            return;
        }
        if (run(false)) {
            Pages.info("Imported. Importing the same data again changes nothing.");
            discard();
        }
    }

    public void cancel() {
        discard();
    }

    private void start(Source chosen, Part... uploads) {
        discard();
        try {
            for (Part upload : uploads) {
                if (upload == null || upload.getSize() == 0) {
                    Pages.error("Choose the file" + (uploads.length > 1 ? "s" : "") + " to import.");
                    discard();
                    return;
                }
                try (InputStream in = upload.getInputStream()) {
                    kept.add(imports.keep(in).toString());
                }
            }
        } catch (ImportRefused e) {
            Pages.error(e.getMessage());
            discard();
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        source = chosen;
        if (!run(true)) {
            discard();
        }
    }

    private boolean run(boolean dryRun) {
        try {
            report = switch (source) {
                case SQLITE -> imports.sqlite(Path.of(kept.get(0)), currentUser.require(), dryRun);
                case ACTIONS -> imports.actions(repository == null ? null : repository.strip(), Path.of(kept.get(0)),
                        Path.of(kept.get(1)), currentUser.require(), dryRun);
                case POSTGRESQL -> imports.postgres(url, user, password, currentUser.require(), dryRun);
            };
            return true;
        } catch (ImportRefused e) {
            Pages.error(e.getMessage());
            report = null;
            return false;
        }
    }

    @PreDestroy
    void discard() {
        for (String file : kept) {
            try {
                Files.deleteIfExists(Path.of(file));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not delete the upload " + file, e);
            }
        }
        kept.clear();
        source = null;
        if (report != null && report.dryRun()) {
            report = null;
        }
    }

    public ImportReport getReport() {
        return report;
    }

    /** Whether a dry run waits for confirmation. */
    public boolean isPending() {
        return source != null && report != null && report.dryRun();
    }

    public Part getDatabase() {
        return database;
    }

    public void setDatabase(Part database) {
        this.database = database;
    }

    public Part getContributorsFile() {
        return contributorsFile;
    }

    public void setContributorsFile(Part contributorsFile) {
        this.contributorsFile = contributorsFile;
    }

    public Part getEventsFile() {
        return eventsFile;
    }

    public void setEventsFile(Part eventsFile) {
        this.eventsFile = eventsFile;
    }

    public String getRepository() {
        return repository;
    }

    public void setRepository(String repository) {
        this.repository = repository;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
