package io.meritocrab.github;

import java.util.List;
import java.util.Locale;

/**
 * What the gate's unlock asks of an issue: whom it is assigned to and its labels (only people with
 * triage access or more can set either on GitHub). GitHub's issues API also answers for pull requests.
 */
public record IssueSummary(int number, List<String> assignees, List<String> labels, boolean pullRequest) {

    public IssueSummary {
        assignees = List.copyOf(assignees);
        labels = List.copyOf(labels);
    }

    public boolean assignedTo(String login) {
        return assignees.stream().anyMatch(assignee -> assignee.equalsIgnoreCase(login));
    }

    /** GitHub matches label names without regard to case. */
    public boolean labelled(String label) {
        String wanted = label.toLowerCase(Locale.ROOT);
        return labels.stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).equals(wanted));
    }
}
