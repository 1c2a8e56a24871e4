namespace LoanSaaS.Domain.Appointments;

public enum AppointmentStatus
{
    /// <summary>已预约</summary>
    Scheduled,

    /// <summary>已到访: reception checked the customer in; the outcome is still to be recorded.</summary>
    Arrived,

    /// <summary>已完成: the meeting took place and its outcome is a follow-up.</summary>
    Completed,

    /// <summary>未到访</summary>
    NoShow,

    /// <summary>已取消</summary>
    Cancelled,
}
