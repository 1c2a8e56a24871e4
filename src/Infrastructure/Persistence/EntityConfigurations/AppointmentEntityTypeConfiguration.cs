using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class AppointmentEntityTypeConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> a)
    {
        a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(12);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        a.Property(x => x.Place).HasMaxLength(Appointment.MaxPlaceLength);
        a.Property(x => x.Notes).HasMaxLength(Appointment.MaxNotesLength);
        a.Property(x => x.CreatedById).HasMaxLength(450);
        a.Property(x => x.CreatedByName).HasMaxLength(100);
        a.Property(x => x.CheckedInByName).HasMaxLength(100);
        // A few member ids, read with the appointment and matched in memory; a join table would buy nothing here.
        a.Property(x => x.StaffIds).HasConversion(
                v => string.Join(',', v),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<List<string>>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, m) => HashCode.Combine(h, m)), v => v.ToList()))
            .HasMaxLength(2400);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.Ignore(x => x.EndsAt);
        a.HasIndex(x => x.StartsAt);
        a.HasIndex(x => new { x.LeadId, x.StartsAt });
        a.HasIndex(x => new { x.Status, x.ReminderSentAt, x.StartsAt });
        a.HasOne<Lead>().WithMany().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}
