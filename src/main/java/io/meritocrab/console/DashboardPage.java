package io.meritocrab.console;

import io.meritocrab.access.CurrentUser;
import io.meritocrab.admin.DashboardQueries;
import io.meritocrab.admin.Views;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The first screen: the user's repositories, their pending reviews, and failed deliveries. */
@Named("dashboard")
@ViewScoped
public class DashboardPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DashboardQueries queries;
    @Inject
    CurrentUser currentUser;

    private Views.Dashboard dashboard;

    @PostConstruct
    void load() {
        dashboard = queries.of(currentUser.require());
    }

    public Views.Dashboard getDashboard() {
        return dashboard;
    }
}
