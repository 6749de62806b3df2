package io.meritocrab.importing;

import io.meritocrab.access.ConsoleUser;
import io.meritocrab.access.RepositoryAccess;
import io.meritocrab.repos.RepositoryDirectory;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Brings a repository over from the original meritocrab: reads its server-mode database (an uploaded
 * SQLite file, or PostgreSQL by URL) or its Actions-mode files, then imports (or, dry run, plans) each
 * repository that this server serves and the user maintains, one transaction per repository
 * ({@link RepositoryImporter}). Used by the admin API and the console's import page.
 */
@ApplicationScoped
public class MeritocrabImport {

    private static final Logger LOG = Logger.getLogger(MeritocrabImport.class.getName());

    @Inject
    RepositoryDirectory directory;
    @Inject
    RepositoryAccess access;
    @Inject
    RepositoryImporter importer;
    @Inject
    ImportSettings settings;

    public ImportReport sqlite(InputStream upload, ConsoleUser user, boolean dryRun) {
        return run(SqliteDatabaseFile.read(upload, settings.maxUploadBytes()), user, dryRun);
    }

    /** An upload kept (within the cap) in a temporary file until the person confirms; the caller deletes it. */
    public Path keep(InputStream upload) {
        return Uploads.file(upload, settings.maxUploadBytes());
    }

    /** The largest upload of one file, in bytes (meritocrab.import.max-upload-bytes). */
    public long maxUploadBytes() {
        return settings.maxUploadBytes();
    }

    public ImportReport sqlite(Path kept, ConsoleUser user, boolean dryRun) {
        return run(SqliteDatabaseFile.readChecked(kept), user, dryRun);
    }

    public ImportReport actions(String repository, Path contributors, Path events, ConsoleUser user, boolean dryRun) {
        try (InputStream contributorsFile = Files.newInputStream(contributors);
                InputStream eventsFile = Files.newInputStream(events)) {
            return actions(repository, contributorsFile, eventsFile, user, dryRun);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Actions mode's files in one JSON body: {@code {"repository", "contributors", "events"}}. */
    public ImportReport actions(InputStream body, ConsoleUser user, boolean dryRun) {
        ActionsUpload.Files files = ActionsUpload.body(body, settings.maxUploadBytes());
        return actions(files.repository(), files.contributors(), files.events(), user, dryRun);
    }

    /** The Actions mode's two files as uploaded, for the repository they belong to (they do not name it). */
    public ImportReport actions(String repository, InputStream contributors, InputStream events, ConsoleUser user,
                                boolean dryRun) {
        long max = settings.maxUploadBytes();
        return actions(repository, ActionsUpload.file(contributors, max, "contributors.json"),
                ActionsUpload.file(events, max, "events.json"), user, dryRun);
    }

    private ImportReport actions(String repository, JsonValue contributors, JsonValue events, ConsoleUser user,
                                 boolean dryRun) {
        if (repository == null || !repository.matches("[A-Za-z0-9_.\\-]+/[A-Za-z0-9_.\\-]+")) {
            throw ImportRefused.badInput("repository must be owner/name");
        }
        if (directory.findByFullName(repository).filter(r -> access.maintains(user, r)).isEmpty()) {
            throw ImportRefused.notFound("unknown repository " + repository);
        }
        return run(ActionsStateReader.read(repository, contributors, events), user, dryRun);
    }

    public ImportReport postgres(String url, String dbUser, String password, ConsoleUser user, boolean dryRun) {
        return run(PostgresSource.read(url, dbUser, password), user, dryRun);
    }

    private ImportReport run(OriginalLedger original, ConsoleUser user, boolean dryRun) {
        List<Target> targets = original.repositories().stream().map(theirs -> target(theirs, user)).toList();
        if (targets.stream().allMatch(t -> t.ours() == null)) {
            throw ImportRefused.notFound(original.repositories().isEmpty() ? "the data holds no repository"
                    : "no repository of the data is served here and maintained by you: " + String.join(", ",
                    original.repositories().stream().map(OriginalLedger.Repository::fullName).toList()));
        }
        List<ImportReport.RepositoryReport> reports = new ArrayList<>();
        for (Target target : targets) {
            if (target.ours() == null) {
                reports.add(target.skipped());
                continue;
            }
            reports.add(importer.importInto(target.ours(), target.theirs(), user.login(), dryRun));
            if (!dryRun) {
                LOG.info(() -> user.login() + " imported " + original.source() + " into " + target.ours().fullName());
            }
        }
        return new ImportReport(dryRun, original.source(), reports, original.unmapped());
    }

    /** Where one original repository goes: a repository here, or nowhere with the reason in its report. */
    private Target target(OriginalLedger.Repository theirs, ConsoleUser user) {
        Optional<TrackedRepository> ours = directory.findByFullName(theirs.fullName());
        if (ours.isEmpty()) {
            return new Target(theirs, null, ImportReport.RepositoryReport.skipped(theirs, "unknown",
                    "this server does not serve " + theirs.fullName() + " (install the App on it first)"));
        }
        if (!access.maintains(user, ours.get())) {
            return new Target(theirs, null, ImportReport.RepositoryReport.skipped(theirs, "not yours",
                    "you do not maintain " + theirs.fullName()));
        }
        return new Target(theirs, ours.get(), null);
    }

    private record Target(OriginalLedger.Repository theirs, TrackedRepository ours,
                          ImportReport.RepositoryReport skipped) {
    }
}
