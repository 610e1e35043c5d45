package dev.foresight.reports.html;

/**
 * One part of the page: builds its view model from the report input, adds any chart specs, and
 * renders its template into the page slot of the same name.
 */
interface Section {

    /** The slot (and template, and anchor) name. */
    String slot();

    String render(ReportInput in, Charts charts);
}
