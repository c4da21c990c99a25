using Microsoft.EntityFrameworkCore;

namespace BizSuite.Hr.Expenses;

internal static class ExpenseModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ExpenseClaim>(b =>
        {
            b.ToTable("hr_expense_claims");
            b.Property(c => c.Number).HasMaxLength(32);
            b.Property(c => c.EmployeeName).HasMaxLength(100);
            b.Property(c => c.Title).HasMaxLength(200);
            b.Property(c => c.Currency).HasMaxLength(3);
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(c => c.RejectionComment).HasMaxLength(500);
            b.HasIndex(c => new { c.TenantId, c.Number }).IsUnique();
            b.HasIndex(c => new { c.TenantId, c.EmployeeId });
            b.HasIndex(c => new { c.TenantId, c.DepartmentId });
            b.OwnsMany(c => c.Lines, l =>
            {
                l.ToTable("hr_expense_lines");
                l.WithOwner().HasForeignKey("ClaimId");
                l.HasKey("Id");
                l.Property("Id").ValueGeneratedNever();
                l.Property(x => x.Category).HasMaxLength(32);
                l.Property(x => x.Description).HasMaxLength(200);
                l.HasIndex(x => x.AttachmentId);
            });
            b.Navigation(c => c.Lines).HasField("_lines");
        });
        modelBuilder.Entity<Attachment>(b =>
        {
            b.ToTable("hr_attachments");
            b.Property(a => a.FileName).HasMaxLength(200);
            b.Property(a => a.ContentType).HasMaxLength(100);
            b.Property(a => a.Content).HasColumnType("mediumblob");
            b.HasIndex(a => new { a.TenantId, a.UploadedBy });
        });
    }
}
