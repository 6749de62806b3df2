package io.meritocrab.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Draws credit over time as an inline SVG on the server (no script, no outside resources). The text
 * in it is numbers and dates only, so it can be written into the page as it is.
 */
public final class CreditChart {

    /** The credit a contributor had from {@code at} on. */
    public record Point(Instant at, int credit) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final long TWO_DAYS = 2L * 24 * 3600 * 1000;

    private CreditChart() {
    }

    /** The chart of points in time order; a short note when there is nothing to draw. */
    public static String svg(List<Point> points) {
        if (points.isEmpty()) {
            return "<p class=\"muted\">No credit changes yet.</p>";
        }
        long first = points.get(0).at().toEpochMilli();
        long last = points.get(points.size() - 1).at().toEpochMilli();
        int min = points.stream().mapToInt(Point::credit).min().orElse(0);
        int max = points.stream().mapToInt(Point::credit).max().orElse(0);
        int low = Math.max(0, min - 5);
        int high = max + 5;
        StringBuilder path = new StringBuilder();
        double previousY = 0;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = x(p.at().toEpochMilli(), first, last, i, points.size());
            double y = y(p.credit(), low, high);
            // A step line: credit stays as it was until the next change.
            if (i == 0) {
                path.append(String.format(Locale.ROOT, "M%.1f %.1f", x, y));
            } else {
                path.append(String.format(Locale.ROOT, " L%.1f %.1f L%.1f %.1f", x, previousY, x, y));
            }
            previousY = y;
        }
        Point latest = points.get(points.size() - 1);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "aria-labelledby=\"chart-title\" data-points=\"%d\" "
                + "data-latest=\"%d\">", WIDTH, HEIGHT, points.size(), latest.credit()));
        svg.append(String.format(Locale.ROOT, "<title id=\"chart-title\">Credit over time: from %d to %d, "
                + "lowest %d, highest %d</title>", points.get(0).credit(), latest.credit(), min, max));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        svg.append(label(LEFT - 6, y(high, low, high) + 4, "end", String.valueOf(high)));
        svg.append(label(LEFT - 6, y(low, low, high) + 4, "end", String.valueOf(low)));
        DateTimeFormatter format = last - first < TWO_DAYS ? MINUTE : DAY;
        svg.append(label(LEFT, HEIGHT - 8, "start", format.format(points.get(0).at())));
        svg.append(label(WIDTH - RIGHT, HEIGHT - 8, "end", format.format(latest.at())));
        svg.append("<path class=\"line\" d=\"").append(path).append("\"/>");
        svg.append(String.format(Locale.ROOT, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>",
                x(last, first, last, points.size() - 1, points.size()), y(latest.credit(), low, high)));
        return svg.append("</svg>").toString();
    }

    private static double x(long at, long first, long last, int index, int count) {
        double span = WIDTH - LEFT - RIGHT;
        if (last == first) {
            return count == 1 ? LEFT + span / 2 : LEFT + span * index / (count - 1);
        }
        return LEFT + span * (at - first) / (double) (last - first);
    }

    private static double y(int credit, int low, int high) {
        double span = HEIGHT - TOP - BOTTOM;
        return TOP + span * (high - credit) / (double) Math.max(1, high - low);
    }

    private static String label(double x, double y, String anchor, String text) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor, text);
    }
}
