package io.meritocrab.evaluation.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;

/**
 * Counts model evaluations per repository per UTC day in the database, so that servers sharing it share
 * the cap: the conditional increment takes the day's row lock, and a reservation made in a transaction
 * that rolls back is given back with it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ModelCallBudget {

    @PersistenceContext
    EntityManager em;

    /** Counts one model evaluation for the repository today; false when the day's cap is reached. */
    public boolean tryReserve(long repositoryId, LocalDate day, int cap) {
        em.createNativeQuery("INSERT INTO model_call_count (repository_id, usage_day, calls) VALUES (?, ?, 0) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, repositoryId)
                .setParameter(2, Date.valueOf(day))
                .executeUpdate();
        return em.createNativeQuery("UPDATE model_call_count SET calls = calls + 1 "
                        + "WHERE repository_id = ? AND usage_day = ? AND calls < ?")
                .setParameter(1, repositoryId)
                .setParameter(2, Date.valueOf(day))
                .setParameter(3, cap)
                .executeUpdate() == 1;
    }
}
