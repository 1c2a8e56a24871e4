namespace LoanSaaS.Domain.Appointments;

public enum AppointmentKind
{
    /// <summary>到店面谈: the customer comes to the office (邀约上门).</summary>
    OfficeVisit,

    /// <summary>上门拜访: staff go to the customer (上门谈单).</summary>
    SiteVisit,
}
