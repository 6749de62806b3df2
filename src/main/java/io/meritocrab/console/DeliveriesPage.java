package io.meritocrab.console;

import io.meritocrab.access.CurrentUser;
import io.meritocrab.access.NotAllowedException;
import io.meritocrab.admin.InboxQueries;
import io.meritocrab.admin.PageRequest;
import io.meritocrab.admin.Views;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.WebApplicationException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Failed deliveries of the user's repositories (all of them for operators): what each was, and retry. */
@Named("deliveries")
@ViewScoped
public class DeliveriesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    InboxQueries inbox;
    @Inject
    CurrentUser currentUser;

    private List<Views.Delivery> items = List.of();
    private final Map<String, String> summaries = new HashMap<>();

    @PostConstruct
    void load() {
        items = inbox.byStatus(currentUser.require(), "FAILED", PageRequest.first(100)).items();
    }

    public void summarize(String deliveryId) {
        try {
            summaries.put(deliveryId, inbox.payloadSummary(currentUser.require(), deliveryId));
        } catch (NotAllowedException e) {
            Pages.error(e.getMessage());
        }
    }

    /** Retries, then redirects (post/redirect/get) so that reloading the page sends nothing again. */
    public String retry(String deliveryId) {
        try {
            inbox.retry(currentUser.require(), deliveryId);
            Pages.info("Delivery " + deliveryId + " is queued again; it will be processed in a moment.");
        } catch (NotAllowedException e) {
            Pages.error(e.getMessage());
        } catch (WebApplicationException notFailed) {
            Pages.error("Delivery " + deliveryId + " is not failed any more.");
        }
        Pages.keepMessages();
        return "/deliveries.xhtml?faces-redirect=true";
    }

    public List<Views.Delivery> getItems() {
        return items;
    }

    public Map<String, String> getSummaries() {
        return summaries;
    }
}
