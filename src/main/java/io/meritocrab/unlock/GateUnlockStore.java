package io.meritocrab.unlock;

import io.meritocrab.platform.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The one owner of the `gate_unlock` table: maintainers' invites and the issues that have let a pull
 * request through. Each unlock is used by one pull request: an invite is taken with a conditional update,
 * an issue's row is inserted when it is used (its key is the contributor and the issue), so two servers
 * handling two pull requests at once cannot both use it.
 */
@ApplicationScoped
public class GateUnlockStore {

    static final String INVITE = "INVITE";
    static final String ISSUE = "ISSUE";

    @Inject
    Database dataSource;

    /** What a pull request already used, so that carrying out its action again gives the same answer. */
    public Optional<Unlock> usedBy(long contributorId, int pullNumber) {
        return query("SELECT kind, issue_number, invited_by FROM gate_unlock WHERE contributor_id = ? "
                + "AND used_by_pull = ?", contributorId, pullNumber);
    }

    public boolean issueUsed(long contributorId, int issueNumber) {
        return query("SELECT kind, issue_number, invited_by FROM gate_unlock WHERE contributor_id = ? "
                + "AND issue_number = ?", contributorId, issueNumber).isPresent();
    }

    /** Records that the issue lets this pull request through; false when it already let another one. */
    public boolean useIssue(long contributorId, int issueNumber, int pullNumber, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO gate_unlock (contributor_id, kind, "
                     + "issue_number, created_at, used_by_pull, used_at) VALUES (?, ?, ?, ?, ?, ?) "
                     + "ON CONFLICT DO NOTHING")) {
            insert.setLong(1, contributorId);
            insert.setString(2, ISSUE);
            insert.setInt(3, issueNumber);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setInt(5, pullNumber);
            insert.setTimestamp(6, Timestamp.from(now));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the unlock by issue #" + issueNumber, e);
        }
    }

    /** Takes the contributor's oldest invite still valid for this pull request; empty when there is none. */
    public Optional<Unlock> useInvite(long contributorId, int pullNumber, Instant now) {
        Optional<Long> invite = validInvite(contributorId, now);
        if (invite.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement use = connection.prepareStatement("UPDATE gate_unlock SET used_by_pull = ?, "
                     + "used_at = ? WHERE id = ? AND used_by_pull IS NULL")) {
            use.setInt(1, pullNumber);
            use.setTimestamp(2, Timestamp.from(now));
            use.setLong(3, invite.get());
            if (use.executeUpdate() != 1) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not use the invite of contributor " + contributorId, e);
        }
        return usedBy(contributorId, pullNumber);
    }

    /**
     * Records a maintainer's invite, in the caller's transaction: a valid invite not used yet is renewed
     * (one invite lets one pull request through, however often it is given).
     */
    public void invite(long contributorId, String maintainer, Instant now, Instant expiresAt) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<Long> open = validInvite(contributorId, now);
            String sql = open.isPresent()
                    ? "UPDATE gate_unlock SET invited_by = ?, created_at = ?, expires_at = ? WHERE id = ?"
                    : "INSERT INTO gate_unlock (invited_by, created_at, expires_at, contributor_id, kind) "
                            + "VALUES (?, ?, ?, ?, '" + INVITE + "')";
            try (PreparedStatement write = connection.prepareStatement(sql)) {
                write.setString(1, maintainer);
                write.setTimestamp(2, Timestamp.from(now));
                write.setTimestamp(3, Timestamp.from(expiresAt));
                write.setLong(4, open.orElse(contributorId));
                write.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the invite of contributor " + contributorId, e);
        }
    }

    /** The expiry of the contributor's invite not used yet, if any. */
    public Optional<Instant> inviteValidUntil(long contributorId, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT MAX(expires_at) FROM gate_unlock "
                     + "WHERE contributor_id = ? AND kind = ? AND used_by_pull IS NULL AND expires_at > ?")) {
            select.setLong(1, contributorId);
            select.setString(2, INVITE);
            select.setTimestamp(3, Timestamp.from(now));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                Timestamp until = row.getTimestamp(1);
                return until == null ? Optional.empty() : Optional.of(until.toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the invite of contributor " + contributorId, e);
        }
    }

    private Optional<Long> validInvite(long contributorId, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT MIN(id) FROM gate_unlock "
                     + "WHERE contributor_id = ? AND kind = ? AND used_by_pull IS NULL AND expires_at > ?")) {
            select.setLong(1, contributorId);
            select.setString(2, INVITE);
            select.setTimestamp(3, Timestamp.from(now));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long id = row.getLong(1);
                return row.wasNull() ? Optional.empty() : Optional.of(id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the invites of contributor " + contributorId, e);
        }
    }

    private Optional<Unlock> query(String sql, long contributorId, int number) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, contributorId);
            select.setInt(2, number);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(INVITE.equals(row.getString(1)) ? new Unlock.Invite(row.getString(3))
                        : new Unlock.ByIssue(row.getInt(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the unlocks of contributor " + contributorId, e);
        }
    }
}
