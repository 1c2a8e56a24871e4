using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.Dashboard;
using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Appointments;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Dashboard;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Leads;
using LoanSaaS.Tenancy.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Integration.Tests.Appointments;

/// <summary>
/// Visits (邀约上门): booking tells the staff and the owner live; staff double-booking and bad input are refused;
/// reception's check-in notifies the owner live and the outcome becomes a follow-up; reminders go out once; the
/// visit is invisible to colleagues outside its lead's scope who do not attend, and to another agency.
/// </summary>
public abstract class AppointmentTests(AppHost app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private Task<LeadListWorld> WorldAsync() => app.SharedAsync("appointment-world", () => LeadListWorld.CreateAsync(app, "visit"));

    private static ScheduleAppointmentRequest Booking(Guid lead, DateTimeOffset at, params string[] staff) =>
        new(null, 0, lead, AppointmentKind.OfficeVisit, at, 60, "总部 3 楼洽谈室", "带齐银行流水", staff, 30);

    /// <summary>Each test books at its own hour, so the staff are never busy with another test's visit.</summary>
    private static DateTimeOffset Slot(int day, int hour = 10) => Shanghai.StartOfDayUtc(Shanghai.Today(TimeProvider.System).AddDays(day)).AddHours(hour);

    private async Task<Result<Guid>> BookAsync(LeadListWorld w, string userId, ScheduleAppointmentRequest request)
    {
        await using var scope = await app.MemberScopeAsync(w.Agency.Info, userId);
        return await scope.Get<ScheduleAppointment>().HandleAsync(request, Ct);
    }

    private async Task<AppointmentView?> SeeAsync(LeadListWorld w, string userId, Guid id, DateTimeOffset at)
    {
        await using var scope = await app.MemberScopeAsync(w.Agency.Info, userId);
        var day = Shanghai.DateOf(at);
        var (from, to) = AppointmentCalendar.Range(CalendarView.Day, day);
        return (await scope.Get<ListAppointments>().HandleAsync(new AppointmentQuery(from, to), Ct)).SingleOrDefault(a => a.Id == id);
    }

    private TaskCompletionSource<LiveMessage> Listen(LeadListWorld w, string userId, out IDisposable subscription)
    {
        var heard = new TaskCompletionSource<LiveMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        subscription = app.Services.GetRequiredService<ILiveEvents>().Subscribe(NotificationEvents.Topic(w.Agency.Info.Id, userId), m =>
        {
            heard.TrySetResult(m);
            return Task.CompletedTask;
        });
        return heard;
    }

    [Fact]
    public async Task A_booking_tells_staff_and_owner_live_and_shows_to_attending_staff_from_another_team_and_on_the_timeline()
    {
        var w = await WorldAsync();
        var heard = Listen(w, w.SalesB.UserId, out var subscription);
        using var _ = subscription;
        var at = Slot(2, 10);

        var booked = await BookAsync(w, w.Manager.UserId, Booking(w["甲"], at, w.Manager.UserId, w.SalesB.UserId));

        Assert.True(booked.Succeeded, string.Join(",", booked.Errors));
        Assert.Equal("notification", (await heard.Task.WaitAsync(TimeSpan.FromSeconds(10))).Kind);
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            var told = await db.Notifications.Where(n => n.LeadId == w["甲"] && n.Kind == NotificationKind.AppointmentBooked).Select(n => n.UserId).ToListAsync();
            Assert.Equal(new[] { w.SalesA.UserId, w.SalesB.UserId }.Order(StringComparer.Ordinal), told.Order(StringComparer.Ordinal));
        }
        // Sales B (other team) attends: sees the visit, with the lead's mobile masked, but not the lead itself.
        var seen = await SeeAsync(w, w.SalesB.UserId, booked.Value, at);
        Assert.NotNull(seen);
        Assert.Equal((w.Prefix + "甲", "总部 3 楼洽谈室", AppointmentStatus.Scheduled), (seen.LeadName, seen.Place, seen.Status));
        Assert.Contains("****", seen.MobileMasked);
        Assert.Equal([w.Manager.FullName, w.SalesB.FullName], seen.Staff.Select(s => s.Name).ToList());
        await using (var salesB = await app.MemberScopeAsync(w.Agency.Info, w.SalesB.UserId))
            Assert.False((await salesB.Get<GetLead>().HandleAsync(w["甲"], Ct)).Succeeded);
        // The owner sees it on the lead's visits and timeline.
        await using var salesA = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        Assert.Contains(await salesA.Get<ListAppointments>().HandleAsync(new AppointmentQuery(LeadId: w["甲"]), Ct), a => a.Id == booked.Value);
        var timeline = (await salesA.Get<GetLeadTimeline>().HandleAsync(w["甲"], Ct)).Value!;
        Assert.Equal("总部 3 楼洽谈室", timeline.First(e => e.Kind == "appointment.scheduled").Data["place"]);
    }

    [Fact]
    public async Task Bad_input_a_busy_colleague_an_unseen_lead_and_a_blacklisted_one_are_refused_and_nothing_is_saved()
    {
        var w = await WorldAsync();
        var at = Slot(3, 14);
        async Task<string> RefusedAsync(ScheduleAppointmentRequest request, string? by = null)
        {
            var result = await BookAsync(w, by ?? w.SalesA.UserId, request);
            Assert.False(result.Succeeded);
            return string.Join(",", result.Errors.Select(e => $"{e.Field}.{e.Code}"));
        }

        Assert.Equal("StartsAt.InPast", await RefusedAsync(Booking(w["甲"], DateTimeOffset.UtcNow.AddMinutes(-5), w.SalesA.UserId)));
        Assert.Equal("StartsAt.TooFar", await RefusedAsync(Booking(w["甲"], DateTimeOffset.UtcNow.AddDays(200), w.SalesA.UserId)));
        Assert.Equal("Place.Required,StaffIds.Required", await RefusedAsync(Booking(w["甲"], at) with { Place = " " }));
        Assert.Equal("DurationMinutes.Invalid,RemindMinutesBefore.Invalid", await RefusedAsync(Booking(w["甲"], at, w.SalesA.UserId) with { DurationMinutes = 7, RemindMinutesBefore = 3 }));
        Assert.Equal("StaffIds.Invalid", await RefusedAsync(Booking(w["甲"], at, "no-such-member")));
        Assert.Equal("Lead.NotFound", await RefusedAsync(Booking(w["乙"], at, w.SalesA.UserId)));
        Assert.Equal("Lead.Closed", await RefusedAsync(Booking(w["己"], at, w.SalesA.UserId)));

        Assert.True((await BookAsync(w, w.SalesA.UserId, Booking(w["甲"], at, w.SalesA.UserId))).Succeeded);
        Assert.Equal("StaffIds.Busy", await RefusedAsync(Booking(w["戊"], at.AddMinutes(30), w.SalesA.UserId)));
        Assert.True((await BookAsync(w, w.SalesA.UserId, Booking(w["戊"], at.AddMinutes(60), w.SalesA.UserId))).Succeeded);

        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(0, await db.Appointments.CountAsync(a => a.LeadId == w["乙"] || a.LeadId == w["己"]));
    }

    [Fact]
    public async Task Reception_check_in_notifies_the_owner_live_and_the_outcome_becomes_a_visit_follow_up_counted_on_the_dashboard()
    {
        var w = await WorldAsync();
        var at = DateTimeOffset.UtcNow.AddMinutes(10);
        var booked = await BookAsync(w, w.SalesA.UserId, Booking(w["戊"], at, w.SalesA.UserId) with { Place = "前台签到测试" });
        Assert.True(booked.Succeeded, string.Join(",", booked.Errors));
        var version = (await SeeAsync(w, w.SalesA.UserId, booked.Value, at))!.Version;

        var heard = Listen(w, w.SalesA.UserId, out var subscription);
        using var _ = subscription;
        await using (var manager = await app.MemberScopeAsync(w.Agency.Info, w.Manager.UserId))
        {
            Assert.Equal("ChangedByOthers", (await manager.Get<CheckInAppointment>().HandleAsync(booked.Value, version - 1, Ct)).Errors[0].Code);
            Assert.True((await manager.Get<CheckInAppointment>().HandleAsync(booked.Value, version, Ct)).Succeeded);
            Assert.Equal("Appointment.NotChangeable", Code(await manager.Get<CheckInAppointment>().HandleAsync(booked.Value, version + 1, Ct)));
        }
        Assert.Equal("notification", (await heard.Task.WaitAsync(TimeSpan.FromSeconds(10))).Kind);
        var arrived = (await SeeAsync(w, w.SalesA.UserId, booked.Value, at))!;
        Assert.Equal((AppointmentStatus.Arrived, w.Manager.FullName), (arrived.Status, arrived.CheckedInByName));
        Assert.True(arrived.Can.RecordOutcome);
        Assert.False(arrived.Can.RecordNoShow);

        await using var salesA = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var next = DateTimeOffset.UtcNow.AddDays(2);
        var empty = await salesA.Get<RecordAppointmentOutcome>().HandleAsync(new(booked.Value, arrived.Version, true, FollowUpOutcome.Interested, " ", next), Ct);
        Assert.Equal("Content.Required", Code(empty));
        var recorded = await salesA.Get<RecordAppointmentOutcome>().HandleAsync(new(booked.Value, arrived.Version, true, FollowUpOutcome.Interested, "客户带了流水，月供可承受，下周提交资料", next), Ct);
        Assert.True(recorded.Succeeded, string.Join(",", recorded.Errors));

        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            var followUp = await db.FollowUps.SingleAsync(f => f.Id == recorded.Value);
            Assert.Equal((FollowUpChannel.Visit, FollowUpOutcome.Interested, w.SalesA.UserId), (followUp.Channel, followUp.Outcome, followUp.AuthorId));
            var lead = await db.Leads.SingleAsync(l => l.Id == w["戊"]);
            Assert.Equal(next.ToUnixTimeSeconds(), lead.NextFollowUpAt!.Value.ToUnixTimeSeconds());
            var visit = await db.Appointments.SingleAsync(a => a.Id == booked.Value);
            Assert.Equal((AppointmentStatus.Completed, recorded.Value), (visit.Status, visit.OutcomeFollowUpId!.Value));
        }
        var timeline = (await salesA.Get<GetLeadTimeline>().HandleAsync(w["戊"], Ct)).Value!;
        Assert.Contains(timeline, e => e.Kind == "appointment.arrived");
        Assert.Contains(timeline, e => e.Kind == "appointment.completed");

        if (Shanghai.DateOf(at) == Shanghai.Today(TimeProvider.System))
        {
            await using var manager = await app.MemberScopeAsync(w.Agency.Info, w.Manager.UserId);
            var today = await manager.Get<GetDashboard>().HandleAsync(new DashboardQuery(DashboardPeriod.Today), Ct);
            Assert.True(today.Appointments >= 1 && today.Visited >= 1, $"{today.Appointments} / {today.Visited}");
        }
    }

    [Fact]
    public async Task A_missed_visit_is_recorded_as_a_no_show_and_a_cancelled_one_cannot_be_checked_in()
    {
        var w = await WorldAsync();
        var missed = await BookAsync(w, w.SalesA.UserId, Booking(w["甲"], Slot(4, 9), w.SalesA.UserId));
        var cancelled = await BookAsync(w, w.SalesA.UserId, Booking(w["甲"], Slot(4, 16), w.SalesA.UserId));
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            var visit = await db.Appointments.SingleAsync(a => a.Id == missed.Value);
            visit.StartsAt = DateTimeOffset.UtcNow.AddHours(-1);
            await db.SaveChangesAsync();
        }
        await using var salesA = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var view = (await salesA.Get<ListAppointments>().HandleAsync(new AppointmentQuery(LeadId: w["甲"]), Ct)).Single(a => a.Id == missed.Value);
        Assert.True(view.Can.RecordNoShow);
        var noShow = await salesA.Get<RecordAppointmentOutcome>().HandleAsync(new(missed.Value, view.Version, false, FollowUpOutcome.NoAnswer, "客户临时有事没来，改约下周", null), Ct);
        Assert.True(noShow.Succeeded, string.Join(",", noShow.Errors));

        var toCancel = (await salesA.Get<ListAppointments>().HandleAsync(new AppointmentQuery(LeadId: w["甲"]), Ct)).Single(a => a.Id == cancelled.Value);
        Assert.True((await salesA.Get<CancelAppointment>().HandleAsync(new(cancelled.Value, toCancel.Version, "客户改用线上面签"), Ct)).Succeeded);
        Assert.Equal("Appointment.NotChangeable", Code(await salesA.Get<CheckInAppointment>().HandleAsync(cancelled.Value, toCancel.Version + 1, Ct)));

        await using var check = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(AppointmentStatus.NoShow, (await check.Appointments.SingleAsync(a => a.Id == missed.Value)).Status);
        Assert.Equal(AppointmentStatus.Cancelled, (await check.Appointments.SingleAsync(a => a.Id == cancelled.Value)).Status);
    }

    [Fact]
    public async Task The_reminder_goes_out_once_the_chosen_time_before_and_again_after_the_visit_is_moved()
    {
        var w = await WorldAsync();
        var at = Slot(5, 11);
        var booked = await BookAsync(w, w.Manager.UserId, Booking(w["丙"], at, w.Manager.UserId, w.SalesA.UserId));
        Assert.True(booked.Succeeded, string.Join(",", booked.Errors));
        async Task<int> ScanAsync(DateTimeOffset now)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SendAppointmentReminders>().HandleAsync(w.Agency.Info, now, Ct);
        }

        Assert.Equal(0, await ScanAsync(at.AddMinutes(-31)));
        var sent = await Task.WhenAll(ScanAsync(at.AddMinutes(-29)), ScanAsync(at.AddMinutes(-29)));
        Assert.Equal(2, sent.Sum());
        Assert.Equal(0, await ScanAsync(at.AddMinutes(-20)));
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
            Assert.Equal(2, await db.Notifications.CountAsync(n => n.LeadId == w["丙"] && n.Kind == NotificationKind.AppointmentSoon));

        var view = (await SeeAsync(w, w.Manager.UserId, booked.Value, at))!;
        var moved = await BookAsync(w, w.Manager.UserId, Booking(w["丙"], at.AddDays(1), w.Manager.UserId, w.SalesA.UserId) with { AppointmentId = booked.Value, Version = view.Version });
        Assert.True(moved.Succeeded, string.Join(",", moved.Errors));
        Assert.Equal(2, await ScanAsync(at.AddDays(1).AddMinutes(-29)));
        var stale = await BookAsync(w, w.Manager.UserId, Booking(w["丙"], at.AddDays(2), w.Manager.UserId) with { AppointmentId = booked.Value, Version = view.Version });
        Assert.Equal("ChangedByOthers", stale.Errors[0].Code);
    }

    [Fact]
    public async Task A_colleague_outside_the_leads_scope_and_another_agency_cannot_see_or_change_the_visit()
    {
        var w = await WorldAsync();
        var at = Slot(6, 15);
        var booked = await BookAsync(w, w.SalesA.UserId, Booking(w["甲"], at, w.SalesA.UserId));
        var version = (await SeeAsync(w, w.SalesA.UserId, booked.Value, at))!.Version;
        Assert.Null(await SeeAsync(w, w.SalesB.UserId, booked.Value, at));

        var b = await app.SharedAsync("visit-agency-b", () => app.ProvisionAgencyAsync(TestIds.Slug("visitb")));
        await using var ownerB = await app.OwnerScopeAsync(b);
        await using var salesB = await app.MemberScopeAsync(w.Agency.Info, w.SalesB.UserId);
        foreach (var scope in new[] { ownerB, salesB })
        {
            var (from, to) = AppointmentCalendar.Range(CalendarView.Week, Shanghai.DateOf(at));
            Assert.DoesNotContain(await scope.Get<ListAppointments>().HandleAsync(new AppointmentQuery(from, to), Ct), a => a.Id == booked.Value);
            Assert.DoesNotContain(await scope.Get<ListAppointments>().HandleAsync(new AppointmentQuery(LeadId: w["甲"]), Ct), a => a.Id == booked.Value);
            Assert.Equal("Appointment.NotFound", Code(await scope.Get<CheckInAppointment>().HandleAsync(booked.Value, version, Ct)));
            Assert.Equal("Appointment.NotFound", Code(await scope.Get<CancelAppointment>().HandleAsync(new(booked.Value, version, "试探"), Ct)));
            Assert.Equal("Appointment.NotFound", Code(await scope.Get<RecordAppointmentOutcome>().HandleAsync(new(booked.Value, version, true, FollowUpOutcome.Interested, "试探", null), Ct)));
            Assert.Equal("Appointment.NotFound", Code(await scope.Get<ScheduleAppointment>().HandleAsync(Booking(w["甲"], at.AddHours(1), w.SalesA.UserId) with { AppointmentId = booked.Value, Version = version }, Ct)));
        }
        Assert.Equal("Lead.NotFound", Code(await ownerB.Get<ScheduleAppointment>().HandleAsync(Booking(w["甲"], at, b.OwnerUserId), Ct)));

        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var visit = await db.Appointments.SingleAsync(a => a.Id == booked.Value);
        Assert.Equal((AppointmentStatus.Scheduled, at), (visit.Status, visit.StartsAt));
    }

    private static string Code<T>(Result<T> result) => result.Errors.Count == 0 ? "ok" : $"{result.Errors[0].Field}.{result.Errors[0].Code}";
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAppointmentTests(SqliteAppHost app) : AppointmentTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAppointmentTests(PostgresAppHost app) : AppointmentTests(app);
