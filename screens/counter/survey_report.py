"""The supervisor's survey report: for a period, respondents against the population and
the minimum sample, the IKM with its grade and the weight used, each element's NRR from the
weakest to the strongest with a small bar, and the follow-up list (a low score on complaints
handling, or a comment: the day and the words, never who). F2 saves the regulation's
tabulation as CSV into [counter] report_dir."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Static

from kiosk.desk.survey import FollowUp, Survey, SurveyReport
from kiosk.desk.survey_tabulation import bar, tabulation_csv
from screens.common.shown_text import shown
from screens.counter.report_period import ReportPeriod


class SurveyReportScreen(ReportPeriod, Screen[None]):
    CSS_PATH = "report.tcss"
    BINDINGS = [Binding("escape", "back", show=False),
                Binding("f2", "export", show=False, priority=True)]

    def __init__(self) -> None:
        super().__init__()
        self.survey = Survey(self.app.desk)
        self.report: SurveyReport | None = None
        self.follow: tuple[FollowUp, ...] = ()

    def compose(self) -> ComposeResult:
        t, today = self.app.t, self.app.desk.today()
        with Horizontal(id="report-top"):
            yield from self.period_inputs(today.replace(day=1), today)
            yield Button(t("counter_report_show"), id="report-show", variant="primary",
                         compact=True)
            yield Button(t("survey_report_export", k="F2"), id="report-export", compact=True)
            yield Button(t("counter_back"), id="report-back", compact=True, action="screen.back")
        yield Label("", id="report-total")
        with VerticalScroll(id="survey-report"):
            yield Static("", id="survey-elements")
            yield Static("", id="survey-followups")
        yield Label("", id="report-message")
        yield Footer()

    def on_mount(self) -> None:
        self.run_latest(self.show_report(), group="report")

    @on(Button.Pressed, "#report-show")
    @on(Input.Submitted)
    def _asked(self) -> None:
        self.run_latest(self.show_report(), group="report")

    async def show_report(self) -> None:
        dates = self.dates()
        if dates is None:
            self.say_trouble(self.app.t("date_invalid"))
            return
        async with self.working("#report-message"):
            report = await self.app.store.call(self.survey.report, *dates)
            follow = await self.app.store.call(self.survey.follow_ups, *dates)
        self.report, self.follow = report, follow
        self.query_one("#report-total", Label).update(self.summary(report))
        self.query_one("#survey-elements", Static).update(self.elements(report))
        self.query_one("#survey-followups", Static).update(self.follow_up_lines(follow))

    def summary(self, report: SurveyReport) -> str:
        t = self.app.t
        counts = t("survey_report_counts", respondents=report.respondents,
                   population=report.population, minimum=report.minimum_sample)
        if report.ikm is None or report.grade is None:
            return f"{counts}\n{t('survey_report_none')}"
        return f"{counts}\n" + t("survey_report_index", ikm=report.ikm, grade=report.grade,
                                 words=t(f"survey_grade_{report.grade}"),
                                 weight=t(f"survey_weight_{report.weight}"))

    def elements(self, report: SurveyReport) -> str:
        """Each element's NRR, weakest first, with a bar (4 fills it)."""
        en = self.app.lang == "en"
        lines = []
        for i in report.weakest_first:
            q = report.questions[i]
            lines.append(f"U{i + 1} {bar(report.nrr[i])} {float(report.nrr[i]):.2f}  "
                         f"{shown(q.name_en if en else q.name)}")
        return "\n".join(lines)

    def follow_up_lines(self, follow: tuple[FollowUp, ...]) -> str:
        t = self.app.t
        lines = [t("survey_report_followups", count=len(follow))]
        lines += [t("survey_report_followup_line", date=f.day.isoformat(), score=f.complaints,
                    comment=shown(f.comment) or "-") for f in follow]
        return "\n".join(lines)

    @on(Button.Pressed, "#report-export")
    def action_export(self) -> None:
        self.run_busy(self.export())

    async def export(self) -> None:
        report = self.report
        if report is not None:
            await self.save_csv(f"skm-{report.first}-{report.last}.csv",
                                lambda: tabulation_csv(report), "survey_report_exported")

    def action_back(self) -> None:
        self.dismiss(None)
