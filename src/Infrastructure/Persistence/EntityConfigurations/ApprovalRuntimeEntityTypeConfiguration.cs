using LoanSaaS.Domain.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class ApplicationApprovalEntityTypeConfiguration : IEntityTypeConfiguration<ApplicationApproval>
{
    public void Configure(EntityTypeBuilder<ApplicationApproval> a)
    {
        a.Property(x => x.FlowKey).HasMaxLength(50);
        a.Property(x => x.NodeId).HasMaxLength(50);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.Mode).HasConversion<string>().HasMaxLength(10);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.HasIndex(x => x.ApplicationId);
        // The SLA sweep reads running approvals past due.
        a.HasIndex(x => new { x.Status, x.DueAt });
    }
}

internal sealed class ApprovalTaskEntityTypeConfiguration : IEntityTypeConfiguration<ApprovalTask>
{
    public void Configure(EntityTypeBuilder<ApprovalTask> t)
    {
        t.Property(x => x.NodeId).HasMaxLength(50);
        t.Property(x => x.NodeName).HasMaxLength(100);
        t.Property(x => x.ApproverId).HasMaxLength(450);
        t.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        t.Property(x => x.DecidedById).HasMaxLength(450);
        t.Property(x => x.OnBehalfOfId).HasMaxLength(450);
        t.Property(x => x.Comment).HasMaxLength(ApprovalTask.MaxCommentLength);
        t.HasIndex(x => new { x.ApproverId, x.Status });
        t.HasIndex(x => new { x.ApprovalId, x.Round });
        t.HasIndex(x => new { x.ApplicationId, x.CreatedAt });
    }
}

internal sealed class ApprovalDecisionEntityTypeConfiguration : IEntityTypeConfiguration<ApprovalDecision>
{
    public void Configure(EntityTypeBuilder<ApprovalDecision> d)
    {
        d.Property(x => x.NodeId).HasMaxLength(50);
        d.Property(x => x.NodeName).HasMaxLength(100);
        d.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
        d.Property(x => x.ActorId).HasMaxLength(450);
        d.Property(x => x.ActorName).HasMaxLength(50);
        d.Property(x => x.OnBehalfOfId).HasMaxLength(450);
        d.Property(x => x.OnBehalfOfName).HasMaxLength(50);
        d.Property(x => x.Comment).HasMaxLength(ApprovalTask.MaxCommentLength);
        d.Property(x => x.Detail).HasMaxLength(100);
        d.HasIndex(x => new { x.ApplicationId, x.Id });
        d.HasIndex(x => new { x.ActorId, x.At });
    }
}

internal sealed class ApprovalDelegationEntityTypeConfiguration : IEntityTypeConfiguration<ApprovalDelegation>
{
    public void Configure(EntityTypeBuilder<ApprovalDelegation> d)
    {
        d.Property(x => x.FromUserId).HasMaxLength(450);
        d.Property(x => x.ToUserId).HasMaxLength(450);
        d.Property(x => x.Reason).HasMaxLength(ApprovalDelegation.MaxReasonLength);
        d.Property(x => x.Version).IsConcurrencyToken();
        d.HasIndex(x => new { x.FromUserId, x.EndsOn });
        d.HasIndex(x => new { x.ToUserId, x.EndsOn });
    }
}
